import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toChecklist, toFlag, toHistory, toOwnership, type ChecklistRow, type FlagRow, type HistoryRow, type RecordRow } from './rows';
import { POSTGRES } from '../test/databases';
import { DAY, hubspotAccount, newTeam, Replica, startHarness, T0, type Harness, type TestClient } from '../test/harness';
import { TEST_DATABASES } from '../test/databases';

// Issue 3: "20 concurrent writers on real PostgreSQL (union of pulls equals the table)". Writers commit in
// whatever order PostgreSQL lets them while a reader pulls in a loop with small pages; if a version could
// become visible before a lower one (a bigserial cursor), the reader's cookie would pass rows it never saw
// and its replica would miss them. The replica must end equal to the tables.

const WRITERS = 20;
const PUSHES_PER_WRITER = 12;

describe.runIf(TEST_DATABASES.includes(POSTGRES))('concurrent writers on PostgreSQL', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(POSTGRES, { pullPageSize: 40 });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('a reader pulling while 20 clients push ends with exactly the tables', async () => {
    const people = Object.fromEntries([...Array.from({ length: WRITERS }, (_, i) => [`w${i}`, 'admin' as const]), ['reader', 'rep' as const]]);
    const { team, users } = await newTeam(h.service, people);
    const reader = users.reader!;
    const replica = new Replica();
    let writing = true;
    let readerPulls = 0;

    const write = async (client: TestClient, w: number) => {
      for (let p = 0; p < PUSHES_PER_WRITER; p++) {
        // Shared records, so rows are rewritten by many writers and move to later versions mid-read.
        const shared = hubspotAccount(String(1000 + ((w + p) % 7)));
        const own = hubspotAccount(String(2000 + w * 100 + p));
        const reply = await client.push(
          { name: 'flag.dnm.set', args: { ...shared, until: T0 + ((w * 31 + p * 7) % 50) * DAY + DAY, reason: `writer ${w} push ${p}`, channels: ['email'] } },
          { name: 'flag.outreach.claim', args: { ...own } },
          { name: 'checklist.item.set', args: { ...shared, from: 'lead', to: 'customer', itemId: `w${w}`, label: `Item of writer ${w}`, done: p % 2 === 0 } },
          ...(p % 3 === 2 ? [{ name: 'flag.outreach.release' as const, args: { ...hubspotAccount(String(2000 + w * 100 + p - 1)) } }] : []),
        );
        expect(reply.results.every((r) => r.status === 'applied')).toBe(true);
      }
    };
    const read = async () => {
      while (writing) {
        replica.apply(await reader.pullOnce());
        readerPulls++;
      }
    };
    const reading = read();
    await Promise.all(Object.entries(users).filter(([name]) => name !== 'reader').map(([, client], w) => write(client, w)));
    writing = false;
    await reading;
    for (const page of await reader.pullAll()) replica.apply(page);
    expect(readerPulls).toBeGreaterThan(1);

    const db = h.service.db;
    const flags = (await db.query<FlagRow>('SELECT * FROM flags WHERE team_id = $1 AND NOT deleted', [team])).map(toFlag);
    const history = (await db.query<HistoryRow>('SELECT * FROM history WHERE team_id = $1', [team])).map(toHistory);
    const records = (await db.query<RecordRow>('SELECT * FROM records WHERE team_id = $1', [team])).map(toOwnership);
    const checklists = (await db.query<ChecklistRow>('SELECT * FROM checklists WHERE team_id = $1', [team])).map(toChecklist);
    const byKey = <T>(rows: T[], key: (row: T) => string) => new Map(rows.map((r) => [key(r), r]));

    expect(history.length).toBeGreaterThanOrEqual(WRITERS * PUSHES_PER_WRITER * 2);
    expect(replica.history).toEqual(byKey(history, (r) => r.id));
    expect(replica.flags).toEqual(byKey(flags, (r) => r.id));
    expect(replica.records).toEqual(byKey(records, (r) => r.key));
    expect(replica.checklists).toEqual(byKey(checklists, (r) => r.recordKey));
    // And the version counter has no holes a reader could have fallen into.
    const versions = await db.query<{ v: number }>(
      `SELECT DISTINCT sync_version AS v FROM history WHERE team_id = $1 ORDER BY 1`,
      [team],
    );
    expect(versions.map((r) => r.v)).toEqual(Array.from({ length: versions.length }, (_, i) => versions[0]!.v + i));
  }, 120_000);
});
