import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { PinnedKey } from '../rules/sign';

// Enterprise deployment (issue #5): an administrator sets these by browser policy, under the extension's
// id in Chrome's "3rdparty" policy (public/managed_schema.json describes them). Managed values win over
// anything typed in the options page, which shows them read-only.

const KEY_ID = /^[0-9a-f]{16}$/;
const PUBLIC_KEY = /^[A-Za-z0-9_-]{43}$/;

export interface ManagedPolicy {
  serverUrl?: string;
  teamId?: string;
  pinnedKeys?: PinnedKey[];
  minPackVersion?: number;
  /** Entries that were set but unusable, in words: shown in the options page, never silently dropped. */
  problems: string[];
}

export const NO_POLICY: ManagedPolicy = { problems: [] };

const FIELDS = {
  serverUrl: z.string().min(1).max(2048).url(),
  teamId: z.string().min(1).max(200),
  pinnedKeys: z
    .array(z.object({ keyId: z.string().regex(KEY_ID), publicKey: z.string().regex(PUBLIC_KEY) }).loose())
    .max(20),
  minPackVersion: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
} as const;

/** The managed storage's contents, each field checked on its own so one typo does not void the rest. */
export function parseManagedPolicy(raw: unknown): ManagedPolicy {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return NO_POLICY;
  const input = raw as Record<string, unknown>;
  const policy: ManagedPolicy = { problems: [] };
  for (const name of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
    if (input[name] === undefined) continue;
    const parsed = FIELDS[name].safeParse(input[name]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      policy.problems.push(`Policy "${name}${issue.path.length ? `.${issue.path.join('.')}` : ''}" is ignored: ${issue.message}.`);
      continue;
    }
    if (name === 'pinnedKeys') policy.pinnedKeys = (parsed.data as PinnedKey[]).map(({ keyId, publicKey }) => ({ keyId, publicKey }));
    else (policy as unknown as Record<string, unknown>)[name] = parsed.data;
  }
  return policy;
}

export function isManaged(policy: ManagedPolicy): boolean {
  return policy.serverUrl !== undefined || policy.teamId !== undefined || policy.pinnedKeys !== undefined || policy.minPackVersion !== undefined;
}

/**
 * Reads browser policy. An install without policy has none: Chrome answers `{}`, Firefox rejects
 * ("Managed storage manifest not found"); both mean "not managed".
 */
export async function loadManagedPolicy(): Promise<ManagedPolicy> {
  try {
    const managed = browser.storage?.managed;
    if (!managed) return NO_POLICY;
    return parseManagedPolicy(await managed.get());
  } catch {
    return NO_POLICY;
  }
}
