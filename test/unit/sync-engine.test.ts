import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type Service } from '../../server/service';
import { OwnersightDb } from '../../lib/db/database';
import { flagId, type RecordDescriptor, type UserRole } from '../../lib/model/sync';
import { connect } from '../../lib/sync/connect';
import { syncOnce } from '../../lib/sync/engine';
import { enqueue, type NewMutation } from '../../lib/sync/outbox';
import { readSyncMeta } from '../../lib/sync/state';
import type { Fetch } from '../../lib/sync/transport';

// The sync worker against the real service, in-process: the service's Hono app answers `fetch` directly,
// so each failure (a lost reply, a 401, an HTML error page) can be injected between the two.

const SERVER = 'https://ownership.test/';
const DAY = 86_400_000;
let service: Service;
let team: string;
let clock = Date.UTC(2026, 10, 25, 12);
let dbCount = 0;

const record: RecordDescriptor = { crm: 'hubspot', kind: 'contact', recordId: '51', objectType: '0-1', name: 'Ada Lovelace', email: 'ada@example.com' };
const recordKey = 'hubspot:contact:51';

const toService: Fetch = async (input, init) => service.app.fetch(new Request(input as string, init));

async function user(role: UserRole): Promise<string> {
  const email = `${role}-${++dbCount}@acme.test`;
  await service.admin.addUser({ team, email, name: `${role} ${dbCount}`, role });
  return (await service.admin.createToken({ team, email })).token;
}

async function client(role: UserRole, fetchFn: Fetch = toService) {
  const token = await user(role);
  const db = new OwnersightDb(`sync-test-${++dbCount}`);
  await connect(db, fetchFn, SERVER, token);
  return { db, token, sync: (f: Fetch = fetchFn) => syncOnce({ db, fetch: f, now: () => clock }) };
}

const change = (name: NewMutation['name'], args: object): NewMutation =>
  ({ name, args: { recordKey, record, ...args }, clientTime: clock }) as NewMutation;

beforeAll(async () => {
  service = await createService({ dataDir: 'memory://', now: () => clock });
  team = (await service.admin.createTeam({ name: 'Acme' })).id;
});
afterAll(async () => {
  await service.close();
});

describe('sync worker against the service', () => {
  it('50 offline edits, then reconnect: each applied once, in order, and the outbox empties', async () => {
    const a = await client('rep');
    // Offline: nothing reaches the service, nothing is lost.
    const offline: Fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    for (let i = 0; i < 50; i++) {
      await enqueue(a.db, change('checklist.item.set', { from: 'Lead', to: 'Opportunity', itemId: `item-${i % 5}`, label: `Item ${i % 5}`, done: i % 2 === 0 }), clock);
      expect((await a.sync(offline)).status).toBe('failed');
    }
    expect(await a.db.outbox.count()).toBe(50);
    const outcome = await a.sync(toService);
    expect(outcome).toMatchObject({ status: 'synced', pushed: 50 });
    expect(await a.db.outbox.count()).toBe(0);
    const history = (await a.db.history.where('recordKey').equals(recordKey).toArray()).filter((h) => h.kind === 'checklist');
    expect(history).toHaveLength(50);
    // The last writer per item (server order = client order) wins: items 0..4 were last set by edits 45..49.
    const checklist = await a.db.checklists.get(recordKey);
    expect(Object.fromEntries(checklist!.items.map((i) => [i.id, i.done]))).toEqual({
      'item-0': false, 'item-1': true, 'item-2': false, 'item-3': true, 'item-4': false,
    });
  });

  it('a reply lost after the service committed: the retry is a duplicate, one history row', async () => {
    const m = await client('marketer');
    await enqueue(m.db, change('flag.dnm.set', { until: clock + 30 * DAY, reason: 'Renewal talks', channels: ['email'] }), clock);
    // The service worker dies after the push was committed, before it read the answer.
    let cut = true;
    const loseFirstPushReply: Fetch = async (input, init) => {
      const response = await toService(input, init);
      if (cut && String(input).endsWith('/v1/push')) {
        cut = false;
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
    expect((await m.sync(loseFirstPushReply)).status).toBe('failed');
    expect(await m.db.outbox.count()).toBe(1);
    expect((await m.sync(loseFirstPushReply)).status).toBe('synced');
    expect(await m.db.outbox.count()).toBe(0);
    const rows = (await m.db.history.where('recordKey').equals(recordKey).toArray()).filter((h) => h.kind === 'flag' && h.actor.startsWith('marketer'));
    expect(rows).toHaveLength(1);
    expect((await m.db.flags.get(flagId.doNotMarket(recordKey)))?.reason).toBe('Renewal talks');
  });

  it.each([
    ['malformed JSON', () => new Response('{"cookie": ', { status: 200, headers: { 'content-type': 'application/json' } })],
    ['truncated reply', () => new Response('{"cookie":"x","serverNow":1', { status: 200 })],
    ['HTML error page', () => new Response('<!doctype html><h1>502 Bad Gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } })],
    ['HTML with 200', () => new Response('<html><body>Sign in to the proxy</body></html>', { status: 200 })],
    ['valid JSON of the wrong shape', () => Response.json({ cookie: 42, records: 'all' })],
  ])('a pull answered with %s leaves the cookie and the data where they were', async (_, reply) => {
    const r = await client('rep');
    expect((await r.sync()).status).toBe('synced');
    const before = await readSyncMeta(r.db);
    const flagsBefore = await r.db.flags.toArray();
    const bad: Fetch = async (input, init) => (String(input).endsWith('/v1/pull') ? reply() : toService(input, init));
    const outcome = await r.sync(bad);
    expect(outcome.status).toBe('failed');
    const after = await readSyncMeta(r.db);
    expect(after.cookie).toBe(before.cookie);
    expect(after.cookie).not.toBeNull();
    expect(after.lastError?.message).toMatch(/web page|not JSON|does not understand|failed/);
    expect(await r.db.flags.toArray()).toEqual(flagsBefore);
  });

  it('a 401 in the middle of a push drops nothing, and says what to do', async () => {
    const r = await client('rep');
    await enqueue(r.db, change('flag.outreach.claim', {}), clock);
    await enqueue(r.db, change('checklist.item.set', { from: 'Lead', to: 'Opportunity', itemId: 'x', label: 'X', done: true }), clock);
    const tokens = await service.admin.listTokens({ team });
    const email = (await readSyncMeta(r.db)).me!.user.email;
    const mine = tokens.find((t) => t.email === email && t.revokedAt === null)!;
    await service.admin.revokeToken({ id: mine.id });
    const outcome = await r.sync();
    expect(outcome.status === 'failed' && outcome.error.code).toBe('unauthorized');
    expect(outcome.status === 'failed' && outcome.error.message).toMatch(/new one/);
    expect(await r.db.outbox.count()).toBe(2);
    // A new token, same client: everything goes through, once.
    const { token } = await service.admin.createToken({ team, email: mine.email });
    await connect(r.db, toService, SERVER, token);
    expect(await r.sync()).toMatchObject({ status: 'synced', pushed: 2 });
    expect(await r.db.outbox.count()).toBe(0);
  });

  it('a change the service refuses leaves the outbox as a visible refusal, not a silent loss', async () => {
    const rep = await client('rep');
    await enqueue(rep.db, change('flag.dnm.set', { until: clock + DAY, reason: 'Mine', channels: ['email'] }), clock);
    expect((await rep.sync()).status).toBe('synced');
    expect(await rep.db.outbox.count()).toBe(0);
    const [refusal] = await rep.db.conflicts.toArray();
    expect(refusal).toMatchObject({ status: 'rejected', recordKey });
    expect(refusal!.message).toMatch(/marketers and admins/);
  });

  it('a stale owner change comes back as a conflict with the value the service holds', async () => {
    const admin1 = await client('admin');
    const admin2 = await client('admin');
    await service.admin.importOwners({
      team,
      csv: ['"Record ID","Name","Email","Contact owner"', '"52","Grace Hopper","grace@example.com","Ann Admin"'].join('\n'),
      crm: 'hubspot',
      kind: 'contact',
    });
    await admin1.sync();
    await admin2.sync();
    const key = 'hubspot:contact:52';
    const base = (await admin1.db.records.get(key))!;
    const other = { ...record, recordId: '52' };
    await enqueue(admin1.db, { name: 'owner.set', args: { recordKey: key, record: other, ownerId: null, expectedVersion: base.version, reason: 'Unassign for the new territory' }, clientTime: clock } as NewMutation, clock);
    await enqueue(admin2.db, { name: 'owner.set', args: { recordKey: key, record: other, ownerId: base.ownerId, expectedVersion: base.version, reason: 'Keep Ann' }, clientTime: clock } as NewMutation, clock);
    await admin1.sync();
    await admin2.sync();
    const [conflict] = await admin2.db.conflicts.toArray();
    expect(base.ownerId).toBeTruthy();
    expect(await admin1.db.conflicts.count()).toBe(0);
    expect(conflict).toMatchObject({ status: 'conflict', current: { ownerId: null, version: base.version + 1 } });
    expect((await admin2.db.records.get(key))?.ownerId).toBeNull();
  });

  it('a service that lost this client (restored from backup): pending changes are renumbered and sent, none dropped', async () => {
    const r = await client('csm');
    expect((await r.sync()).status).toBe('synced');
    await enqueue(r.db, change('flag.outreach.claim', {}), clock);
    // Pretend earlier mutations 1..6 were acknowledged by a service that no longer remembers them.
    const [row] = await r.db.outbox.toArray();
    await r.db.outbox.clear();
    await r.db.outbox.add({ ...row!, mutationId: 7, mutation: { ...row!.mutation, id: 7 } });
    expect(await r.sync()).toMatchObject({ status: 'synced', pushed: 1 });
    const me = (await readSyncMeta(r.db)).me!.user.email;
    expect(await r.db.flags.get(flagId.outreach(recordKey, me))).toBeDefined();
  });
});

describe('two clients converge', () => {
  it('on every flag, whatever the order of their edits and syncs (fast-check)', async () => {
    const op = fc.oneof(
      fc.record({ who: fc.integer({ min: 0, max: 1 }), kind: fc.constant('dnm' as const), days: fc.integer({ min: 1, max: 90 }) }),
      fc.record({ who: fc.integer({ min: 0, max: 1 }), kind: fc.constant('clear' as const) }),
      fc.record({ who: fc.integer({ min: 0, max: 1 }), kind: fc.constant('sync' as const) }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        run++;
        const key = `hubspot:contact:9${run}`;
        const rec = { ...record, recordId: `9${run}` };
        const a = await client('marketer');
        const b = await client('marketer');
        const clients = [a, b];
        for (const o of ops) {
          const c = clients[o.who]!;
          if (o.kind === 'sync') await c.sync();
          else if (o.kind === 'dnm') {
            await enqueue(c.db, { name: 'flag.dnm.set', args: { recordKey: key, record: rec, until: clock + o.days * DAY, reason: `r${o.days}`, channels: ['email'] }, clientTime: clock } as NewMutation, clock);
          } else {
            const seen = await c.db.flags.get(flagId.doNotMarket(key));
            await enqueue(c.db, { name: 'flag.dnm.clear', args: { recordKey: key, record: rec, seenUntil: seen?.until ?? 0 }, clientTime: clock } as NewMutation, clock);
          }
        }
        for (const c of [a, b, a, b]) expect((await c.sync()).status).toBe('synced');
        const flagsOf = async (c: typeof a) => (await c.db.flags.where('recordKey').equals(key).toArray()).map(({ id, until, reason }) => ({ id, until, reason }));
        expect(await flagsOf(a)).toEqual(await flagsOf(b));
        expect(await a.db.outbox.count()).toBe(0);
        expect(await b.db.outbox.count()).toBe(0);
        a.db.close();
        b.db.close();
      }),
      { numRuns: 15 },
    );
  });
});
