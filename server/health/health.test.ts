import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthRecordsReplySchema, HealthReplySchema, ReassignReplySchema, type HealthReply } from '../../lib/model/health';
import { PullReplySchema } from '../../lib/model/sync';
import type { RulePack } from '../../lib/rules/schema';
import { TEST_DATABASES } from '../test/databases';
import { DAY, expectError, newTeam, startHarness, T0, type Harness, type TeamUsers } from '../test/harness';
import { insertSeed, type Seed } from './seed';

// Ownership health on a dataset whose every answer is worked out by hand below (issue 6). The clock is
// T0 = 2026-01-05 09:00 UTC. The pack: HubSpot records go to pool "hub" (ann up to 2, bob up to 5),
// Salesforce contacts to the queue "q", everything else to the fallback, bob. Stale after 10 days; first
// touch within 2 hours of assignment.

const H = 3_600_000;
const sf = (kind: 'account' | 'contact', id: string) => `salesforce:${kind}:${id}`;
const hs = (kind: 'account' | 'contact', id: string) => `hubspot:${kind}:${id}`;

const PACK: RulePack = {
  schemaVersion: 1,
  team: 'placeholder',
  version: 3,
  issuedAt: '2026-01-01T00:00:00Z',
  expiresAt: '2027-01-01T00:00:00Z',
  name: 'Health test pack',
  rules: [
    { id: 'r-hub', priority: 10, when: { crm: ['hubspot'] }, assign: { pool: 'hub' } },
    { id: 'r-sf-contact', priority: 20, when: { crm: ['salesforce'], kind: ['contact'] }, assign: { owner: { kind: 'queue', id: 'q' } } },
  ],
  fallback: { kind: 'person', id: 'bob' },
  pools: [{ id: 'hub', members: [{ id: 'ann', capacity: 2 }, { id: 'bob', capacity: 5 }] }],
  slas: [{ id: 's-2h', trigger: { type: 'assignment' }, firstTouchWithinHours: 2 }],
  warnings: { staleAfterDays: 10 },
};

function seed(team: string): Seed {
  return {
    pack: { ...PACK, team },
    owners: [
      { id: 'ann', name: 'Ann Active' },
      { id: 'bob', name: 'Bob Busy' },
      { id: 'cat', name: 'Cat Gone', active: false },
      { id: 'q', name: 'Triage queue', kind: 'queue' },
    ],
    records: [
      // 1: owner ann, fallback expects bob → misowned (fallback). Touched 1 h after assignment.
      { key: sf('account', 'A1'), crm: 'salesforce', kind: 'account', recordId: 'A1', name: 'Acme', domain: 'acme.example', ownerId: 'ann', assignedAt: T0 - DAY, firstTouchAt: T0 - DAY + H, lastActivityAt: T0 - DAY, updatedAt: T0 - DAY },
      // 2: stale (20 days), never touched → SLA overdue.
      { key: sf('account', 'A2'), crm: 'salesforce', kind: 'account', recordId: 'A2', name: 'Beta', domain: 'www.beta.example', ownerId: 'bob', assignedAt: T0 - 20 * DAY, updatedAt: T0 - 20 * DAY },
      // 3: queue-owned contact of Acme (owned by ann) → mismatch. Touched after 3 h → breach.
      { key: sf('contact', 'C1'), crm: 'salesforce', kind: 'contact', recordId: 'C1', name: 'Xena', email: 'x@acme.example', ownerId: 'q', assignedAt: T0 - 2 * DAY, firstTouchAt: T0 - 2 * DAY + 3 * H, updatedAt: T0 - 2 * DAY },
      // 4: contact of Beta, owned by bob like Beta (no mismatch), but the rule wants q → misowned. 30 min.
      { key: sf('contact', 'C2'), crm: 'salesforce', kind: 'contact', recordId: 'C2', name: 'Yuri', email: 'y@beta.example', ownerId: 'bob', assignedAt: T0 - DAY, firstTouchAt: T0 - DAY + H / 2, updatedAt: T0 - DAY },
      // 5: unowned, last written 40 days ago → stale.
      { key: sf('contact', 'C3'), crm: 'salesforce', kind: 'contact', recordId: 'C3', name: 'Zoe', email: 'z@unknown.example', updatedAt: T0 - 40 * DAY },
      // 6, 7: ann in her pool; with 1 she holds 3 against a capacity of 2 → overloaded. 6 touched after 5 h → breach.
      { key: hs('account', 'H1'), crm: 'hubspot', kind: 'account', recordId: 'H1', name: 'Hooli', domain: 'hooli.example', ownerId: 'ann', assignedAt: T0 - 3 * DAY, firstTouchAt: T0 - 3 * DAY + 5 * H, updatedAt: T0 - 3 * DAY },
      { key: hs('account', 'H2'), crm: 'hubspot', kind: 'account', recordId: 'H2', name: 'Initrode', domain: 'initrode.example', ownerId: 'ann', assignedAt: T0 - H, updatedAt: T0 - H },
      // 8: an owner who left; not a pool member → misowned; stale (15 days); overdue.
      { key: hs('contact', 'H3'), crm: 'hubspot', kind: 'contact', recordId: 'H3', name: 'Vic', email: 'vic@nowhere.example', ownerId: 'cat', assignedAt: T0 - 15 * DAY, updatedAt: T0 - 15 * DAY },
      // 9: an owner id nobody imported → not active, misowned, overdue.
      { key: hs('contact', 'H4'), crm: 'hubspot', kind: 'contact', recordId: 'H4', name: 'Wes', ownerId: 'ghost', assignedAt: T0 - DAY, updatedAt: T0 - DAY },
      // 10: unowned, with a name that would be a formula in a spreadsheet.
      { key: sf('account', 'A3'), crm: 'salesforce', kind: 'account', recordId: 'A3', name: '=HYPERLINK("http://evil.example")', updatedAt: T0 - 5 * DAY },
    ],
    history: [
      { recordKey: sf('account', 'A1'), at: T0 - 40 * DAY, kind: 'import', after: 'bob', reason: 'Imported from a CRM export' },
      { recordKey: sf('account', 'A1'), at: T0 - DAY, kind: 'owner', before: 'bob', after: 'ann', reason: 'Territory swap' },
      { recordKey: sf('account', 'A2'), at: T0 - 40 * DAY, kind: 'import', after: 'cat', reason: 'Imported from a CRM export' },
      { recordKey: sf('account', 'A2'), at: T0 - 20 * DAY, kind: 'import', before: 'cat', after: 'bob', reason: 'Owner changed in a CRM export' },
      { recordKey: sf('contact', 'C2'), at: T0 - 40 * DAY, kind: 'owner', after: 'bob', reason: 'First owner' },
      { recordKey: hs('account', 'H1'), at: T0 - 3 * DAY, kind: 'owner', after: 'ann', reason: 'New lead' },
    ],
    flags: [
      { id: `dnm:${sf('account', 'A1')}`, recordKey: sf('account', 'A1'), type: 'do-not-market', since: T0 - DAY, until: T0 + 5 * DAY, channels: ['email', 'sms'] },
      { id: `outreach:${hs('account', 'H1')}:ann@acme.test`, recordKey: hs('account', 'H1'), type: 'outreach', since: T0 - DAY },
      // Expired, and cleared: neither is in force.
      { id: `dnm:${sf('account', 'A2')}`, recordKey: sf('account', 'A2'), type: 'do-not-market', since: T0 - 9 * DAY, until: T0 - DAY, channels: ['ads'] },
      { id: `dnm:${sf('contact', 'C1')}`, recordKey: sf('contact', 'C1'), type: 'do-not-market', since: T0 - 9 * DAY, until: T0 + DAY, channels: ['calls'], deleted: true },
    ],
  };
}

describe.each(TEST_DATABASES)('ownership health on $name', (database) => {
  let h: Harness;
  let t: TeamUsers;
  const get = async (path: string, who = 'ann') => t.users[who]!.request(path);
  const health = async (query = ''): Promise<HealthReply> => {
    const response = await get(`/v1/health${query}`);
    expect(response.status).toBe(200);
    return HealthReplySchema.parse(await response.json());
  };

  beforeAll(async () => {
    h = await startHarness(database);
    t = await newTeam(h.service, { ann: 'admin', rob: 'rep', mia: 'marketer' });
    await insertSeed(h.service.db, t.team, seed(t.team), T0);
  }, 60_000);
  afterAll(async () => h?.close());

  it('counts coverage, load against capacity, stale, misowned, mismatches, flags and SLA as built', async () => {
    const r = await health();
    expect(r.rulePack).toEqual({ version: 3, name: 'Health test pack' });
    expect(r.coverage).toEqual({ total: 10, owned: 8, activeOwned: 6, ownedShare: 0.8, activeShare: 0.6 });
    expect(r.load).toEqual([
      { ownerId: 'ann', name: 'Ann Active', kind: 'person', active: true, records: 3, capacity: 2 },
      { ownerId: 'bob', name: 'Bob Busy', kind: 'person', active: true, records: 2, capacity: 5 },
      { ownerId: 'cat', name: 'Cat Gone', kind: 'person', active: false, records: 1, capacity: null },
      { ownerId: 'ghost', name: 'ghost', kind: 'unknown', active: false, records: 1, capacity: null },
      { ownerId: 'q', name: 'Triage queue', kind: 'queue', active: true, records: 1, capacity: null },
    ]);
    expect(r.stale).toEqual({ days: 10, count: 3, total: 10 });
    expect(r.misowned).toEqual({ evaluated: true, count: 4, byRule: [{ ruleId: 'r-hub', count: 2 }, { ruleId: 'fallback', count: 1 }, { ruleId: 'r-sf-contact', count: 1 }] });
    expect(r.mismatch).toEqual({ count: 1, contactsLinked: 2 });
    expect(r.flags.byType).toEqual([{ type: 'outreach', count: 1 }, { type: 'do-not-market', count: 1 }]);
    expect(r.flags.byChannel).toEqual([
      { channel: 'email', count: 1 },
      { channel: 'sms', count: 1 },
      { channel: 'ads', count: 0 },
      { channel: 'direct-mail', count: 0 },
      { channel: 'calls', count: 0 },
    ]);
    // Times to first touch: 30 min, 1 h, 3 h, 5 h; the 2 h SLA is broken twice; 3 assigned records untouched past it.
    expect(r.sla).toEqual({ hours: 2, measured: 4, medianMs: H, p90Ms: 5 * H, breaches: 2, overdue: 3 });
  });

  it('counts reassignments of the last 30 days with their reasons, and rebuilds the daily series from history', async () => {
    const r = await health();
    // Territory swap (owner), New lead (owner), the export's cat → bob; C2's first owner is 40 days old.
    expect(r.reassignments.total).toBe(3);
    expect(r.reassignments.reasons).toEqual([
      { reason: 'New lead', count: 1 },
      { reason: 'Owner changed in a CRM export', count: 1 },
      { reason: 'Territory swap', count: 1 },
    ]);
    expect(r.reassignments.perDay).toHaveLength(30);
    expect(r.reassignments.perDay.at(-1)).toEqual({ day: '2026-01-05', count: 0 });
    expect(r.reassignments.perDay.find((d) => d.day === '2026-01-04')).toEqual({ day: '2026-01-04', count: 1 });

    const coverage = r.series.coverage;
    expect(coverage).toHaveLength(30);
    expect(coverage.at(-1)).toEqual({ day: '2026-01-05', total: 10, owned: 8, share: 0.8 });
    // 26 Dec: H1 not seen yet (first history 2 Jan); A1 with bob, A2 with bob, C2 with bob, C1, H2, H3, H4 as now.
    expect(coverage.find((d) => d.day === '2025-12-26')).toEqual({ day: '2025-12-26', total: 9, owned: 7, share: 7 / 9 });

    const sla = r.series.sla;
    expect(sla.find((d) => d.day === '2026-01-04')).toEqual({ day: '2026-01-04', measured: 2, breaches: 0, medianMs: H / 2 });
    expect(sla.find((d) => d.day === '2026-01-03')).toEqual({ day: '2026-01-03', measured: 1, breaches: 1, medianMs: 3 * H });
    expect(sla.find((d) => d.day === '2026-01-02')).toEqual({ day: '2026-01-02', measured: 1, breaches: 1, medianMs: 5 * H });
    expect(sla.find((d) => d.day === '2026-01-01')).toEqual({ day: '2026-01-01', measured: 0, breaches: 0, medianMs: null });
  });

  it('filters by crm, kind and owner, and takes staleDays from the query over the pack', async () => {
    const hub = await health('?crm=hubspot');
    expect(hub.filters).toEqual({ crm: 'hubspot' });
    expect(hub.coverage).toEqual({ total: 4, owned: 4, activeOwned: 2, ownedShare: 1, activeShare: 0.5 });
    expect(hub.misowned.count).toBe(2);
    const contacts = await health('?kind=contact');
    expect(contacts.coverage.total).toBe(5);
    expect(contacts.mismatch).toEqual({ count: 1, contactsLinked: 2 });
    const ann = await health('?owner=ann');
    expect(ann.coverage.total).toBe(3);
    expect(ann.load.map((l) => [l.ownerId, l.records])).toEqual([['ann', 3]]);
    expect((await health('?staleDays=30')).stale).toEqual({ days: 30, count: 1, total: 10 });
  });

  it('lists the offenders worst first, and exports them as formula-safe CSV', async () => {
    const list = async (name: string) => {
      const response = await get(`/v1/health/records?list=${name}`);
      expect(response.status).toBe(200);
      return HealthRecordsReplySchema.parse(await response.json());
    };
    expect((await list('unowned')).records.map((r) => [r.recordId, r.why])).toEqual([
      ['C3', 'no owner of record for 40 days'],
      ['H3', 'owner Cat Gone is inactive'],
      ['A3', 'no owner of record for 5 days'],
      ['H4', "owner id ghost is not in the team's owner list"],
    ]);
    expect((await list('stale')).records.map((r) => r.recordId)).toEqual(['C3', 'A2', 'H3']);
    expect((await list('misowned')).records.map((r) => [r.recordId, r.ruleId, r.expectedOwnerId])).toEqual([
      ['A1', 'fallback', 'bob'],
      ['H3', 'r-hub', undefined],
      ['H4', 'r-hub', undefined],
      ['C2', 'r-sf-contact', 'q'],
    ]);
    const mismatch = await list('mismatch');
    expect(mismatch.records).toHaveLength(1);
    expect(mismatch.records[0]).toMatchObject({ recordId: 'C1', accountKey: sf('account', 'A1'), expectedOwnerId: 'ann' });
    expect((await list('overloaded')).records.map((r) => r.recordId).sort()).toEqual(['A1', 'H1', 'H2']);

    const csv = await get('/v1/health/records?list=unowned&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('ownership-unowned.csv');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('"record_key","crm","kind","record_id","object_type","name","owner_id","owner_name","why","rule_id","expected_owner_id","account_key","last_touch_at"');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(5);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(text).not.toMatch(/(^|,)"=/m);
  });

  it('answers admins only, and refuses filters it cannot honour in words', async () => {
    for (const who of ['rob', 'mia']) {
      const error = await expectError(await get('/v1/health', who), 403, 'forbidden');
      expect(error.message).toMatch(/Only admins/);
      await expectError(await get('/v1/health/records?list=stale', who), 403, 'forbidden');
      await expectError(await t.users[who]!.request('/v1/reassign', { method: 'POST', body: JSON.stringify({ recordKeys: [sf('account', 'A3')], ownerId: 'ann', reason: 'x' }) }), 403, 'forbidden');
    }
    expect((await h.service.app.request('/v1/health')).status).toBe(401);
    expect((await expectError(await get('/v1/health?segment=Enterprise'), 400, 'unsupported-filter')).message).toMatch(/stores no segment/);
    await expectError(await get('/v1/health?kind=deal'), 400, 'invalid-request');
    await expectError(await get('/v1/health?staleDays=0'), 400, 'invalid-request');
    await expectError(await get('/v1/health?colour=red'), 400, 'invalid-request');
    await expectError(await get('/v1/health/records?list=everything'), 400, 'invalid-request');
    await expectError(await get('/v1/health/records?list=stale&format=xml'), 400, 'invalid-request');
  });

  it('reassigns in bulk in one transaction: one team version, owner versions bumped, history with the reason, seen by a pull', async () => {
    const rob = t.users.rob!;
    await rob.pullAll();
    const post = (body: unknown) => t.users.ann!.request('/v1/reassign', { method: 'POST', body: JSON.stringify(body) });
    const before = await h.service.db.query<{ key: string; owner_version: number }>('SELECT key, owner_version FROM records WHERE team_id = $1 ORDER BY key', [t.team]);
    const versionOf = (key: string) => before.find((r) => r.key === key)!.owner_version;
    h.clock.set(T0 + H);

    const response = await post({ recordKeys: [sf('account', 'A3'), sf('contact', 'C3'), sf('account', 'A1'), 'salesforce:account:nope'], ownerId: 'bob', reason: 'Quarterly clean-up' });
    expect(response.status).toBe(200);
    const reply = ReassignReplySchema.parse(await response.json());
    expect(reply).toMatchObject({ changed: 3, unchanged: 0, missing: ['salesforce:account:nope'] });

    const rows = await h.service.db.query<{ key: string; owner_id: string; owner_version: number; sync_version: number; assigned_at: number; first_touch_at: number | null }>(
      'SELECT key, owner_id, owner_version, sync_version, assigned_at, first_touch_at FROM records WHERE team_id = $1 AND key IN (SELECT jsonb_array_elements_text($2::jsonb))',
      [t.team, JSON.stringify([sf('account', 'A3'), sf('contact', 'C3'), sf('account', 'A1')])],
    );
    for (const row of rows) {
      expect(row).toMatchObject({ owner_id: 'bob', owner_version: versionOf(row.key) + 1, sync_version: reply.version, assigned_at: T0 + H, first_touch_at: null });
    }
    const history = await h.service.db.query<{ record_key: string; actor: string; kind: string; before: string | null; after: string; reason: string; sync_version: number }>(
      `SELECT record_key, actor, kind, before, after, reason, sync_version FROM history WHERE team_id = $1 AND reason = 'Quarterly clean-up' ORDER BY record_key`,
      [t.team],
    );
    expect(history).toEqual([
      { record_key: sf('account', 'A1'), actor: 'ann@acme.test', kind: 'owner', before: 'ann', after: 'bob', reason: 'Quarterly clean-up', sync_version: reply.version },
      { record_key: sf('account', 'A3'), actor: 'ann@acme.test', kind: 'owner', before: null, after: 'bob', reason: 'Quarterly clean-up', sync_version: reply.version },
      { record_key: sf('contact', 'C3'), actor: 'ann@acme.test', kind: 'owner', before: null, after: 'bob', reason: 'Quarterly clean-up', sync_version: reply.version },
    ]);

    // The rep's next pull carries the new owners and the history rows.
    const pulled = (await rob.pullAll()).map((p) => PullReplySchema.parse(p));
    const records = pulled.flatMap((p) => p.records);
    expect(records.filter((r) => r.ownerId === 'bob').map((r) => r.key).sort()).toEqual([sf('account', 'A1'), sf('account', 'A3'), sf('contact', 'C3')]);
    expect(pulled.flatMap((p) => p.history).filter((e) => e.reason === 'Quarterly clean-up')).toHaveLength(3);

    // The numbers follow: two unowned records fewer, and one more reassignment today.
    const r = await health();
    expect(r.coverage.owned).toBe(10);
    expect(r.reassignments.perDay.at(-1)).toEqual({ day: '2026-01-05', count: 3 });
    expect(r.reassignments.reasons[0]).toEqual({ reason: 'Quarterly clean-up', count: 3 });
  });

  it('changes nothing (and takes no version) when the owner already holds them; refuses unknown owners, blank reasons and more than 1,000 keys', async () => {
    const post = (body: unknown) => t.users.ann!.request('/v1/reassign', { method: 'POST', body: JSON.stringify(body) });
    const [{ v }] = await h.service.db.query<{ v: number }>('SELECT v FROM team_version WHERE team_id = $1', [t.team]) as [{ v: number }];
    const same = ReassignReplySchema.parse(await (await post({ recordKeys: [sf('account', 'A3')], ownerId: 'bob', reason: 'Again' })).json());
    expect(same).toEqual({ changed: 0, unchanged: 1, missing: [], version: null });
    const [after] = await h.service.db.query<{ v: number }>('SELECT v FROM team_version WHERE team_id = $1', [t.team]);
    expect(after!.v).toBe(v);
    await expectError(await post({ recordKeys: [sf('account', 'A3')], ownerId: 'nobody', reason: 'x' }), 400, 'unknown-owner');
    await expectError(await post({ recordKeys: [sf('account', 'A3')], ownerId: 'bob', reason: '   ' }), 400, 'invalid-request');
    await expectError(await post({ recordKeys: Array.from({ length: 1001 }, (_, i) => `k${i}`), ownerId: 'bob', reason: 'x' }), 400, 'invalid-request');
  });
});
