import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixtureKey, type FixtureKey } from '../../test/fixtures/rulepacks/make-signed';
import { OwnersightDb } from '../db/database';
import { NO_POLICY } from './managed-policy';
import { parsePublicKeyFile, pinLocalKey, trustedKeys, unpinLocalKey } from './pinned-keys';
import { previewPack } from './preview';

const fixtures = fileURLToPath(new URL('../../test/fixtures/rulepacks/', import.meta.url));
const read = (name: string) => readFileSync(`${fixtures}${name}`, 'utf8');

let trusted: FixtureKey;
let stranger: FixtureKey;
let db: OwnersightDb;
let n = 0;
const keyFile = (k: FixtureKey, extra: object = {}) => JSON.stringify({ alg: 'Ed25519', keyId: k.keyId, publicKey: k.publicKey, createdAt: '2025-01-01T00:00:00Z', ...extra }, null, 2);

beforeAll(async () => {
  trusted = await fixtureKey('trusted');
  stranger = await fixtureKey('stranger');
});
beforeEach(async () => {
  db = new OwnersightDb(`pinned-keys-${++n}`);
  await db.open();
});
afterEach(() => db.close());

describe('pinned keys', () => {
  it('reads the public key file rulepack keygen writes, and refuses anything else in words', async () => {
    expect(await parsePublicKeyFile(`\n${keyFile(trusted)}\n`)).toEqual({ keyId: trusted.keyId, publicKey: trusted.publicKey });
    await expect(parsePublicKeyFile('-----BEGIN PRIVATE KEY-----')).rejects.toThrow(/Never the \.pem file/);
    await expect(parsePublicKeyFile(keyFile(trusted, { keyId: stranger.keyId }))).rejects.toThrow(/does not belong to this public key/);
    await expect(parsePublicKeyFile(keyFile(trusted, { publicKey: 'abc' }))).rejects.toThrow(/not an Ed25519 public key/);
    await expect(parsePublicKeyFile(keyFile(trusted, { alg: 'RS256' }))).rejects.toThrow(/RS256/);
  });

  it('pins and unpins in the options when no policy pins keys; once each', async () => {
    await pinLocalKey(db, NO_POLICY, keyFile(trusted), 1);
    await pinLocalKey(db, NO_POLICY, keyFile(trusted), 2);
    const keys = await pinLocalKey(db, NO_POLICY, keyFile(stranger), 3);
    expect(keys.map((k) => [k.keyId, k.addedAt])).toEqual([[trusted.keyId, 1], [stranger.keyId, 3]]);
    expect(await trustedKeys(db, NO_POLICY)).toMatchObject({ keysFrom: 'options', pinnedKeys: [{ keyId: trusted.keyId }, { keyId: stranger.keyId }] });
    expect(await unpinLocalKey(db, stranger.keyId)).toBe(true);
    expect(await unpinLocalKey(db, stranger.keyId)).toBe(false);
    expect((await trustedKeys(db, NO_POLICY)).keys.map((k) => k.keyId)).toEqual([trusted.keyId]);
  });

  it('policy keys win: local keys are ignored and no key can be added', async () => {
    await pinLocalKey(db, NO_POLICY, keyFile(trusted), 1);
    const policy = { pinnedKeys: [{ keyId: stranger.keyId, publicKey: stranger.publicKey }], problems: [] };
    expect(await trustedKeys(db, policy)).toEqual({
      keysFrom: 'policy',
      pinnedKeys: [{ keyId: stranger.keyId, publicKey: stranger.publicKey }],
      keys: [{ keyId: stranger.keyId, publicKey: stranger.publicKey, from: 'policy' }],
    });
    await expect(pinLocalKey(db, policy, keyFile(trusted), 2)).rejects.toThrow(/browser policy/);
  });
});

describe('previewPack', () => {
  const context = async () => ({ team: 'acme', trust: await trustedKeys(db, { pinnedKeys: [{ keyId: trusted.keyId, publicKey: trusted.publicKey }], problems: [] }), now: Date.UTC(2025, 5, 1) });

  it('a signed pack: its facts, what it adds, and that this install would take it', async () => {
    const preview = await previewPack(read('signed/good.json'), null, await context());
    expect(preview).toMatchObject({ signed: true, errors: [], pack: { name: 'Acme minimal', version: 3, team: 'acme' }, verdict: { ok: true, keyId: trusted.keyId } });
    expect(preview.diff?.about.map((c) => c.path)).toContain('fallback');
  });

  it('an unsigned or tampered pack still shows its contents, and why it would be refused', async () => {
    expect(await previewPack(read('signed/unsigned.json'), null, await context())).toMatchObject({ signed: false, errors: [], verdict: { ok: false, code: 'unsigned' } });
    expect(await previewPack(read('signed/tampered.json'), null, await context())).toMatchObject({ signed: true, verdict: { ok: false, code: 'bad-signature' } });
  });

  it('a broken pack: every mistake with its JSON path, nothing else', async () => {
    const preview = await previewPack(read('broken/wrong-type.json'), null, await context());
    expect(preview.pack).toBeUndefined();
    expect(preview.errors.length).toBeGreaterThan(0);
    expect(preview.errors[0]!.path).toMatch(/^\$/);
    expect((await previewPack('{ nope', null, null)).errors[0]).toMatchObject({ path: '$' });
  });
});
