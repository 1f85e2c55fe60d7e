import { parseRulePack } from '../rules/parse';
import { readJson } from '../rules/read-json';
import type { RulePack } from '../rules/schema';
import { diffPacks } from './diff';
import { verifyForInstall, type VerifyContext } from './install';
import type { PackPreview } from './types';

// The options page's look at a pack file before it is published (issue #5): its mistakes with JSON paths,
// what it would change against the active pack, and whether this install would take it.

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export async function previewPack(text: string, active: { pack: RulePack; version: number } | null, context: VerifyContext | null): Promise<PackPreview> {
  const read = readJson(text);
  if (!read.ok) return { signed: false, errors: [{ path: '$', message: read.message }] };
  const signed = isObject(read.value) && 'signature' in read.value && 'pack' in read.value;
  const body = signed ? (read.value as { pack: unknown }).pack : read.value;
  const parsed = parseRulePack(body);
  if (!parsed.ok) return { signed, errors: parsed.errors };
  const { pack } = parsed;
  const preview: PackPreview = {
    signed,
    errors: [],
    pack: { name: pack.name, version: pack.version, team: pack.team, issuedAt: pack.issuedAt, expiresAt: pack.expiresAt },
    diff: diffPacks(active?.pack ?? null, pack),
  };
  if (context) {
    const verified = await verifyForInstall(read.value, context, active?.version);
    preview.verdict = verified.ok ? { ok: true, keyId: verified.keyId } : { ok: false, code: verified.code, message: verified.message };
  }
  return preview;
}
