import type { OwnersightDb } from '../db/database';
import { readJson } from '../rules/read-json';
import { importPublicKey, keyIdOf, type PinnedKey } from '../rules/sign';
import { readLocalKeys, writeLocalKeys, type LocalKey } from './install-meta';
import type { ManagedPolicy } from './managed-policy';
import type { KeysFrom, PinnedKeyInfo } from './types';

// Which public keys this install trusts to sign its team's rule pack. Browser policy wins: when it pins
// keys, keys pasted in the options page are ignored (and cannot be added), so a user cannot widen what an
// administrator allowed.

export const MAX_LOCAL_KEYS = 10;

export interface Trust {
  pinnedKeys: PinnedKey[];
  keysFrom: KeysFrom;
  keys: PinnedKeyInfo[];
}

export async function trustedKeys(db: OwnersightDb, policy: ManagedPolicy): Promise<Trust> {
  if (policy.pinnedKeys?.length) {
    return { pinnedKeys: policy.pinnedKeys, keysFrom: 'policy', keys: policy.pinnedKeys.map((k) => ({ ...k, from: 'policy' })) };
  }
  const local = await readLocalKeys(db);
  return {
    pinnedKeys: local.map(({ keyId, publicKey }) => ({ keyId, publicKey })),
    keysFrom: local.length ? 'options' : 'none',
    keys: local.map((k) => ({ keyId: k.keyId, publicKey: k.publicKey, from: 'options', addedAt: k.addedAt })),
  };
}

/**
 * The public key JSON that `npm run rulepack -- keygen` writes (`{ "alg", "keyId", "publicKey", … }`),
 * checked: a real Ed25519 key whose id is the hash of the key. Throws in plain words otherwise.
 */
export async function parsePublicKeyFile(text: string): Promise<PinnedKey> {
  const read = readJson(text.trim());
  const value = read.ok ? (read.value as Record<string, unknown> | null) : null;
  if (!value || typeof value !== 'object' || typeof value.publicKey !== 'string' || typeof value.keyId !== 'string') {
    throw new Error('Paste the whole public key file that "npm run rulepack -- keygen" wrote (rulepack-key.pub.json): { "alg": "Ed25519", "keyId": …, "publicKey": … }. Never the .pem file: that one is secret.');
  }
  if (value.alg !== undefined && value.alg !== 'Ed25519') throw new Error(`This key is ${String(value.alg)}; rule packs are signed with Ed25519.`);
  try {
    await importPublicKey(value.publicKey);
  } catch {
    throw new Error('"publicKey" is not an Ed25519 public key (32 bytes, base64url).');
  }
  const keyId = await keyIdOf(value.publicKey);
  if (keyId !== value.keyId) throw new Error(`"keyId" ${value.keyId} does not belong to this public key (its id is ${keyId}); the file was edited or mixed up.`);
  return { keyId, publicKey: value.publicKey };
}

export async function pinLocalKey(db: OwnersightDb, policy: ManagedPolicy, text: string, now: number): Promise<LocalKey[]> {
  if (policy.pinnedKeys?.length) throw new Error('Your organisation pins the signing keys by browser policy; they cannot be changed here.');
  const key = await parsePublicKeyFile(text);
  const keys = await readLocalKeys(db);
  if (keys.some((k) => k.keyId === key.keyId)) return keys;
  if (keys.length >= MAX_LOCAL_KEYS) throw new Error(`At most ${MAX_LOCAL_KEYS} keys can be pinned; remove one first.`);
  const next = [...keys, { ...key, addedAt: now }];
  await writeLocalKeys(db, next);
  return next;
}

export async function unpinLocalKey(db: OwnersightDb, keyId: string): Promise<boolean> {
  const keys = await readLocalKeys(db);
  const next = keys.filter((k) => k.keyId !== keyId);
  if (next.length === keys.length) return false;
  await writeLocalKeys(db, next);
  return true;
}
