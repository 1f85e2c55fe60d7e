import type { OwnersightDb, RulePackRow } from '../db/database';
import type { RulePack } from '../rules/schema';
import type { KeysFrom } from './types';

// The pack in force on this install: one row of `rulePacks`, written only by ./install after
// verifySignedPack accepted it (issue #5). Whatever reads it may trust it without checking again.

export const ACTIVE_PACK_ID = 'active';

export interface ActivePackRow extends RulePackRow {
  id: typeof ACTIVE_PACK_ID;
  version: number;
  pack: RulePack;
  /** The signed envelope's signature, kept so the pack can be checked again or shown. */
  signature: { alg: 'Ed25519'; keyId: string; value: string };
  keyId: string;
  keysFrom: KeysFrom;
  /** Local time it became active. */
  activatedAt: number;
}

export interface ActivePack {
  pack: RulePack;
  keyId: string;
  version: number;
  activatedAt: number;
}

function isActiveRow(row: RulePackRow | undefined): row is ActivePackRow {
  const r = row as Partial<ActivePackRow> | undefined;
  return !!r && typeof r.keyId === 'string' && typeof r.activatedAt === 'number' && typeof r.version === 'number' && typeof r.pack === 'object' && r.pack !== null;
}

export async function readActivePackRow(db: OwnersightDb): Promise<ActivePackRow | null> {
  const row = await db.rulePacks.get(ACTIVE_PACK_ID);
  return isActiveRow(row) ? row : null;
}

/** The verified pack in force, who signed it and when it became active; null before the first good pack. */
export async function readActivePack(db: OwnersightDb): Promise<{ pack: RulePack; keyId: string; version: number; activatedAt: number } | null> {
  const row = await readActivePackRow(db);
  return row ? { pack: row.pack, keyId: row.keyId, version: row.version, activatedAt: row.activatedAt } : null;
}
