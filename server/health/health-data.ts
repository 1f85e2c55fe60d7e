import type { CrmId, RecordKind } from '../../lib/model/crm-ids';
import type { Channel, Flag, Owner } from '../../lib/model/ownership';
import { parseRulePack } from '../../lib/rules/parse';
import type { RulePack } from '../../lib/rules/schema';
import { SERIES_DAYS } from '../../lib/model/health';
import type { Db } from '../db/db';

const DAY_MS = 86_400_000;

// What the health numbers are computed from: one team's rows, read in one snapshot. The SQL stays plain
// (no aggregates that PGlite and PostgreSQL might disagree on); the numbers are pure TypeScript over these
// rows (./health-numbers), so a test can hand them a dataset and know every answer.

export interface HealthRecordRow {
  key: string;
  crm: CrmId;
  kind: RecordKind;
  recordId: string;
  objectType: string | null;
  name: string | null;
  email: string | null;
  domain: string | null;
  ownerId: string | null;
  lifecycleStage: string | null;
  assignedAt: number | null;
  firstTouchAt: number | null;
  lastActivityAt: number | null;
  updatedAt: number;
}

export interface HealthOwnerRow {
  id: string;
  name: string;
  kind: Owner['kind'];
  active: boolean;
}

export interface FlagInForce {
  recordKey: string;
  type: Flag['type'];
  channels: Channel[];
}

/** An owner change from history: `owner` rows (people, admins) and `import` rows (CRM exports). */
export interface OwnerChange {
  recordKey: string;
  at: number;
  kind: 'owner' | 'import';
  before: string | null;
  after: string | null;
  reason: string | null;
}

export interface HealthData {
  now: number;
  records: HealthRecordRow[];
  owners: HealthOwnerRow[];
  flags: FlagInForce[];
  /** Oldest first; those of the series window only (see windowStart). */
  ownerChanges: OwnerChange[];
  /** When the service first wrote history for each record, for records first seen in the series window. */
  firstSeen: Map<string, number>;
  pack: { version: number; pack: RulePack } | null;
  /** Set when a pack is stored but cannot be read as a rule pack. */
  packProblem?: string;
}

/** The first moment of the series window: the start of the UTC day SERIES_DAYS − 1 days before `now`'s. */
export function windowStart(now: number): number {
  return Math.floor(now / DAY_MS) * DAY_MS - (SERIES_DAYS - 1) * DAY_MS;
}

type RecordTuple = [string, CrmId, RecordKind, string, string | null, string | null, string | null, string | null, string | null, string | null, number | null, number | null, number | null, number];
type ChangeTuple = [string, number, 'owner' | 'import', string | null, string | null, string | null];

/**
 * Rows arrive as one JSON array per table (json_agg): PGlite hands over 100,000 rows one by one several
 * times slower than one 10 MB text, and PostgreSQL answers the same SQL. History is read for the series
 * window only: what happened before it shows as the `before` of a record's first change in it.
 */
export async function loadHealthData(db: Db, teamId: string, now: number): Promise<HealthData> {
  const since = windowStart(now);
  return db.transaction(async (tx) => {
    const [records] = await tx.query<{ rows: string | null }>(
      `SELECT json_agg(json_build_array(key, crm, kind, record_id, object_type, name, email, domain, owner_id, lifecycle_stage, assigned_at,
         first_touch_at, last_activity_at, updated_at) ORDER BY key)::text AS rows
       FROM records WHERE team_id = $1`,
      [teamId],
    );
    const owners = await tx.query<HealthOwnerRow>('SELECT id, name, kind, active FROM owners WHERE team_id = $1 ORDER BY id', [teamId]);
    const flags = await tx.query<{ record_key: string; type: Flag['type']; channels: Channel[] }>(
      'SELECT record_key, type, channels FROM flags WHERE team_id = $1 AND NOT deleted AND (until IS NULL OR until > $2)',
      [teamId, now],
    );
    const [changes] = await tx.query<{ rows: string | null }>(
      `SELECT json_agg(json_build_array(record_key, at, kind, before, after, reason) ORDER BY at, sync_version, id)::text AS rows
       FROM history WHERE team_id = $1 AND kind IN ('owner', 'import') AND at >= $2`,
      [teamId, since],
    );
    const [seen] = await tx.query<{ rows: string | null }>(
      `SELECT json_agg(json_build_array(record_key, first))::text AS rows
       FROM (SELECT record_key, min(at) AS first FROM history WHERE team_id = $1 GROUP BY record_key HAVING min(at) >= $2) s`,
      [teamId, since],
    );
    const stored = await tx.query<{ version: number; body: string }>('SELECT version, body FROM rulepacks WHERE team_id = $1', [teamId]);
    const pack = readPack(stored[0]?.body);
    const tuples = <T>(text: string | null | undefined): T[] => (text ? (JSON.parse(text) as T[]) : []);
    return {
      now,
      records: tuples<RecordTuple>(records?.rows).map(([key, crm, kind, recordId, objectType, name, email, domain, ownerId, lifecycleStage, assignedAt, firstTouchAt, lastActivityAt, updatedAt]) => ({
        key, crm, kind, recordId, objectType, name, email, domain, ownerId, lifecycleStage, assignedAt, firstTouchAt, lastActivityAt, updatedAt,
      })),
      owners,
      flags: flags.map((f) => ({ recordKey: f.record_key, type: f.type, channels: f.channels })),
      ownerChanges: tuples<ChangeTuple>(changes?.rows).map(([recordKey, at, kind, before, after, reason]) => ({ recordKey, at, kind, before, after, reason })),
      firstSeen: new Map(tuples<[string, number]>(seen?.rows)),
      ...(pack.ok ? { pack: pack.pack ? { version: stored[0]!.version, pack: pack.pack } : null } : { pack: null, packProblem: pack.problem }),
    };
  }, 'repeatable read');
}

/**
 * The stored body is what the admin published: `{ pack, signature }` (lib/rules/sign.ts), or a bare pack.
 * The service does not verify the signature: it only ever stored what an admin sent (PUT /v1/rulepack).
 */
export function readPack(body: string | undefined): { ok: true; pack: RulePack | null } | { ok: false; problem: string } {
  if (body === undefined) return { ok: true, pack: null };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, problem: 'The stored rule pack is not JSON.' };
  }
  const inner = value && typeof value === 'object' && 'pack' in value ? (value as { pack: unknown }).pack : value;
  const parsed = parseRulePack(inner);
  if (!parsed.ok) return { ok: false, problem: `The stored rule pack cannot be read (${parsed.errors[0]?.path}: ${parsed.errors[0]?.message}).` };
  return { ok: true, pack: parsed.pack };
}
