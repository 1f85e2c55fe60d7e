import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixtureKey, type FixtureKey } from '../../test/fixtures/rulepacks/make-signed';
import { OwnersightDb } from '../db/database';
import type { RulePack } from '../rules/schema';
import { signPack, type VerifyFailure } from '../rules/sign';
import { writeSyncMeta } from '../sync/state';
import { readActivePack } from './active';
import { readLastCheck, readRefusal } from './install-meta';
import { installTeamPack } from './install';
import { NO_POLICY, type ManagedPolicy } from './managed-policy';
import { pinLocalKey } from './pinned-keys';

const fixtures = fileURLToPath(new URL('../../test/fixtures/rulepacks/', import.meta.url));
const read = (name: string) => readFileSync(`${fixtures}${name}`, 'utf8');
const minimal = () => JSON.parse(read('valid/minimal.json')) as RulePack;
/** Inside the fixtures' validity (2025-01-01 … 2026-01-01), as the service's clock. */
const SERVICE_NOW = Date.UTC(2025, 5, 1);
const LOCAL_NOW = SERVICE_NOW - 90_000; // this computer runs 90 s behind the service

let trusted: FixtureKey;
let stranger: FixtureKey;
let db: OwnersightDb;
let served: { status: number; body?: string };
let requested: string[];
let policy: ManagedPolicy;
let n = 0;

const keyFile = (k: FixtureKey) => JSON.stringify({ alg: 'Ed25519', keyId: k.keyId, publicKey: k.publicKey, createdAt: '2025-01-01T00:00:00Z' });

const fakeFetch: typeof fetch = async (input) => {
  requested.push(String(input));
  if (served.status === 0) throw new TypeError('network down');
  return new Response(served.body ?? null, { status: served.status });
};

const install = () => installTeamPack({ db, fetch: fakeFetch, now: () => LOCAL_NOW, managedPolicy: async () => policy });
const serve = (body: string) => (served = { status: 200, body });

beforeAll(async () => {
  trusted = await fixtureKey('trusted');
  stranger = await fixtureKey('stranger');
});

beforeEach(async () => {
  db = new OwnersightDb(`rulepack-install-${++n}`);
  await db.open();
  requested = [];
  policy = NO_POLICY;
  served = { status: 404, body: '{"error":{"code":"not-found","message":"This team has no rule pack yet."}}' };
  await writeSyncMeta(db, {
    connection: { serverUrl: 'https://ownersight.example', token: 'secret' },
    me: { user: { email: 'ada@acme.test', name: 'Ada', role: 'rep' }, team: { id: 'acme', name: 'Acme' } },
    clockOffset: SERVICE_NOW - LOCAL_NOW,
  });
  await pinLocalKey(db, policy, keyFile(trusted), LOCAL_NOW);
});

afterEach(() => db.close());

describe('installTeamPack', () => {
  it('takes a good pack: active with its signer and time; asks with ?after= from then on and a 204 changes nothing', async () => {
    expect(await install()).toEqual({ result: 'none' });
    expect(requested[0]).toBe('https://ownersight.example/v1/rulepack');
    expect(await readActivePack(db)).toBeNull();

    serve(read('signed/good.json'));
    expect(await install()).toEqual({ result: 'installed', version: 3 });
    expect(await readActivePack(db)).toEqual({ pack: minimal(), keyId: trusted.keyId, version: 3, activatedAt: LOCAL_NOW });
    expect(await readLastCheck(db)).toEqual({ at: LOCAL_NOW, result: 'installed' });

    served = { status: 204 };
    expect(await install()).toEqual({ result: 'unchanged' });
    expect(requested.at(-1)).toBe('https://ownersight.example/v1/rulepack?after=3');
    expect((await readActivePack(db))?.version).toBe(3);
  });

  /** Each hostile or broken pack from the service, and the one code it must be refused with. */
  const SIGNED: [file: string, code: VerifyFailure, message: RegExp][] = [
    ['unsigned', 'unsigned', /not signed/],
    ['tampered', 'bad-signature', /changed after signing/],
    ['bad-signature', 'bad-signature', /does not match/],
    ['wrong-alg', 'bad-signature', /malformed/],
    ['unknown-key', 'unknown-key', /does not trust/],
    ['expired', 'expired', /expired on 2025-03-01/],
    ['not-yet-valid', 'not-yet-valid', /in the future/],
    ['older-version', 'rollback', /version 2, not newer than the active version 3/],
    ['good', 'rollback', /version 3, not newer than the active version 3/],
    ['wrong-team', 'wrong-team', /team "globex"/],
    ['signed-but-invalid', 'invalid', /signed but not valid: \$\.rules/],
  ];

  it.each(SIGNED)('refuses signed/%s.json (%s) with its own message; the good pack stays active', async (file, code, message) => {
    serve(read('signed/good.json'));
    await install();
    serve(read(`signed/${file}.json`));
    const outcome = await install();
    expect(outcome.result).toBe('refused');
    expect(outcome.message).toMatch(message);
    const refusal = await readRefusal(db);
    expect(refusal).toMatchObject({ code, at: LOCAL_NOW });
    expect(refusal!.message).toMatch(message);
    if (file !== 'unsigned') expect(refusal!.version).toBeTypeOf('number');
    expect(await readActivePack(db)).toMatchObject({ version: 3, keyId: trusted.keyId, pack: minimal() });
  });

  const broken = readdirSync(`${fixtures}broken`).filter((f) => f.endsWith('.json'));
  it.each(broken)('refuses broken/%s from the service and keeps the active pack', async (file) => {
    serve(read('signed/good.json'));
    await install();
    serve(read(`broken/${file}`));
    expect((await install()).result).toBe('refused');
    const refusal = await readRefusal(db);
    expect(['unsigned', 'invalid']).toContain(refusal?.code);
    expect(refusal!.message.length).toBeGreaterThan(15);
    expect((await readActivePack(db))?.version).toBe(3);
  });

  it('moves forward only: a newer pack replaces the active one and clears the refusal; the older one cannot come back', async () => {
    serve(read('signed/good.json'));
    await install();
    serve(read('signed/tampered.json'));
    await install();
    expect(await readRefusal(db)).not.toBeNull();
    const v4 = JSON.stringify(await signPack({ ...minimal(), version: 4, name: 'Acme v4' }, trusted.privateKey, trusted.keyId));
    serve(v4);
    expect(await install()).toEqual({ result: 'installed', version: 4 });
    expect(await readRefusal(db)).toBeNull();
    serve(read('signed/good.json')); // a service restored from a backup, or a replay
    expect(await install()).toMatchObject({ result: 'refused', version: 3 });
    expect(await readRefusal(db)).toMatchObject({ code: 'rollback', version: 3 });
    expect(await readActivePack(db)).toMatchObject({ version: 4, pack: { name: 'Acme v4' } });
  });

  it('respects the minimum version set by browser policy', async () => {
    policy = { minPackVersion: 4, problems: [] };
    serve(read('signed/good.json'));
    expect((await install()).result).toBe('refused');
    expect(await readRefusal(db)).toMatchObject({ code: 'rollback', message: expect.stringMatching(/below the lowest version your administrator allows \(4\)/) });
    expect(await readActivePack(db)).toBeNull();
  });

  it('uses only the keys pinned by policy when there are any: a key pasted in the options does not count', async () => {
    policy = { pinnedKeys: [{ keyId: stranger.keyId, publicKey: stranger.publicKey }], problems: [] };
    serve(read('signed/good.json'));
    expect((await install()).result).toBe('refused');
    expect(await readRefusal(db)).toMatchObject({ code: 'unknown-key', keyId: trusted.keyId });
    serve(read('signed/unknown-key.json')); // signed by the stranger, whom the policy pins
    expect(await install()).toEqual({ result: 'installed', version: 3 });
    expect(await readActivePack(db)).toMatchObject({ keyId: stranger.keyId });
  });

  it('checks the team the policy names over the team of the token', async () => {
    policy = { teamId: 'globex', problems: [] };
    serve(read('signed/good.json'));
    await install();
    expect(await readRefusal(db)).toMatchObject({ code: 'wrong-team', message: expect.stringMatching(/not for this install's team "globex"/) });
  });

  it('with no key pinned, says where to pin one', async () => {
    await db.meta.delete('rulepack.pinnedKeys');
    serve(read('signed/good.json'));
    await install();
    expect((await readRefusal(db))?.message).toMatch(/No signing key is pinned on this install/);
  });

  it('judges dates by the service clock, not this computer\'s', async () => {
    // Issued 4 minutes after the service's now: inside the 5-minute skew allowance by the service clock,
    // outside it by this computer's (90 s behind). Taken, so the service clock decided.
    const future = { ...minimal(), version: 5, issuedAt: new Date(SERVICE_NOW + 4 * 60_000).toISOString() };
    serve(JSON.stringify(await signPack(future, trusted.privateKey, trusted.keyId)));
    expect((await install()).result).toBe('installed');
    await writeSyncMeta(db, { clockOffset: -10 * 60_000 });
    serve(JSON.stringify(await signPack({ ...future, version: 6, issuedAt: new Date(SERVICE_NOW).toISOString() }, trusted.privateKey, trusted.keyId)));
    expect(await install()).toMatchObject({ result: 'refused' });
    expect(await readRefusal(db)).toMatchObject({ code: 'not-yet-valid' });
  });

  it('a failed fetch is recorded as a failed check, not a refusal, and changes nothing', async () => {
    serve(read('signed/good.json'));
    await install();
    served = { status: 0 };
    expect(await install()).toMatchObject({ result: 'failed' });
    expect(await readLastCheck(db)).toMatchObject({ result: 'failed', message: expect.stringMatching(/could not be reached/) });
    expect(await readRefusal(db)).toBeNull();
    served = { status: 401, body: '{"error":{"code":"unauthorized","message":"no"}}' };
    expect(await install()).toMatchObject({ result: 'failed', message: expect.stringMatching(/token was refused/) });
    expect((await readActivePack(db))?.version).toBe(3);
  });

  it('does nothing before the install is connected', async () => {
    await writeSyncMeta(db, { connection: undefined });
    expect(await install()).toEqual({ result: 'not-connected' });
    expect(requested).toEqual([]);
  });
});
