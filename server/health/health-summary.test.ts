import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthFilters, HealthReply } from '../../lib/model/health';
import type { RulePack } from '../../lib/rules/schema';
import type { Db } from '../db/db';
import { TEST_DATABASES } from '../test/databases';
import { DAY, newTeam, startHarness, T0, type Harness } from '../test/harness';
import { healthReply } from './health-cache';
import { loadHealthData } from './health-data';
import { buildHealthReply } from './health-numbers';
import { reassign } from './reassign';
import { insertSeed, type Seed } from './seed';
import { syntheticTeam } from './synthetic-team';

// The SQL aggregates (./health-summary) and the cache (./health-cache) against the reference count over
// rows (buildHealthReply): the same reply, number for number, for every filter, as the clock moves and
// after writes. health.test.ts checks the reference against answers worked out by hand.

const H = 3_600_000;
const M = 60_000;

/** Corners the synthetic team does not have: odd domains, emails without @, history and flags in the future. */
function corners(): Seed {
  return {
    records: [
      { key: 'salesforce:account:E1', crm: 'salesforce', kind: 'account', recordId: 'E1', domain: ' WWW.Edge.example. ', ownerId: 'ann', assignedAt: T0 - 2 * DAY, updatedAt: T0 - 2 * DAY },
      { key: 'salesforce:account:E2', crm: 'salesforce', kind: 'account', recordId: 'E2', domain: 'edge.example', ownerId: 'bob', updatedAt: T0 - DAY },
      { key: 'salesforce:account:E3', crm: 'salesforce', kind: 'account', recordId: 'E3', domain: 'edge.example', updatedAt: T0 - DAY },
      { key: 'salesforce:contact:F1', crm: 'salesforce', kind: 'contact', recordId: 'F1', email: 'x@y@EDGE.example', ownerId: 'cat', assignedAt: T0 - 7 * H - 30 * M, updatedAt: T0 - DAY },
      { key: 'salesforce:contact:F2', crm: 'salesforce', kind: 'contact', recordId: 'F2', email: 'no-at-sign', ownerId: 'bob', lifecycleStage: 'Lead', assignedAt: T0 - H, updatedAt: T0 - DAY },
      { key: 'hubspot:contact:F3', crm: 'hubspot', kind: 'contact', recordId: 'F3', email: 'z@edge.example', ownerId: 'ann', objectType: '0-1', assignedAt: T0 - 3 * H, firstTouchAt: T0 - 4 * H, updatedAt: T0 - DAY },
      { key: 'hubspot:contact:F4', crm: 'hubspot', kind: 'contact', recordId: 'F4', email: 'w@', lastActivityAt: T0 - 30 * DAY + 2 * H, updatedAt: T0 - 40 * DAY },
    ],
    history: [
      { recordKey: 'salesforce:account:E1', at: T0 - 2 * DAY, kind: 'owner', after: 'ann', reason: '  Territory realignment  ' },
      { recordKey: 'salesforce:account:E2', at: T0 + 2 * H, kind: 'owner', before: 'ann', after: 'bob', reason: 'Dated ahead' },
      { recordKey: 'salesforce:contact:F1', at: T0 - 5 * DAY, kind: 'import', after: 'ann' },
      { recordKey: 'salesforce:contact:F1', at: T0 - 5 * DAY, kind: 'owner', before: 'ann', reason: '' },
    ],
    flags: [
      { id: 'dnm:F1', recordKey: 'salesforce:contact:F1', type: 'do-not-market', since: T0 - DAY, until: T0 + 30 * M, channels: ['email', 'email', 'calls'] },
      { id: 'outreach:F3', recordKey: 'hubspot:contact:F3', type: 'outreach', since: T0 - DAY, until: T0 + 90 * M },
    ],
    owners: [{ id: 'ann', name: 'Ann' }, { id: 'bob', name: 'Bob' }, { id: 'cat', name: 'Cat', active: false }],
  };
}

/** The synthetic pack plus rules and SLAs that read email domains and stages: fact groups by domain, several limits. */
function domainPack(pack: RulePack): RulePack {
  return {
    ...pack,
    version: 2,
    rules: [{ id: 'edge-domain', priority: 5, when: { emailDomain: ['edge.example'] }, assign: { owner: { kind: 'person', id: 'ann' } } }, ...pack.rules],
    slas: [
      { id: 'lead-1h', trigger: { type: 'stage-entered', stage: 'lead' }, firstTouchWithinHours: 1 },
      { id: 'edge-2h', trigger: { type: 'assignment' }, when: { emailDomain: ['edge.example'] }, firstTouchWithinHours: 2 },
      { id: 'hub-4h', trigger: { type: 'assignment' }, when: { crm: ['hubspot'] }, firstTouchWithinHours: 4 },
      ...(pack.slas ?? []),
    ],
  };
}

/** Counts the queries a Db answers, transactions included. */
function counting(db: Db): { db: Db; count: () => number } {
  let n = 0;
  const wrapped: Db = {
    kind: db.kind,
    query: (text, params) => (n++, db.query(text, params)),
    transaction: (fn, isolation) => db.transaction((tx) => fn({ query: (text, params) => (n++, tx.query(text, params)) }), isolation),
    close: () => db.close(),
  };
  return { db: wrapped, count: () => n };
}

describe.each(TEST_DATABASES)('health counted by SQL and cached, on $name', (database) => {
  let h: Harness;
  const teams: { team: string; owner: string }[] = [];
  const reference = async (team: string, filters: HealthFilters, now: number): Promise<HealthReply> => buildHealthReply(await loadHealthData(h.service.db, team, now), filters);

  beforeAll(async () => {
    h = await startHarness(database);
    for (const variant of ['plain', 'domains'] as const) {
      const { team } = await newTeam(h.service, { ann: 'admin' });
      const synthetic = syntheticTeam({ team, records: 1200, now: T0, seed: variant === 'plain' ? 7 : 8 });
      const extra = corners();
      await insertSeed(h.service.db, team, {
        ...synthetic,
        pack: variant === 'plain' ? synthetic.pack! : domainPack(synthetic.pack!),
        owners: [...synthetic.owners!, ...extra.owners!],
        records: [...synthetic.records!, ...extra.records!],
        history: [...synthetic.history!, ...extra.history!],
        flags: [...synthetic.flags!, ...extra.flags!],
      }, T0);
      teams.push({ team, owner: synthetic.records!.find((r) => r.ownerId)!.ownerId! });
    }
  }, 120_000);
  afterAll(async () => h?.close());

  const filterSets = (owner: string): HealthFilters[] => [
    {}, { crm: 'hubspot' }, { crm: 'salesforce' }, { kind: 'contact' }, { kind: 'account' }, { owner }, { owner: 'nobody' }, { staleDays: 7 },
    { crm: 'salesforce', kind: 'contact', owner: 'cat' }, { crm: 'hubspot', staleDays: 60 },
  ];

  it('answers what the reference count over rows answers, for every filter, on both packs', async () => {
    for (const { team, owner } of teams) {
      for (const filters of filterSets(owner)) {
        expect(await healthReply(h.service.db, team, filters, T0), JSON.stringify(filters)).toEqual(await reference(team, filters, T0));
      }
    }
  });

  it('follows the clock from the cache (stale, overdue, lapsing flags) and counts again past midnight or history dated ahead', async () => {
    const { team, owner } = teams[1]!;
    for (const filters of [{}, { crm: 'salesforce' as const }, { owner }]) {
      await healthReply(h.service.db, team, filters, T0);
      // 13:00 brings E2's change dated T0 + 2 h; 15:00 is midnight UTC.
      for (const t of [T0 + M, T0 + 30 * M, T0 + 31 * M, T0 + 90 * M, T0 + 2 * H - 1, T0 + 2 * H, T0 + 5 * H, T0 + 15 * H - 1, T0 + 15 * H, T0 + 2 * DAY]) {
        expect(await healthReply(h.service.db, team, filters, t), `${JSON.stringify(filters)} at +${(t - T0) / M} min`).toEqual(await reference(team, filters, t));
      }
    }
  });

  it('keeps one answer per filters, answers a repeat with one query, and counts again after a write', async () => {
    const { team } = teams[0]!;
    const { db, count } = counting(h.service.db);
    const calls = async (filters: HealthFilters) => {
      const before = count();
      const reply = await healthReply(db, team, filters, T0 + H);
      return { reply, queries: count() - before };
    };
    const all = await calls({});
    expect(all.queries).toBeGreaterThan(5);
    expect((await calls({})).queries).toBe(1);
    const hub = await calls({ crm: 'hubspot' });
    expect(hub.queries).toBeGreaterThan(5);
    expect(hub.reply.coverage.total).toBeLessThan(all.reply.coverage.total);
    expect((await calls({ crm: 'hubspot' })).queries).toBe(1);
    expect((await calls({})).reply).toEqual(all.reply);

    const unowned = (await loadHealthData(h.service.db, team, T0 + H)).records.filter((r) => r.ownerId === null).slice(0, 5).map((r) => r.key);
    const done = await reassign(h.service.db, team, 'ann@acme.test', { recordKeys: unowned, ownerId: 'ann', reason: 'Cache test' }, T0 + H);
    expect(done).toMatchObject({ kind: 'done', reply: { changed: 5 } });
    const after = await calls({});
    expect(after.queries).toBeGreaterThan(5);
    expect(after.reply.coverage.owned).toBe(all.reply.coverage.owned + 5);
    expect(after.reply).toEqual(await reference(team, {}, T0 + H));
    expect((await calls({ crm: 'hubspot' })).reply).toEqual(await reference(team, { crm: 'hubspot' }, T0 + H));
  });
});
