import type { OwnersightDb } from '../db/database';
import { verifySignedPack, type VerifiedPack } from '../rules/sign';
import { readSyncMeta } from '../sync/state';
import { SyncError, type Fetch } from '../sync/transport';
import { ACTIVE_PACK_ID, readActivePackRow, type ActivePackRow } from './active';
import { INSTALL_META_KEYS, writeLastCheck } from './install-meta';
import type { ManagedPolicy } from './managed-policy';
import { trustedKeys, type Trust } from './pinned-keys';
import { fetchTeamPack } from './service-pack';
import type { CheckResult, PackRefusal } from './types';

// Distribution (issue #5): after each successful sync run the install asks the service for its team's
// pack, verifies it against the pinned keys, and either makes it the active pack or records why not while
// the last good pack stays in force. The fetch happens before, and outside, the one Dexie transaction.

export interface InstallDeps {
  db: OwnersightDb;
  fetch: Fetch;
  /** Local clock; service time is this plus the sync's clock offset. */
  now(): number;
  managedPolicy(): Promise<ManagedPolicy>;
}

export type InstallOutcome = { result: CheckResult | 'not-connected'; version?: number; message?: string };

/** What verification needs besides the pack: the team, the pinned keys, the floor and the time. */
export interface VerifyContext {
  team: string;
  trust: Trust;
  minVersion?: number;
  /** Service time. */
  now: number;
}

/** The version and key a pack claims, read without trusting it (for the refusal record only). */
function claimed(envelope: unknown): { version?: number; keyId?: string } {
  const e = envelope as { pack?: { version?: unknown }; signature?: { keyId?: unknown }; version?: unknown } | null;
  if (typeof e !== 'object' || e === null) return {};
  const version = e.pack?.version ?? e.version;
  const keyId = e.signature?.keyId;
  return { ...(typeof version === 'number' ? { version } : {}), ...(typeof keyId === 'string' ? { keyId } : {}) };
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // verifySignedPack reads text itself and says what is wrong with it.
  }
}

/** verifySignedPack against this install's keys, team, active version and policy floor, with a word for "no key pinned". */
export async function verifyForInstall(envelope: unknown, context: VerifyContext, activeVersion: number | undefined): Promise<VerifiedPack> {
  const verified = await verifySignedPack(envelope, {
    pinnedKeys: context.trust.pinnedKeys,
    team: context.team,
    ...(activeVersion !== undefined ? { activeVersion } : {}),
    ...(context.minVersion !== undefined ? { minVersion: context.minVersion } : {}),
    now: context.now,
  });
  if (!verified.ok && verified.code === 'unknown-key' && context.trust.pinnedKeys.length === 0) {
    return {
      ...verified,
      message: `${verified.message} No signing key is pinned on this install: paste your admin's public key (rulepack-key.pub.json) under "Rule pack" in the options, or have it set by browser policy.`,
    };
  }
  return verified;
}

/**
 * Takes `envelope` (text or parsed) as the active pack if it verifies; otherwise records the refusal and
 * leaves the active pack alone. Returns what happened.
 */
export async function considerPack(db: OwnersightDb, envelope: unknown, context: VerifyContext, localNow: number): Promise<InstallOutcome> {
  const value = typeof envelope === 'string' ? parseText(envelope) : envelope;
  const active = await readActivePackRow(db);
  const verified = await verifyForInstall(value, context, active?.version);
  if (!verified.ok) {
    const refusal: PackRefusal = { code: verified.code, message: verified.message, ...claimed(value), at: localNow };
    await db.transaction('rw', [db.meta], async () => {
      await db.meta.put({ key: INSTALL_META_KEYS.refusal, value: refusal });
      await writeLastCheck(db, { at: localNow, result: 'refused', message: verified.message });
    });
    return { result: 'refused', ...(refusal.version !== undefined ? { version: refusal.version } : {}), message: verified.message };
  }
  const signature = (value as { signature: ActivePackRow['signature'] }).signature;
  const row: ActivePackRow = {
    id: ACTIVE_PACK_ID,
    version: verified.pack.version,
    pack: verified.pack,
    signature: { alg: signature.alg, keyId: signature.keyId, value: signature.value },
    keyId: verified.keyId,
    keysFrom: context.trust.keysFrom,
    activatedAt: localNow,
  };
  const installed = await db.transaction('rw', [db.rulePacks, db.meta], async () => {
    // Two runs may race (alarm and "Sync now"): only ever move forward.
    const current = await readActivePackRow(db);
    if (current && current.version >= row.version) return false;
    await db.rulePacks.put(row);
    await db.meta.delete(INSTALL_META_KEYS.refusal);
    await writeLastCheck(db, { at: localNow, result: 'installed' });
    return true;
  });
  return installed ? { result: 'installed', version: row.version } : { result: 'unchanged' };
}

/** One check after a sync run: fetch (cheap when unchanged), verify, install or refuse. Never throws. */
export async function installTeamPack(deps: InstallDeps): Promise<InstallOutcome> {
  const { db } = deps;
  const localNow = deps.now();
  try {
    const meta = await readSyncMeta(db);
    if (!meta.connection || !meta.me) return { result: 'not-connected' };
    const policy = await deps.managedPolicy();
    const context: VerifyContext = {
      team: policy.teamId ?? meta.me.team.id,
      trust: await trustedKeys(db, policy),
      ...(policy.minPackVersion !== undefined ? { minVersion: policy.minPackVersion } : {}),
      now: localNow + meta.clockOffset,
    };
    const active = await readActivePackRow(db);
    const fetched = await fetchTeamPack(deps.fetch, meta.connection, active?.version);
    if (fetched.kind !== 'pack') {
      const result = fetched.kind === 'none' ? 'none' : 'unchanged';
      await writeLastCheck(db, { at: localNow, result });
      return { result };
    }
    return await considerPack(db, fetched.text, context, localNow);
  } catch (error) {
    const message = error instanceof SyncError || error instanceof Error ? error.message : 'The rule pack check failed.';
    if (!(error instanceof SyncError)) console.error('[ownersight] rule pack check failed', error);
    await writeLastCheck(db, { at: localNow, result: 'failed', message }).catch(() => undefined);
    return { result: 'failed', message };
  }
}
