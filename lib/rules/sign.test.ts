import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureKey, type FixtureKey } from '../../test/fixtures/rulepacks/make-signed';
import type { RulePack } from './schema';
import { exportPublicKey, generateKeyPair, importPublicKey, keyIdOf, signPack, verifySignedPack, type VerifyFailure, type VerifyOptions } from './sign';

const fixtures = fileURLToPath(new URL('../../test/fixtures/rulepacks/', import.meta.url));
const readFixture = (name: string) => readFileSync(`${fixtures}${name}`, 'utf8');
const NOW = Date.UTC(2025, 5, 1);
const minimal = () => JSON.parse(readFixture('valid/minimal.json')) as RulePack;

let trusted: FixtureKey;
let options: VerifyOptions;
beforeAll(async () => {
  trusted = await fixtureKey('trusted');
  options = { pinnedKeys: [{ keyId: trusted.keyId, publicKey: trusted.publicKey }], team: 'acme', now: NOW };
});

describe('keys', () => {
  it('makes Ed25519 keys whose id is 16 hex characters of the raw public key\'s SHA-256', async () => {
    const pair = await generateKeyPair();
    const raw = await exportPublicKey(pair.publicKey);
    expect(raw).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const keyId = await keyIdOf(raw);
    expect(keyId).toMatch(/^[0-9a-f]{16}$/);
    const bytes = Uint8Array.from(atob(raw.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    expect(keyId).toBe(Array.from(digest.slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join(''));
    expect(await exportPublicKey(await importPublicKey(raw))).toBe(raw);
  });

  it('signs and verifies with a fresh key', async () => {
    const pair = await generateKeyPair();
    const publicKey = await exportPublicKey(pair.publicKey);
    const keyId = await keyIdOf(publicKey);
    const signed = await signPack(minimal(), pair.privateKey, keyId);
    expect(signed.signature).toMatchObject({ alg: 'Ed25519', keyId });
    const verified = await verifySignedPack(signed, { pinnedKeys: [{ keyId, publicKey }], team: 'acme', now: NOW });
    expect(verified).toEqual({ ok: true, pack: minimal(), keyId });
  });

  it('refuses to sign an invalid pack', async () => {
    await expect(signPack({ ...minimal(), version: 0 }, trusted.privateKey, trusted.keyId)).rejects.toThrow(/\$\.version: must be more than 0/);
  });
});

/** Each signed fixture, the options it is checked with, and the one code it must be refused with. */
const CASES: [file: string, extra: Partial<VerifyOptions>, code: VerifyFailure, message: RegExp][] = [
  ['unsigned', {}, 'unsigned', /not signed/],
  ['tampered', {}, 'bad-signature', /changed after signing/],
  ['bad-signature', {}, 'bad-signature', /does not match/],
  ['wrong-alg', {}, 'bad-signature', /malformed/],
  ['unknown-key', {}, 'unknown-key', /does not trust/],
  ['expired', {}, 'expired', /expired on 2025-03-01/],
  ['not-yet-valid', {}, 'not-yet-valid', /in the future/],
  ['older-version', { activeVersion: 3 }, 'rollback', /version 2, not newer than the active version 3/],
  ['good', { activeVersion: 3 }, 'rollback', /not newer/],
  ['good', { minVersion: 4 }, 'rollback', /below the lowest version/],
  ['wrong-team', {}, 'wrong-team', /team "globex"/],
  ['signed-but-invalid', {}, 'invalid', /\$\.rules: must be a list/],
  ['good', { pinnedKeys: [] }, 'unknown-key', /trusted keys: none/],
];

describe('verifySignedPack', () => {
  it('accepts the good fixture, as text or as a value, whatever its layout', async () => {
    const text = readFixture('signed/good.json');
    const expected = { ok: true, pack: minimal(), keyId: trusted.keyId };
    expect(await verifySignedPack(text, options)).toEqual(expected);
    expect(await verifySignedPack(JSON.parse(text), options)).toEqual(expected);
    // Re-indented and with keys reordered: the same canonical JSON, the same signature.
    const envelope = JSON.parse(text);
    const reordered = { signature: envelope.signature, pack: Object.fromEntries(Object.entries(envelope.pack).reverse()) };
    expect(await verifySignedPack(JSON.stringify(reordered, null, 4), options)).toEqual(expected);
    expect(await verifySignedPack(text, { ...options, activeVersion: 2, minVersion: 3 })).toEqual(expected);
  });

  it.each(CASES)('refuses signed/%s.json (%j) as %s', async (file, extra, code, message) => {
    const result = await verifySignedPack(readFixture(`signed/${file}.json`), { ...options, ...extra });
    expect(result).toEqual({ ok: false, code, message: expect.stringMatching(message) });
  });

  it('does not trust a pinned key whose id does not match the key', async () => {
    const stranger = await fixtureKey('stranger');
    const result = await verifySignedPack(readFixture('signed/good.json'), { ...options, pinnedKeys: [{ keyId: trusted.keyId, publicKey: stranger.publicKey }] });
    expect(result).toMatchObject({ ok: false, code: 'unknown-key' });
  });

  it('refuses what is not an envelope', async () => {
    const withExtra = { ...JSON.parse(readFixture('signed/good.json')), extra: 1 };
    for (const input of ['not json', '[]', 'null', withExtra, { hello: 'world' }]) {
      expect(await verifySignedPack(input, options)).toMatchObject({ ok: false, code: 'invalid' });
    }
    expect(await verifySignedPack({ pack: minimal(), signature: null }, options)).toMatchObject({ ok: false, code: 'unsigned' });
    expect(await verifySignedPack({ pack: minimal(), signature: {} }, options)).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  it('refuses a pack that is valid until a field is added after signing', async () => {
    const envelope = JSON.parse(readFixture('signed/good.json'));
    envelope.pack.rules.push({ id: 'mine', priority: 0, when: {}, assign: { owner: { kind: 'person', id: 'mallory' } } });
    expect(await verifySignedPack(envelope, options)).toMatchObject({ ok: false, code: 'bad-signature' });
  });
});
