import { MAX_PULL_ROWS, type PullReply } from '../../lib/model/sync';
import type { Db, Sql } from '../db/db';
import { decodeCookie, encodeCookie } from './cookie';
import { toChecklist, toFlag, toHistory, toOwner, toOwnership, type ChecklistRow, type FlagRow, type HistoryRow, type OwnerRow, type RecordRow } from './rows';

/**
 * A client starting from nothing (cookie null, or a reset) gets this many days of history; incremental
 * pulls get every row. The panel lists a record's last 50 history rows, nearly always recent ones, and old
 * rows were most of an initial pull of a team with years of changes.
 */
export const INITIAL_HISTORY_DAYS = 90;

/**
 * History an initial pull leaves out, besides rows older than INITIAL_HISTORY_DAYS: `import` rows without
 * a `before` (the "Imported from a CRM export" row every imported record gets). They only restate the
 * record's owner and `assignedAt`, which the record row carries, and were half of the rows of a freshly
 * imported team. Import rows that changed an owner (`before` set) are sent like any other change.
 */
const INITIAL_HISTORY_FILTER = "AND NOT (kind = 'import' AND before IS NULL)";

export type PullOutcome = { kind: 'ok'; reply: PullReply } | { kind: 'bad-cookie'; message: string };

export interface PullOptions {
  now: number;
  /** Page size; MAX_PULL_ROWS unless a test wants small pages. */
  maxRows?: number;
}

/**
 * Every change after the cookie's version, in version order, at most `maxRows` rows, never cutting one
 * version in two (a version larger than a page goes whole). Read in one REPEATABLE READ snapshot, so the
 * team head, the rows and the client's last mutation id agree with each other.
 *
 * Flags whose `until` has passed are still sent: clients hide them by `serverNow`. Only cleared flags
 * become tombstones (`deletedFlags`). A pull from nothing leaves tombstones and old history out (see
 * INITIAL_HISTORY_DAYS); incremental pulls send every change.
 */
export async function pull(db: Db, teamId: string, clientId: string, cookieText: string | null, options: PullOptions): Promise<PullOutcome> {
  const maxRows = options.maxRows ?? MAX_PULL_ROWS;
  const cookie = cookieText === null ? null : decodeCookie(cookieText);
  if (cookieText !== null && !cookie) return { kind: 'bad-cookie', message: 'The cookie is not one this service made. Pull with cookie null to start over.' };
  if (cookie && cookie.team !== teamId) return { kind: 'bad-cookie', message: 'The cookie belongs to another team than this token. Pull with cookie null to start over.' };

  return db.transaction(async (tx) => {
    const [state] = await tx.query<{ v: number; purged_through: number; epoch: string }>(
      'SELECT tv.v, tv.purged_through, t.epoch FROM team_version tv JOIN teams t ON t.id = tv.team_id WHERE tv.team_id = $1',
      [teamId],
    );
    if (!state) throw new Error(`No team ${teamId}`);
    // Reset: the cookie predates purged tombstones, another epoch, or a version this database never had.
    const reset = cookie !== null && (cookie.epoch !== state.epoch || cookie.v > state.v || cookie.v < state.purged_through);
    const from = cookie && !reset ? cookie.v : 0;
    // From nothing, tombstones tell nobody anything, and old history is left out (INITIAL_HISTORY_DAYS).
    const flagFilter = from === 0 ? 'AND NOT deleted' : '';
    // A computed integer, not user input: safe to inline, and the same text in every query below.
    // A client that held nothing (cookie null, or reset), until it has caught up: its cookie says so.
    const initial = cookie === null || reset || cookie.initial === true;
    const historyFilter = initial ? `AND at >= ${Math.floor(options.now - INITIAL_HISTORY_DAYS * 86_400_000)} ${INITIAL_HISTORY_FILTER}` : '';

    const versions = (
      await tx.query<{ v: number }>(
        `SELECT v FROM (
           SELECT sync_version AS v FROM records WHERE team_id = $1 AND sync_version > $2
           UNION ALL SELECT sync_version FROM owners WHERE team_id = $1 AND sync_version > $2
           UNION ALL SELECT sync_version FROM flags WHERE team_id = $1 AND sync_version > $2 ${flagFilter}
           UNION ALL SELECT sync_version FROM checklists WHERE team_id = $1 AND sync_version > $2
           UNION ALL SELECT sync_version FROM history WHERE team_id = $1 AND sync_version > $2 ${historyFilter}
         ) changes ORDER BY v LIMIT $3`,
        [teamId, from, maxRows + 1],
      )
    ).map((r) => r.v);

    let upto = state.v;
    let more = false;
    if (versions.length > maxRows) {
      const firstLeftOut = versions[maxRows]!;
      const lastWhole = versions.findLast((v) => v < firstLeftOut);
      if (lastWhole !== undefined) {
        upto = lastWhole;
        more = true;
      } else {
        // One version alone fills the page: send all of it rather than split it.
        upto = firstLeftOut;
        more = await anyAfter(tx, teamId, upto, flagFilter, historyFilter);
      }
    }

    const range = [teamId, from, upto];
    const where = 'team_id = $1 AND sync_version > $2 AND sync_version <= $3';
    const records = await tx.query<RecordRow>(`SELECT * FROM records WHERE ${where} ORDER BY sync_version, key`, range);
    const owners = await tx.query<OwnerRow>(`SELECT * FROM owners WHERE ${where} ORDER BY sync_version, id`, range);
    const flags = await tx.query<FlagRow>(`SELECT * FROM flags WHERE ${where} ${flagFilter} ORDER BY sync_version, id`, range);
    const checklists = await tx.query<ChecklistRow>(`SELECT * FROM checklists WHERE ${where} ORDER BY sync_version, record_key`, range);
    const history = await tx.query<HistoryRow>(`SELECT * FROM history WHERE ${where} ${historyFilter} ORDER BY sync_version, id`, range);
    const [client] = await tx.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM clients WHERE team_id = $1 AND client_id = $2', [teamId, clientId]);

    const reply: PullReply = {
      cookie: encodeCookie({ v: upto, team: teamId, epoch: state.epoch, ...(initial && more ? { initial: true as const } : {}) }),
      serverNow: options.now,
      reset,
      more,
      lastMutationId: client?.last_mutation_id ?? 0,
      records: records.map(toOwnership),
      owners: owners.map(toOwner),
      flags: flags.filter((f) => !f.deleted).map(toFlag),
      deletedFlags: flags.filter((f) => f.deleted).map((f) => f.id),
      checklists: checklists.map(toChecklist),
      history: history.map(toHistory),
    };
    return { kind: 'ok', reply };
  }, 'repeatable read');
}

async function anyAfter(tx: Sql, teamId: string, v: number, flagFilter: string, historyFilter: string): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM records WHERE team_id = $1 AND sync_version > $2
     UNION ALL SELECT 1 FROM owners WHERE team_id = $1 AND sync_version > $2
     UNION ALL SELECT 1 FROM flags WHERE team_id = $1 AND sync_version > $2 ${flagFilter}
     UNION ALL SELECT 1 FROM checklists WHERE team_id = $1 AND sync_version > $2
     UNION ALL SELECT 1 FROM history WHERE team_id = $1 AND sync_version > $2 ${historyFilter}
     LIMIT 1`,
    [teamId, v],
  );
  return rows.length > 0;
}

/**
 * Drops tombstones older than `cutoff` and raises the team's `purged_through`, so cookies older than the
 * newest dropped tombstone reset instead of missing a deletion. Takes the team lock first, in the same
 * order as writers, so it cannot deadlock with a push.
 */
export async function purgeTombstones(db: Db, teamId: string, cutoff: number): Promise<number> {
  const due = await db.query('SELECT 1 FROM flags WHERE team_id = $1 AND deleted AND deleted_at < $2 LIMIT 1', [teamId, cutoff]);
  if (due.length === 0) return 0;
  return db.transaction(async (tx) => {
    await tx.query('SELECT v FROM team_version WHERE team_id = $1 FOR UPDATE', [teamId]);
    const purged = await tx.query<{ sync_version: number }>('DELETE FROM flags WHERE team_id = $1 AND deleted AND deleted_at < $2 RETURNING sync_version', [teamId, cutoff]);
    const highest = Math.max(0, ...purged.map((r) => r.sync_version));
    await tx.query('UPDATE team_version SET purged_through = GREATEST(purged_through, $2) WHERE team_id = $1', [teamId, highest]);
    return purged.length;
  });
}
