import type { PackError } from '../rules/issue-words';
import type { VerifyFailure } from '../rules/sign';
import type { PackDiff } from './diff';

// What the options page sees of rule-pack installation (issue #5). Types only: the page imports them,
// the work stays in the background.

export type { PackDiff, PackError };

/** Where the pinned keys in force came from: browser policy wins over keys pasted in the options. */
export type KeysFrom = 'policy' | 'options' | 'none';

export interface PinnedKeyInfo {
  keyId: string;
  publicKey: string;
  from: 'policy' | 'options';
  /** When it was pasted in the options (policy keys have no date). */
  addedAt?: number;
}

/** Why the last pack from the service was not taken; the previous pack stayed in force. */
export interface PackRefusal {
  code: VerifyFailure;
  message: string;
  /** The refused pack's version, when it could be read. */
  version?: number;
  /** The key it claimed to be signed with, when it could be read. */
  keyId?: string;
  at: number;
}

export type CheckResult = 'installed' | 'unchanged' | 'none' | 'refused' | 'failed';

export interface PackCheck {
  at: number;
  result: CheckResult;
  message?: string;
}

export interface ActivePackSummary {
  version: number;
  name: string;
  team: string;
  description?: string;
  keyId: string;
  issuedAt: string;
  expiresAt: string;
  activatedAt: number;
  rules: number;
  checklists: number;
  slas: number;
}

/** The browser policy as the options page shows it (read-only). */
export interface PolicySummary {
  managed: boolean;
  serverUrl?: string;
  teamId?: string;
  minPackVersion?: number;
  /** Policy entries that were ignored, in words. */
  problems: string[];
}

export interface RulePackStatus {
  active: ActivePackSummary | null;
  refusal: PackRefusal | null;
  lastCheck: PackCheck | null;
  keysFrom: KeysFrom;
  keys: PinnedKeyInfo[];
  policy: PolicySummary;
  publish: { allowed: true } | { allowed: false; reason: string };
}

export interface PackPreview {
  signed: boolean;
  /** Every mistake with its JSON path inside the pack (`$.rules[3].when.crm`). Empty when valid. */
  errors: PackError[];
  pack?: { name: string; version: number; team: string; issuedAt: string; expiresAt: string };
  /** Against the active pack (everything "added" when none is active). */
  diff?: PackDiff;
  /** What this install would do with it after a sync: take it, or refuse it and why. */
  verdict?: { ok: true; keyId: string } | { ok: false; code: VerifyFailure; message: string };
}
