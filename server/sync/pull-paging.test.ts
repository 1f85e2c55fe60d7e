import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullReply } from '../../lib/model/sync';
import { PGLITE } from '../test/databases';
import { DAY, newTeam, startHarness, type Harness } from '../test/harness';
import { INITIAL_HISTORY_DAYS, pull } from './pull';
import { takeTeamVersion } from './team-version';

// A bulk import used to be one team version, and a pull never cuts a version in two: a 100,000-record
// import was one ~50 MB page. The importer now takes a version per ~2,000 rows, so pulls page.

const RECORDS = 4_000;
const PAGE = 1_500;

function ownersCsv(count: number, owner: (i: number) => string): string {
  const rows = Array.from({ length: count }, (_, i) => `"${i + 1}","Company ${i + 1}","${owner(i)}","c${i + 1}.example"`);
  return ['"Record ID","Company name","Company owner","Company Domain Name"', ...rows].join('\n');
}

describe('pull pages a bulk import', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(PGLITE);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  async function pullAll(team: string, cookie: string | null, maxRows = PAGE): Promise<PullReply[]> {
    const pages: PullReply[] = [];
    for (;;) {
      const outcome = await pull(h.service.db, team, 'test-client', cookie, { now: h.clock.now(), maxRows });
      if (outcome.kind !== 'ok') throw new Error(outcome.message);
      pages.push(outcome.reply);
      cookie = outcome.reply.cookie;
      if (!outcome.reply.more) return pages;
      if (pages.length > 100) throw new Error('pull never ends');
    }
  }

  it('an import larger than several pages arrives in several pages whose union is the table', async () => {
    const { team } = await newTeam(h.service, { ada: 'admin' });
    const before = await pullAll(team, null);
    const cookie = before.at(-1)!.cookie;

    const report = await h.service.admin.importOwners({ team, csv: ownersCsv(RECORDS, (i) => `Owner ${i % 7} <owner${i % 7}@acme.test>`), crm: 'hubspot', kind: 'account' });
    expect(report.errors).toEqual([]);
    expect(report.records.added).toBe(RECORDS);

    const stored = await h.service.db.query<{ key: string }>('SELECT key FROM records WHERE team_id = $1', [team]);
    const storedHistory = await h.service.db.query<{ id: string }>('SELECT id FROM history WHERE team_id = $1', [team]);
    expect(stored).toHaveLength(RECORDS);
    // A version per ~2,000 rows (a record row and an import history row per record).
    const [versions] = await h.service.db.query<{ n: number }>('SELECT count(DISTINCT sync_version)::int AS n FROM records WHERE team_id = $1', [team]);
    expect(versions!.n).toBeGreaterThanOrEqual(RECORDS / 1_000);

    // From nothing: every record, in pages no larger than a page (the import's versions are smaller).
    const initial = await pullAll(team, null);
    expect(initial.length).toBeGreaterThan(2);
    for (const page of initial) expect(page.records.length + page.owners.length + page.history.length).toBeLessThanOrEqual(PAGE);
    const keys = initial.flatMap((p) => p.records.map((r) => r.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(keys)).toEqual(new Set(stored.map((r) => r.key)));
    expect(new Set(initial.flatMap((p) => p.owners.map((o) => o.id))).size).toBe(7);
    // Every page of the catch-up, not only the first, leaves the first-import rows out.
    expect(initial.flatMap((p) => p.history)).toEqual([]);

    // Incremental (a client that was synced before the import): every record and every history row.
    const delta = await pullAll(team, cookie);
    expect(delta.length).toBeGreaterThan(2);
    expect(new Set(delta.flatMap((p) => p.records.map((r) => r.key)))).toEqual(new Set(stored.map((r) => r.key)));
    expect(new Set(delta.flatMap((p) => p.history.map((r) => r.id)))).toEqual(new Set(storedHistory.map((r) => r.id)));
  }, 120_000);

  it('an initial pull leaves out old history and first-import rows; an incremental pull sends them', async () => {
    const { team } = await newTeam(h.service, { ada: 'admin' });
    const synced = await pullAll(team, null);
    const cookie = synced.at(-1)!.cookie;
    await h.service.admin.importOwners({ team, csv: ownersCsv(3, () => 'Grace <grace@acme.test>'), crm: 'hubspot', kind: 'account' });
    const now = h.clock.now();
    const key = 'hubspot:account:1';
    await h.service.db.transaction(async (tx) => {
      const v = await takeTeamVersion(tx, team);
      const row = (id: string, at: number, kind: string, before: string | null) =>
        tx.query(`INSERT INTO history (team_id, id, record_key, at, actor, kind, before, after, reason, sync_version) VALUES ($1, $2, $3, $4, 'ada@acme.test', $5, $6, 'person:grace@acme.test', 'test', $7)`, [
          team, id, key, at, kind, before, v,
        ]);
      await row('old-owner', now - (INITIAL_HISTORY_DAYS + 1) * DAY, 'owner', 'person:alan@acme.test');
      await row('recent-owner', now - 10 * DAY, 'owner', 'person:alan@acme.test');
      await row('recent-reimport', now - DAY, 'import', 'person:alan@acme.test');
    });

    const initial = (await pullAll(team, null)).flatMap((p) => p.history.map((h) => h.id));
    expect(initial.sort()).toEqual(['recent-owner', 'recent-reimport']);

    const all = await h.service.db.query<{ id: string }>('SELECT id FROM history WHERE team_id = $1', [team]);
    const incremental = (await pullAll(team, cookie)).flatMap((p) => p.history.map((h) => h.id));
    expect(incremental.sort()).toEqual(all.map((r) => r.id).sort());
    expect(incremental).toContain('old-owner');
    expect(incremental.length).toBe(6);

    // Once caught up, the next pull is incremental again: a new old-dated row arrives.
    const caughtUp = (await pullAll(team, null)).at(-1)!.cookie;
    await h.service.db.transaction(async (tx) => {
      const v = await takeTeamVersion(tx, team);
      await tx.query(`INSERT INTO history (team_id, id, record_key, at, actor, kind, reason, sync_version) VALUES ($1, 'late', $2, $3, 'import', 'import', 'test', $4)`, [team, key, now - 400 * DAY, v]);
    });
    expect((await pullAll(team, caughtUp)).flatMap((p) => p.history.map((h) => h.id))).toEqual(['late']);
  });
});
