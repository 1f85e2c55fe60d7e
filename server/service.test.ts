import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagId } from '../lib/model/sync';
import { DAY, expectError, hubspotAccount, newTeam, Replica, startHarness, T0, type Harness } from './test/harness';
import { TEST_DATABASES } from './test/databases';
import { DEFAULT_OUTREACH_DAYS } from './sync/field-rules';

// The service over HTTP (in-process), the same suite on PGlite and on PostgreSQL. Pull pages are made
// small (25 rows) so every pull here also walks `more`.

describe.each(TEST_DATABASES)('team service on $name', (database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(database, { pullPageSize: 25 });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  describe('access', () => {
    it('answers /healthz', async () => {
      const response = await h.service.app.request('/healthz');
      expect(response.status).toBe(200);
    });

    it('401 for a missing, unknown or revoked token; /v1/me for a valid one', async () => {
      const { team, users } = await newTeam(h.service, { ann: 'marketer' });
      await expectError(await h.service.app.request('/v1/me'), 401, 'unauthorized');
      await expectError(await h.service.app.request('/v1/me', { headers: { Authorization: 'Bearer ost_nope' } }), 401, 'unauthorized');
      const me = await users.ann!.request('/v1/me');
      expect(me.status).toBe(200);
      expect(await me.json()).toEqual({ user: { email: 'ann@acme.test', name: 'ann', role: 'marketer' }, team: { id: team, name: expect.any(String) }, serverNow: T0 });
      const [token] = await h.service.admin.listTokens({ team });
      expect(token!.lastUsedAt).toBe(T0);
      await h.service.admin.revokeToken({ id: token!.id });
      await expectError(await users.ann!.request('/v1/me'), 401, 'unauthorized');
      await expectError(await users.ann!.request('/v1/pull', { method: 'POST', body: JSON.stringify({ clientId: 'abcdefgh', cookie: null }) }), 401, 'unauthorized');
    });

    it('allows extension origins in CORS, with the Authorization header', async () => {
      const preflight = await h.service.app.request('/v1/push', {
        method: 'OPTIONS',
        headers: { Origin: 'chrome-extension://abcdefghijklmnop', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
      });
      expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('chrome-extension://abcdefghijklmnop');
      expect(preflight.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('authorization');
      const web = await h.service.app.request('/healthz', { headers: { Origin: 'https://evil.example' } });
      expect(web.headers.get('Access-Control-Allow-Origin')).toBeNull();
      const firefox = await h.service.app.request('/healthz', { headers: { Origin: 'moz-extension://0b2f6a52-1e0e-4f1b-9a57-3c2d1e0f9a11' } });
      expect(firefox.headers.get('Access-Control-Allow-Origin')).toBe('moz-extension://0b2f6a52-1e0e-4f1b-9a57-3c2d1e0f9a11');
    });

    it('a rep cannot set "do not market": rejected with the reason, nothing filed but the record', async () => {
      const { users } = await newTeam(h.service, { rob: 'rep' });
      const reply = await users.rob!.push({ name: 'flag.dnm.set', args: { ...hubspotAccount('1'), until: T0 + DAY, reason: 'Asked', channels: ['email'] } });
      expect(reply.results).toEqual([{ id: 1, status: 'rejected', message: expect.stringMatching(/Only marketers and admins can set "do not market"; you are signed in as a rep/) }]);
      expect(reply.lastMutationId).toBe(1);
      const replica = new Replica();
      for (const page of await users.rob!.pullAll()) replica.apply(page);
      expect(replica.flags.size).toBe(0);
      expect(replica.history.size).toBe(0);
      expect([...replica.records.keys()]).toEqual(['hubspot:account:1']);
    });
  });

  describe('push', () => {
    it('a replayed push is answered duplicate, with one history row', async () => {
      const { users } = await newTeam(h.service, { ann: 'marketer' });
      const ann = users.ann!;
      const mutation = { id: 1, name: 'flag.dnm.set' as const, args: { ...hubspotAccount('1'), until: T0 + 10 * DAY, reason: 'Asked us to stop', channels: ['email' as const] }, clientTime: T0 };
      expect((await ann.pushRaw([mutation])).results).toEqual([{ id: 1, status: 'applied' }]);
      const replay = await ann.pushRaw([mutation]);
      expect(replay).toEqual({ lastMutationId: 1, results: [{ id: 1, status: 'duplicate' }], serverNow: T0 });
      const replica = new Replica();
      for (const page of await ann.pullAll()) replica.apply(page);
      expect(replica.history.size).toBe(1);
      expect([...replica.history.values()][0]).toMatchObject({ actor: 'ann@acme.test', kind: 'flag', reason: 'Asked us to stop' });
    });

    it('a gap is 409 with the expected id, and nothing in that push is applied', async () => {
      const { users } = await newTeam(h.service, { ann: 'marketer' });
      const ann = users.ann!;
      await ann.push({ name: 'consent.set', args: { ...hubspotAccount('1'), channel: 'email', status: 'withdrawn' } });
      const response = await ann.request('/v1/push', {
        method: 'POST',
        body: JSON.stringify({
          clientId: ann.clientId,
          mutations: [
            { id: 2, name: 'consent.set', args: { ...hubspotAccount('2'), channel: 'sms', status: 'withdrawn' }, clientTime: T0 },
            { id: 4, name: 'consent.set', args: { ...hubspotAccount('3'), channel: 'sms', status: 'withdrawn' }, clientTime: T0 },
          ],
        }),
      });
      const error = await expectError(response, 409, 'mutation-gap');
      expect(error.expected).toBe(3);
      const replica = new Replica();
      const pages = await ann.pullAll();
      for (const page of pages) replica.apply(page);
      expect([...replica.records.keys()]).toEqual(['hubspot:account:1']);
      expect(pages.at(-1)!.lastMutationId).toBe(1);
    });

    it('a push mixing applied, duplicate, conflict and rejected; each counts as processed', async () => {
      const { team, users } = await newTeam(h.service, { ada: 'admin', rob: 'rep' });
      await importOwners(team, [['501', 'Grace Hopper <grace@acme.test>'], ['502', 'Alan Turing <alan@acme.test>']]);
      const rob = users.rob!;
      const target = hubspotAccount('501');
      const reply = await rob.push(
        { name: 'flag.outreach.claim', args: { ...target } },
        { name: 'owner.set', args: { ...target, ownerId: 'person:alan@acme.test', expectedVersion: 1, reason: 'Mine now' } },
        { name: 'checklist.item.set', args: { ...target, from: 'lead', to: 'customer', itemId: 'kickoff', label: 'Kick-off call', done: true } },
      );
      expect(reply.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
      expect(reply.results[1]!.message).toMatch(/admin or the record’s current owner/);
      expect(reply.lastMutationId).toBe(3);

      const ada = users.ada!;
      const mixed = await ada.pushRaw([
        { id: 1, name: 'owner.set', args: { ...target, ownerId: 'person:alan@acme.test', expectedVersion: 1, reason: 'Territory change' }, clientTime: T0 },
        { id: 1, name: 'owner.set', args: { ...target, ownerId: 'person:alan@acme.test', expectedVersion: 1, reason: 'Territory change' }, clientTime: T0 },
        { id: 2, name: 'owner.set', args: { ...target, ownerId: 'person:grace@acme.test', expectedVersion: 1, reason: 'Stale view' }, clientTime: T0 },
        { id: 3, name: 'owner.set', args: { ...target, ownerId: 'person:nobody', expectedVersion: 2, reason: 'Typo' }, clientTime: T0 },
      ]);
      expect(mixed.results).toEqual([
        { id: 1, status: 'applied' },
        { id: 1, status: 'duplicate' },
        { id: 2, status: 'conflict', message: expect.any(String), current: { ownerId: 'person:alan@acme.test', version: 2 } },
        { id: 3, status: 'rejected', message: expect.stringContaining('not known') },
      ]);
      expect(mixed.lastMutationId).toBe(3);
      const replica = new Replica();
      for (const page of await ada.pullAll()) replica.apply(page);
      expect(replica.records.get(target.recordKey)).toMatchObject({ ownerId: 'person:alan@acme.test', version: 2, assignedAt: T0 });
    });

    it('owner CAS: the owner of record may hand over; a stale edit is a conflict carrying the current owner', async () => {
      const { team, users } = await newTeam(h.service, { grace: 'rep', ada: 'admin' });
      await importOwners(team, [['600', 'Grace <grace@acme.test>']]);
      // One more owner known to the team, on another record.
      await importOwners(team, [['601', 'Alan Turing <alan@acme.test>']]);
      const target = hubspotAccount('600');
      h.clock.advance(1000);
      const handover = await users.grace!.push({ name: 'owner.set', args: { ...target, ownerId: 'person:alan@acme.test', expectedVersion: 1, reason: 'Leaving the region' } });
      expect(handover.results[0]!.status).toBe('applied');
      const stale = await users.ada!.push({ name: 'owner.set', args: { ...target, ownerId: null, expectedVersion: 1, reason: 'Unassign' } });
      expect(stale.results[0]).toMatchObject({ status: 'conflict', current: { ownerId: 'person:alan@acme.test', version: 2 } });
      // Grace no longer owns it: her next owner change is refused.
      const again = await users.grace!.push({ name: 'owner.set', args: { ...target, ownerId: 'person:grace@acme.test', expectedVersion: 2, reason: 'Back' } });
      expect(again.results[0]!.status).toBe('rejected');
      const replica = new Replica();
      for (const page of await users.ada!.pullAll()) replica.apply(page);
      const history = [...replica.history.values()].filter((e) => (e as { recordKey: string }).recordKey === target.recordKey);
      // A first pull leaves out the "Imported from a CRM export" row (pull.ts, INITIAL_HISTORY_FILTER).
      expect(history.map((e) => (e as { kind: string }).kind)).toEqual(['owner']);
      expect(replica.records.get(target.recordKey)).toMatchObject({ assignedAt: h.clock.now(), version: 2 });
      expect(replica.records.get(target.recordKey)).not.toHaveProperty('firstTouchAt');
    });

    it.each([
      ['earlier first', [10, 20]],
      ['later first', [20, 10]],
    ])('"do not market": the later date stands (%s)', async (_, untils) => {
      const { users } = await newTeam(h.service, { ann: 'marketer', mia: 'marketer' });
      const target = hubspotAccount('700');
      const [a, b] = untils as [number, number];
      const first = await users.ann!.push({ name: 'flag.dnm.set', args: { ...target, until: T0 + a * DAY, reason: `until day ${a}`, channels: ['email'] } });
      const second = await users.mia!.push({ name: 'flag.dnm.set', args: { ...target, until: T0 + b * DAY, reason: `until day ${b}`, channels: ['email', 'sms'] } });
      expect(first.results[0]!.status).toBe('applied');
      expect(second.results[0]!.status).toBe('applied');
      if (b < a) expect(second.results[0]!.message).toMatch(/later .* already set by ann@acme.test/);
      const replica = new Replica();
      for (const page of await users.ann!.pullAll()) replica.apply(page);
      expect(replica.flags.get(flagId.doNotMarket(target.recordKey))).toMatchObject({ until: T0 + 20 * DAY, reason: 'until day 20', type: 'do-not-market' });
    });

    it('"do not market" clear: refused when someone set a later date after the user looked; clears what was seen', async () => {
      const { users } = await newTeam(h.service, { ann: 'marketer', mia: 'marketer' });
      const target = hubspotAccount('710');
      await users.ann!.push({ name: 'flag.dnm.set', args: { ...target, until: T0 + 10 * DAY, reason: 'Asked', channels: ['email'] } });
      await users.mia!.push({ name: 'flag.dnm.set', args: { ...target, until: T0 + 30 * DAY, reason: 'Legal hold', channels: ['email'] } });
      const refused = await users.ann!.push({ name: 'flag.dnm.clear', args: { ...target, seenUntil: T0 + 10 * DAY } });
      expect(refused.results[0]).toMatchObject({ status: 'rejected', message: expect.stringMatching(/Not cleared: mia@acme.test .* later than the date you saw/) });
      const cleared = await users.mia!.push({ name: 'flag.dnm.clear', args: { ...target, seenUntil: T0 + 30 * DAY } });
      expect(cleared.results[0]!.status).toBe('applied');
      const replica = new Replica();
      for (const page of await users.ann!.pullAll()) replica.apply(page);
      expect(replica.flags.size).toBe(0);
    });

    it('outreach claims of two users coexist; each releases only their own', async () => {
      const { users } = await newTeam(h.service, { rob: 'rep', cat: 'csm' });
      const target = hubspotAccount('720');
      await users.rob!.push({ name: 'flag.outreach.claim', args: { ...target } });
      await users.cat!.push({ name: 'flag.outreach.claim', args: { ...target, until: T0 + 2 * DAY } });
      const replica = new Replica();
      for (const page of await users.rob!.pullAll()) replica.apply(page);
      expect([...replica.flags.values()].map((f) => [f.id, f.setBy, f.until, f.since])).toEqual([
        [flagId.outreach(target.recordKey, 'rob@acme.test'), 'rob@acme.test', h.clock.now() + DEFAULT_OUTREACH_DAYS * DAY, h.clock.now()],
        [flagId.outreach(target.recordKey, 'cat@acme.test'), 'cat@acme.test', T0 + 2 * DAY, h.clock.now()],
      ]);
      await users.cat!.push({ name: 'flag.outreach.release', args: { ...target } });
      for (const page of await users.rob!.pullAll()) replica.apply(page);
      expect([...replica.flags.keys()]).toEqual([flagId.outreach(target.recordKey, 'rob@acme.test')]);
    });

    it('checklist items: last writer wins in server order', async () => {
      const { users } = await newTeam(h.service, { rob: 'rep', cat: 'csm' });
      const target = hubspotAccount('730');
      const item = (done: boolean, label = 'Kick-off call') => ({ name: 'checklist.item.set' as const, args: { ...target, from: 'lead', to: 'customer', itemId: 'kickoff', label, done } });
      await users.rob!.push(item(true), { name: 'checklist.item.set', args: { ...target, from: 'lead', to: 'customer', itemId: 'contract', label: 'Contract signed', done: false } });
      await users.cat!.push(item(false, 'Kick-off call (rescheduled)'));
      const replica = new Replica();
      for (const page of await users.rob!.pullAll()) replica.apply(page);
      expect(replica.checklists.get(target.recordKey)).toEqual({
        recordKey: target.recordKey,
        from: 'lead',
        to: 'customer',
        items: [
          { id: 'kickoff', label: 'Kick-off call (rescheduled)', done: false },
          { id: 'contract', label: 'Contract signed', done: false },
        ],
      });
    });
  });

  describe('pull', () => {
    it('pages with `more`, never splitting a version, and the pages add up to everything', async () => {
      const { users } = await newTeam(h.service, { ann: 'marketer' });
      // 15 pushes of 3 rows each (record, flag, history) = 45 rows: at 25 a page, more than one page.
      for (let i = 0; i < 15; i++) {
        await users.ann!.push({ name: 'flag.dnm.set', args: { ...hubspotAccount(String(800 + i)), until: T0 + DAY, reason: 'Asked', channels: ['email'] } });
      }
      const pages = await users.ann!.pullAll();
      expect(pages.length).toBeGreaterThan(1);
      expect(pages.slice(0, -1).every((p) => p.more)).toBe(true);
      expect(pages.at(-1)!.more).toBe(false);
      for (const page of pages) {
        expect(page.records.length + page.flags.length + page.history.length).toBeLessThanOrEqual(25);
        // Whole versions only: each push's record, flag and history row arrive together.
        expect(page.records.length).toBe(page.flags.length);
        expect(page.history.length).toBe(page.flags.length);
      }
      const replica = new Replica();
      for (const page of pages) replica.apply(page);
      expect(replica.flags.size).toBe(15);
      expect(pages.at(-1)!.lastMutationId).toBe(15);
      // Caught up: the next pull is empty and keeps the cookie's place.
      const empty = await users.ann!.pullOnce();
      expect([empty.records, empty.flags, empty.history, empty.more]).toEqual([[], [], [], false]);
    });

    it('sends a version larger than a page whole', async () => {
      const { team, users } = await newTeam(h.service, { ann: 'admin' });
      await importOwners(team, Array.from({ length: 20 }, (_, i) => [String(900 + i), `Owner ${i} <o${i}@acme.test>`] as [string, string]));
      const first = await users.ann!.pullOnce();
      expect(first.records.length).toBe(20);
      expect(first.owners.length).toBe(20);
      // A first pull leaves out the "Imported from a CRM export" rows (pull.ts, INITIAL_HISTORY_FILTER).
      expect(first.history.length).toBe(0);
      expect(first.more).toBe(false);
    });

    it('a cleared flag is a tombstone; past the tombstone period an older cookie resets to a full snapshot', async () => {
      const { users } = await newTeam(h.service, { ann: 'marketer' });
      const ann = users.ann!;
      const a = hubspotAccount('950');
      const b = hubspotAccount('951');
      await ann.push({ name: 'flag.dnm.set', args: { ...a, until: T0 + 400 * DAY, reason: 'Asked', channels: ['email'] } });
      await ann.pullAll();
      const oldCookie = ann.cookie;
      await ann.push({ name: 'flag.dnm.clear', args: { ...a, seenUntil: T0 + 400 * DAY } });
      const seen = await ann.pullOnce();
      expect(seen.deletedFlags).toEqual([flagId.doNotMarket(a.recordKey)]);
      const freshCookie = ann.cookie;

      h.clock.advance(31 * DAY);
      await ann.push({ name: 'flag.dnm.set', args: { ...b, until: h.clock.now() + DAY, reason: 'Asked', channels: ['email'] } });
      const reset = await ann.pullOnce(oldCookie);
      expect(reset.reset).toBe(true);
      expect(reset.deletedFlags).toEqual([]);
      expect(reset.flags.map((f) => f.id)).toEqual([flagId.doNotMarket(b.recordKey)]);
      expect(reset.records.map((r) => r.key).sort()).toEqual([a.recordKey, b.recordKey]);
      // A client that had seen the tombstone just gets what is new.
      const normal = await ann.pullOnce(freshCookie);
      expect(normal.reset).toBe(false);
      expect(normal.flags.map((f) => f.id)).toEqual([flagId.doNotMarket(b.recordKey)]);
    });

    it('a cookie of another team, or garbage, is 400 with a clear message', async () => {
      const one = await newTeam(h.service, { ann: 'marketer' });
      const two = await newTeam(h.service, { bob: 'marketer' });
      await one.users.ann!.pullAll();
      const foreign = one.users.ann!.cookie;
      const pull = (cookie: string) => two.users.bob!.request('/v1/pull', { method: 'POST', body: JSON.stringify({ clientId: two.users.bob!.clientId, cookie }) });
      expect((await expectError(await pull(foreign!), 400, 'bad-cookie')).message).toMatch(/another team/);
      await expectError(await pull('not-a-cookie'), 400, 'bad-cookie');
      await expectError(await pull(Buffer.from('{"v":"x"}').toString('base64url')), 400, 'bad-cookie');
    });
  });

  describe('bodies', () => {
    it('bad JSON, a body that breaks the protocol, and an oversized body are 400 with a clear message', async () => {
      const { users } = await newTeam(h.service, { ann: 'admin' });
      const ann = users.ann!;
      const badJson = await expectError(await ann.request('/v1/push', { method: 'POST', body: '{"clientId": "abcdefgh", ' }), 400, 'invalid-json');
      expect(badJson.message).toMatch(/not valid JSON/);
      const invalid = await expectError(await ann.request('/v1/push', { method: 'POST', body: JSON.stringify({ clientId: 'abcdefgh', mutations: [{ id: 1, name: 'flag.dnm.set', args: {}, clientTime: 0 }] }) }), 400, 'invalid-request');
      expect(invalid.message).toMatch(/mutations\.0\.args/);
      await expectError(await ann.request('/v1/pull', { method: 'POST', body: '' }), 400, 'invalid-json');
      const huge = JSON.stringify({ clientId: 'abcdefgh', cookie: null, pad: 'x'.repeat(64 * 1024) });
      const tooLarge = await expectError(await ann.request('/v1/pull', { method: 'POST', body: huge }), 400, 'body-too-large');
      expect(tooLarge.message).toMatch(/larger than/);
      await expectError(await ann.request('/v1/nothing-here'), 404, 'not-found');
    });
  });

  async function importOwners(team: string, rows: [string, string][]): Promise<void> {
    const csv = ['"Record ID","Company name","Company owner","Company Domain Name"', ...rows.map(([id, owner]) => `"${id}","Company ${id}","${owner}","c${id}.example"`)].join('\n');
    const report = await h.service.admin.importOwners({ team, csv, crm: 'hubspot', kind: 'account' });
    expect(report.errors).toEqual([]);
  }
});
