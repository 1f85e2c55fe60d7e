import type { OwnersightDb } from '../db/database';
import type { PinnedKey } from '../rules/sign';
import type { PackCheck, PackRefusal } from './types';

// Rule-pack rows in `meta` (the extension's own IndexedDB: no content script or web page can reach it).

export const INSTALL_META_KEYS = {
  refusal: 'rulepack.lastRefusal',
  lastCheck: 'rulepack.lastCheck',
  localKeys: 'rulepack.pinnedKeys',
} as const;

export interface LocalKey extends PinnedKey {
  addedAt: number;
}

const asObject = (value: unknown) => (typeof value === 'object' && value !== null ? value : null);

export async function readRefusal(db: OwnersightDb): Promise<PackRefusal | null> {
  return asObject((await db.meta.get(INSTALL_META_KEYS.refusal))?.value) as PackRefusal | null;
}

export async function readLastCheck(db: OwnersightDb): Promise<PackCheck | null> {
  return asObject((await db.meta.get(INSTALL_META_KEYS.lastCheck))?.value) as PackCheck | null;
}

export async function writeLastCheck(db: OwnersightDb, check: PackCheck): Promise<void> {
  await db.meta.put({ key: INSTALL_META_KEYS.lastCheck, value: check });
}

/** Keys an admin pasted in the options page (used only when browser policy pins none). */
export async function readLocalKeys(db: OwnersightDb): Promise<LocalKey[]> {
  const value = (await db.meta.get(INSTALL_META_KEYS.localKeys))?.value;
  return Array.isArray(value) ? (value as LocalKey[]) : [];
}

export async function writeLocalKeys(db: OwnersightDb, keys: readonly LocalKey[]): Promise<void> {
  await db.meta.put({ key: INSTALL_META_KEYS.localKeys, value: keys });
}
