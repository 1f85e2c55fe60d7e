import { z } from 'zod';
import { fromBase64url, toBase64url } from './base64url';
import { canonicalJson } from './canonical-json';
import { formatPackErrors, parseRulePack } from './parse';
import { checkDepth, readJson } from './read-json';
import { RulePackSchema, type RulePack } from './schema';

// Ed25519 through WebCrypto: Chrome 137+, Firefox 129+ and Node 20 verify it natively, so the extension
// ships no crypto code of its own. The signature covers the RFC 8785 canonical JSON of `pack`, so
// re-indenting or re-ordering the file does not break it and changing any value does (issue #5).

const ED25519 = { name: 'Ed25519' } as const;
const KEY_ID = /^[0-9a-f]{16}$/;
/** Clocks drift: a pack issued a few minutes "in the future" is still taken. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export const SignatureSchema = z
  .object({
    alg: z.literal('Ed25519'),
    /** First 16 hex characters of the SHA-256 of the raw public key (see keyIdOf). */
    keyId: z.string().regex(KEY_ID, 'a key id is 16 lower-case hex characters'),
    /** The 64-byte Ed25519 signature, base64url. */
    value: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'an Ed25519 signature is 86 base64url characters'),
  })
  .strict();

export const SignedRulePackSchema = z.object({ pack: RulePackSchema, signature: SignatureSchema }).strict();
export type SignedRulePack = z.infer<typeof SignedRulePackSchema>;

/** The envelope before its pack is trusted: the pack stays unknown until the signature checks out. */
const EnvelopeSchema = z.object({ pack: z.unknown(), signature: SignatureSchema }).strict();

export interface PinnedKey {
  keyId: string;
  /** Raw 32-byte public key, base64url (the `publicKey` of the JSON that `rulepack keygen` writes). */
  publicKey: string;
}

export interface VerifyOptions {
  pinnedKeys: readonly PinnedKey[];
  /** The install's team: a pack for another team is refused. */
  team: string;
  /** Version of the pack in force now: only a higher version may replace it (no rollback, no replay). */
  activeVersion?: number;
  /** Lowest version an administrator allows (browser policy). */
  minVersion?: number;
  now: number;
}

export const VERIFY_FAILURES = ['unsigned', 'bad-signature', 'unknown-key', 'expired', 'not-yet-valid', 'rollback', 'wrong-team', 'invalid'] as const;
export type VerifyFailure = (typeof VERIFY_FAILURES)[number];

export type VerifiedPack =
  | { ok: true; pack: RulePack; keyId: string }
  | { ok: false; code: VerifyFailure; /** Plain words for the options page. */ message: string };

export async function generateKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ED25519, true, ['sign', 'verify']);
}

/** The raw public key, base64url: what installs pin. */
export async function exportPublicKey(publicKey: CryptoKey): Promise<string> {
  return toBase64url(new Uint8Array(await crypto.subtle.exportKey('raw', publicKey)));
}

export async function importPublicKey(publicKey: string): Promise<CryptoKey> {
  const raw = fromBase64url(publicKey);
  if (!raw || raw.length !== 32) throw new Error('An Ed25519 public key is 32 bytes in base64url');
  return crypto.subtle.importKey('raw', raw, ED25519, true, ['verify']);
}

/** First 16 hex characters of the SHA-256 of the raw public key (given base64url or as bytes). */
export async function keyIdOf(publicKey: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const raw = typeof publicKey === 'string' ? fromBase64url(publicKey) : publicKey;
  if (!raw) throw new Error('The public key is not base64url');
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', raw));
  return Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Signs a valid pack; throws with the pack's mistakes if it is not valid (a broken pack is never signed). */
export async function signPack(pack: RulePack, privateKey: CryptoKey, keyId: string): Promise<SignedRulePack> {
  const parsed = parseRulePack(pack);
  if (!parsed.ok) throw new Error(`The pack is not valid:\n${formatPackErrors(parsed.errors)}`);
  if (!KEY_ID.test(keyId)) throw new Error('A key id is 16 lower-case hex characters');
  const bytes = new TextEncoder().encode(canonicalJson(pack));
  const signature = new Uint8Array(await crypto.subtle.sign(ED25519, privateKey, bytes));
  return { pack: parsed.pack, signature: { alg: 'Ed25519', keyId, value: toBase64url(signature) } };
}

const fail = (code: VerifyFailure, message: string): VerifiedPack => ({ ok: false, code, message });
const day = (iso: string) => new Date(iso).toISOString().slice(0, 10);

function hasKey(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && key in value;
}

async function pinnedKeyFor(keyId: string, pinnedKeys: readonly PinnedKey[]): Promise<CryptoKey | null> {
  for (const pinned of pinnedKeys) {
    if (pinned.keyId !== keyId) continue;
    try {
      // A pin whose key does not hash to its id is a typo in the configuration: never trust it.
      if ((await keyIdOf(pinned.publicKey)) === keyId) return await importPublicKey(pinned.publicKey);
    } catch {
      // Unreadable pin: same as no pin.
    }
  }
  return null;
}

/**
 * Checks a signed pack (JSON text or parsed value) in the order that trusts the least: shape, then the
 * signer is pinned, then the signature, then the schema, then team, dates and version. Only a pack that
 * passes every check comes back; the caller keeps its last good pack otherwise and shows `message`.
 */
export async function verifySignedPack(envelope: unknown, options: VerifyOptions): Promise<VerifiedPack> {
  const read = typeof envelope === 'string' ? readJson(envelope) : checkDepth(envelope);
  if (!read.ok) return fail('invalid', read.message);
  const value = read.value;
  if (!hasKey(value, 'signature') || (value as { signature: unknown }).signature == null) {
    return hasKey(value, 'pack') || hasKey(value, 'schemaVersion')
      ? fail('unsigned', 'This rule pack is not signed. Only packs signed by your admin (npm run rulepack -- sign) are accepted.')
      : fail('invalid', 'This file is not a signed rule pack.');
  }
  const shape = EnvelopeSchema.safeParse(value);
  if (!shape.success) {
    const issue = shape.error.issues[0]!;
    const where = issue.path.join('.') || 'the file';
    return issue.path[0] === 'signature'
      ? fail('bad-signature', `The signature is malformed (${where}: ${issue.message}).`)
      : fail('invalid', `This file is not a signed rule pack (${where}: ${issue.message}).`);
  }
  const { pack, signature } = shape.data;

  const publicKey = await pinnedKeyFor(signature.keyId, options.pinnedKeys);
  if (!publicKey) {
    const pinned = options.pinnedKeys.map((k) => k.keyId).join(', ') || 'none';
    return fail('unknown-key', `The pack is signed by key ${signature.keyId}, which this install does not trust (trusted keys: ${pinned}).`);
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new TextEncoder().encode(canonicalJson(pack));
  } catch (error) {
    return fail('invalid', `The pack cannot be read as JSON data: ${(error as Error).message}.`);
  }
  const signatureBytes = fromBase64url(signature.value);
  const valid = signatureBytes !== null && (await crypto.subtle.verify(ED25519, publicKey, signatureBytes, bytes));
  if (!valid) {
    return fail('bad-signature', 'The signature does not match the pack: it was changed after signing, or not signed with the key it names.');
  }

  const parsed = parseRulePack(pack);
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ');
    return fail('invalid', `The pack is signed but not valid: ${shown}${parsed.errors.length > 3 ? '; …' : ''}.`);
  }
  const verified = parsed.pack;
  if (verified.team !== options.team) {
    return fail('wrong-team', `This pack is for team "${verified.team}", not for this install's team "${options.team}".`);
  }
  if (options.now + CLOCK_SKEW_MS < Date.parse(verified.issuedAt)) {
    return fail('not-yet-valid', `This pack is dated ${verified.issuedAt}, which is still in the future. Check this computer's clock.`);
  }
  if (options.now >= Date.parse(verified.expiresAt)) {
    return fail('expired', `This pack expired on ${day(verified.expiresAt)}. Ask your admin for a newer one.`);
  }
  if (options.activeVersion !== undefined && verified.version <= options.activeVersion) {
    return fail('rollback', `This pack is version ${verified.version}, not newer than the active version ${options.activeVersion}; an older or repeated pack cannot replace it.`);
  }
  if (options.minVersion !== undefined && verified.version < options.minVersion) {
    return fail('rollback', `This pack is version ${verified.version}, below the lowest version your administrator allows (${options.minVersion}).`);
  }
  return { ok: true, pack: verified, keyId: signature.keyId };
}
