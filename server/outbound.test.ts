import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from './test/databases';
import { readFileSync } from 'node:fs';
import type { RulePack } from '../lib/rules/schema';
import { exportPublicKey, generateKeyPair, keyIdOf, signPack } from '../lib/rules/sign';
import { DAY, expectError, hubspotAccount, hubspotContact, newTeam, Replica, startHarness, type Harness, type TestClient } from './test/harness';
import { SIGNATURE_HEADER, verifyWebhook } from './webhooks';

// What leaves the service for marketing automation and admins: suppressions, webhooks, rule packs, and
// the owners import. Same suite on PGlite and PostgreSQL.

const minimalPack = (): RulePack => JSON.parse(readFileSync(new URL('../test/fixtures/rulepacks/valid/minimal.json', import.meta.url), 'utf8')) as RulePack;

describe.each(TEST_DATABASES)('outbound and admin on $name', (database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(database);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  describe('suppressions', () => {
    it('lists dnm for the channel, outreach on every channel, withdrawn consent per channel; expiry by server time', async () => {
      const { users } = await newTeam(h.service, { ann: 'marketer', rob: 'rep' });
      const now = h.clock.now();
      const acme = hubspotAccount('10', { domain: 'acme.example' });
      const ada = hubspotContact('11', 'Ada@Acme.Example');
      const bob = hubspotContact('12', 'bob@globex.example');
      const eve = hubspotContact('13', '=cmd|calc@evil.example');
      await users.ann!.push(
        { name: 'flag.dnm.set', args: { ...acme, until: now + 10 * DAY, reason: 'Asked', channels: ['email', 'sms'] } },
        { name: 'consent.set', args: { ...bob, channel: 'sms', status: 'withdrawn' } },
        { name: 'flag.dnm.set', args: { ...eve, until: now + 5 * DAY, reason: 'Asked', channels: ['email'] } },
      );
      await users.rob!.push({ name: 'flag.outreach.claim', args: { ...ada, until: now + 2 * DAY } });

      const list = async (channel: string) => {
        const response = await users.ann!.request(`/v1/suppressions?channel=${channel}`);
        expect(response.status).toBe(200);
        const body = (await response.json()) as { suppressions: { type: string; value: string; reason: string; until: number | null }[] };
        return body.suppressions.map((s) => [s.type, s.value, s.reason, s.until]);
      };
      expect(await list('email')).toEqual([
        ['domain', 'acme.example', 'do-not-market', now + 10 * DAY],
        ['email', '=cmd|calc@evil.example', 'do-not-market', now + 5 * DAY],
        ['email', 'ada@acme.example', 'outreach', now + 2 * DAY],
      ]);
      expect(await list('sms')).toEqual([
        ['domain', 'acme.example', 'do-not-market', now + 10 * DAY],
        ['email', 'ada@acme.example', 'outreach', now + 2 * DAY],
        ['email', 'bob@globex.example', 'consent-withdrawn', null],
      ]);
      expect(await list('ads')).toEqual([['email', 'ada@acme.example', 'outreach', now + 2 * DAY]]);

      h.clock.advance(3 * DAY);
      expect(await list('email')).toEqual([
        ['domain', 'acme.example', 'do-not-market', now + 10 * DAY],
        ['email', '=cmd|calc@evil.example', 'do-not-market', now + 5 * DAY],
      ]);

      const csv = await users.ann!.request('/v1/suppressions?channel=email&format=csv');
      expect(csv.headers.get('Content-Type')).toMatch(/^text\/csv/);
      const text = await csv.text();
      expect(text.split('\r\n')[0]).toBe('"type","value","reason","until","record_keys"');
      // A value that would run as a spreadsheet formula is defused.
      expect(text).toContain(`"email","'=cmd|calc@evil.example","do-not-market","${new Date(now + 5 * DAY).toISOString()}","hubspot:contact:13"`);
      expect(text.split('\r\n').filter(Boolean).every((line) => !/(^|,)"[=+\-@]/.test(line))).toBe(true);

      await expectError(await users.rob!.request('/v1/suppressions?channel=email'), 403, 'forbidden');
      await expectError(await users.ann!.request('/v1/suppressions?channel=fax'), 400, 'invalid-request');
      await expectError(await users.ann!.request('/v1/suppressions?channel=email&format=xml'), 400, 'invalid-request');
    });
  });

  describe('webhooks', () => {
    let receiver: Server;
    let url: string;
    const received: { headers: IncomingMessage['headers']; body: string }[] = [];
    let failFirst = 0;
    beforeAll(async () => {
      receiver = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        req.on('end', () => {
          received.push({ headers: req.headers, body });
          res.statusCode = failFirst-- > 0 ? 503 : 204;
          res.end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    });
    afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

    it('posts a signed event after a flag change, retrying a failed delivery, and records each attempt', async () => {
      const { team, users } = await newTeam(h.service, { ann: 'marketer' });
      const secret = 'a-secret-of-at-least-16-chars';
      const hook = await h.service.admin.addWebhook({ team, url, secret });
      received.length = 0;
      failFirst = 1;
      const target = hubspotAccount('20', { domain: 'hooked.example' });
      const reply = await users.ann!.push({ name: 'flag.dnm.set', args: { ...target, until: h.clock.now() + DAY, reason: 'Asked', channels: ['email'] } });
      expect(reply.results[0]!.status).toBe('applied');
      await h.service.webhooksIdle();

      expect(received).toHaveLength(2);
      const { headers, body } = received[1]!;
      const signature = headers[SIGNATURE_HEADER.toLowerCase()] as string;
      expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifyWebhook(secret, signature, body, Math.floor(h.clock.now() / 1000))).toBe(true);
      expect(verifyWebhook('another-secret-entirely', signature, body, Math.floor(h.clock.now() / 1000))).toBe(false);
      expect(verifyWebhook(secret, signature, body.replace('Asked', 'Asker'), Math.floor(h.clock.now() / 1000))).toBe(false);
      const event = JSON.parse(body) as { type: string; team: string; changes: { action: string; flag: { id: string }; record: { domain?: string } }[] };
      expect(event).toMatchObject({ type: 'flags.changed', team, changes: [{ action: 'set', flag: { id: `dnm:${target.recordKey}` }, record: { domain: 'hooked.example' } }] });

      const deliveries = await h.service.admin.listWebhookDeliveries({ team });
      expect(deliveries.map((d) => [d.webhookId, d.attempt, d.status, d.ok])).toEqual([
        [hook.id, 1, 503, false],
        [hook.id, 2, 204, true],
      ]);
      // A push that changes no flag sends nothing.
      await users.ann!.push({ name: 'consent.set', args: { ...target, channel: 'email', status: 'granted' } });
      await h.service.webhooksIdle();
      expect(received).toHaveLength(2);
    });
  });

  describe('rule pack', () => {
    it('PUT of a signed pack by an admin, served back byte for byte; versions only move forward; ?after= answers 204', async () => {
      const { team, users } = await newTeam(h.service, { ada: 'admin', rob: 'rep' });
      await expectError(await users.rob!.request('/v1/rulepack'), 404, 'not-found');
      await expectError(await users.rob!.request('/v1/rulepack?after=0'), 404, 'not-found');
      const pair = await generateKeyPair();
      const keyId = await keyIdOf(await exportPublicKey(pair.publicKey));
      const pack = async (version: number, over: Partial<RulePack> = {}) =>
        JSON.stringify(await signPack({ ...minimalPack(), team, version, ...over }, pair.privateKey, keyId), null, 2);
      const put = (client: TestClient, body: string) => client.request('/v1/rulepack', { method: 'PUT', body });
      const v2 = await pack(2);
      expect((await put(users.ada!, v2)).status).toBe(200);
      const got = await users.rob!.request('/v1/rulepack');
      expect(got.status).toBe(200);
      expect(await got.text()).toBe(v2);
      expect((await users.rob!.request('/v1/rulepack?after=2')).status).toBe(204);
      expect((await users.rob!.request('/v1/rulepack?after=5')).status).toBe(204);
      expect(await (await users.rob!.request('/v1/rulepack?after=1')).text()).toBe(v2);
      expect(await (await users.rob!.request('/v1/rulepack?after=nonsense')).text()).toBe(v2);

      expect((await expectError(await put(users.ada!, v2), 409, 'stale-version')).expected).toBe(3);
      await expectError(await put(users.ada!, await pack(1)), 409, 'stale-version');
      await expectError(await put(users.rob!, await pack(5)), 403, 'forbidden');
      const other = await expectError(await put(users.ada!, await pack(6, { team: 'globex' })), 400, 'wrong-team');
      expect(other.message).toContain(`for team "globex", but your token belongs to team "${team}"`);
      const bare = await expectError(await put(users.ada!, JSON.stringify({ ...minimalPack(), team, version: 7 })), 400, 'unsigned');
      expect(bare.message).toMatch(/not signed/);
      const signed = JSON.parse(await pack(8)) as { pack: RulePack; signature: unknown };
      const badShape = await expectError(await put(users.ada!, JSON.stringify({ ...signed, pack: { ...signed.pack, rules: 'all' } })), 400, 'invalid-request');
      expect(badShape.message).toMatch(/\$\.pack\.rules/);
      await expectError(await put(users.ada!, JSON.stringify({ version: 9, rules: [], signature: 'sig' })), 400, 'invalid-request');
      await expectError(await put(users.ada!, '{"version": 3,'), 400, 'invalid-json');
      await expectError(await put(users.ada!, JSON.stringify({ version: 9, pad: 'x'.repeat(1024 * 1024) })), 400, 'body-too-large');
      const v3 = await pack(3);
      expect(await (await put(users.ada!, v3)).json()).toEqual({ version: 3 });
      expect(await (await users.rob!.request('/v1/rulepack?after=2')).text()).toBe(v3);
    });
  });

  describe('owners import', () => {
    const csv = [
      '"Record ID","Company name","Company owner","Company Domain Name","Lifecycle Stage"',
      '"31","Acme","Grace Hopper <grace@acme.test>","acme.example","Customer"',
      '"32","Globex","","globex.example","Lead"',
      '"","No id","Grace Hopper <grace@acme.test>","x.example",""',
    ].join('\n');

    it('a dry run writes nothing; an import writes once; the same file again writes nothing; history by "import"', async () => {
      const { team, users } = await newTeam(h.service, { ada: 'admin' });
      const dry = await h.service.admin.importOwners({ team, csv, crm: 'hubspot', kind: 'account', dryRun: true });
      expect(dry).toMatchObject({ written: false, dryRun: true, records: { added: 2 }, owners: { added: 1 } });
      expect(dry.errors).toEqual([{ row: 4, column: 'Record ID', message: 'No record id.' }]);
      expect((await users.ada!.pullOnce()).records).toEqual([]);

      const first = await h.service.admin.importOwners({ team, csv, crm: 'hubspot', kind: 'account' });
      expect(first).toMatchObject({ written: true, records: { added: 2, changed: 0 }, owners: { added: 1 } });
      const replica = new Replica();
      for (const page of await users.ada!.pullAll()) replica.apply(page);
      expect(replica.records.get('hubspot:account:31')).toMatchObject({ ownerId: 'person:grace@acme.test', lifecycleStage: 'Customer', version: 1 });
      expect([...replica.history.values()].map((e) => (e as { actor: string }).actor)).toEqual(['import', 'import']);

      const again = await h.service.admin.importOwners({ team, csv, crm: 'hubspot', kind: 'account' });
      expect(again).toMatchObject({ written: false, records: { added: 0, changed: 0, unchanged: 2 }, owners: { unchanged: 1 } });
      const after = await users.ada!.pullOnce();
      expect([after.records, after.owners, after.history]).toEqual([[], [], []]);

      // An owner made inactive by an admin stays inactive through a re-import.
      await h.service.admin.setOwnerActive({ team, id: 'person:grace@acme.test', active: false });
      await h.service.admin.importOwners({ team, csv: csv.replace('"Lead"', '"MQL"'), crm: 'hubspot', kind: 'account' });
      for (const page of await users.ada!.pullAll()) replica.apply(page);
      expect(replica.owners.get('person:grace@acme.test')).toMatchObject({ active: false });
      expect(replica.records.get('hubspot:account:32')).toMatchObject({ lifecycleStage: 'MQL' });
    });

    it('refuses unknown teams, users and roles in words', async () => {
      await expect(h.service.admin.createToken({ team: 'team_nope', email: 'a@b.test' })).rejects.toThrow(/No team/);
      const { team } = await newTeam(h.service, {});
      await expect(h.service.admin.addUser({ team, email: 'x@acme.test', name: 'X', role: 'boss' as never })).rejects.toThrow(/not a role/);
      await expect(h.service.admin.createToken({ team, email: 'ghost@acme.test' })).rejects.toThrow(/No user/);
      await expect(h.service.admin.revokeToken({ id: 'tok_nope' })).rejects.toThrow(/No token/);
    });
  });
});
