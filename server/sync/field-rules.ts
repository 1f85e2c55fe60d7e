import type { Channel, Checklist, Flag } from '../../lib/model/ownership';
import { DEFAULT_FLAG_POLICY } from '../../lib/rules/policies';

// How each field settles when people change it at once (issue 3, "conflicts decided per field"). Pure:
// state and request in, decision out; apply-mutation.ts does the reading and writing.

/** A claim sent without an end (clients send the rule pack's expiry) lasts what the extension assumes too. */
export const DEFAULT_OUTREACH_DAYS = DEFAULT_FLAG_POLICY.outreach.defaultExpiryDays;
/** ChecklistSchema's limit. */
export const MAX_CHECKLIST_ITEMS = 100;
const DAY = 86_400_000;

export type FlagDecision =
  | { kind: 'write'; flag: Flag; message?: string }
  | { kind: 'delete'; message?: string }
  | { kind: 'keep'; message?: string }
  | { kind: 'reject'; message: string };

/**
 * "Do not market until": of the stored date and the new one, the later stands. At an equal date the
 * winner is chosen by content (setter, reason, channels), not by arrival, so every order ends the same.
 */
export function decideDnmSet(
  existing: Flag | null,
  incoming: { recordKey: string; id: string; until: number; reason: string; channels: readonly Channel[]; setBy: string },
  now: number,
): FlagDecision {
  const channels = [...new Set(incoming.channels)].sort();
  const flag: Flag = { id: incoming.id, recordKey: incoming.recordKey, type: 'do-not-market', setBy: incoming.setBy, since: now, until: incoming.until, reason: incoming.reason, channels };
  if (!existing) return { kind: 'write', flag };
  const stored = existing.until ?? Number.POSITIVE_INFINITY;
  if (incoming.until < stored) {
    return { kind: 'keep', message: `A later "do not market" date (${isoDay(stored)}) is already set by ${existing.setBy}; it stands.` };
  }
  if (incoming.until === stored) {
    if (tieKey(flag) <= tieKey(existing)) return { kind: 'keep', message: `"Do not market until ${isoDay(stored)}" is already set.` };
    return { kind: 'write', flag: { ...flag, since: existing.since } };
  }
  return { kind: 'write', flag };
}

/** Clears only the flag the user saw: a date someone set later is not cleared by accident. */
export function decideDnmClear(existing: Flag | null, seenUntil: number): FlagDecision {
  if (!existing) return { kind: 'keep', message: 'There was no "do not market" flag to clear.' };
  const stored = existing.until ?? Number.POSITIVE_INFINITY;
  if (stored > seenUntil) {
    return {
      kind: 'reject',
      message: `Not cleared: ${existing.setBy} has since set "do not market until ${isoDay(stored)}", later than the date you saw (${isoDay(seenUntil)}).`,
    };
  }
  return { kind: 'delete' };
}

/** One claim per user: claiming again moves the end date; `since` is the service's clock. */
export function decideOutreachClaim(
  existing: Flag | null,
  incoming: { recordKey: string; id: string; until?: number; setBy: string },
  now: number,
): FlagDecision {
  const until = incoming.until ?? now + DEFAULT_OUTREACH_DAYS * DAY;
  if (until <= now) return { kind: 'reject', message: `The claim would end ${isoDay(until)}, which has already passed.` };
  if (existing && existing.until === until) return { kind: 'keep' };
  return { kind: 'write', flag: { id: incoming.id, recordKey: incoming.recordKey, type: 'outreach', setBy: incoming.setBy, since: now, until, channels: [] } };
}

export function decideOutreachRelease(existing: Flag | null): FlagDecision {
  return existing ? { kind: 'delete' } : { kind: 'keep', message: 'You had no outreach claim on this record.' };
}

export type OwnerDecision =
  | { kind: 'conflict'; current: { ownerId: string | null; version: number } }
  | { kind: 'same' }
  | { kind: 'change'; version: number };

/** The owner of record, by compare-and-set on its version: a stale edit is a conflict the user resolves. */
export function decideOwnerSet(current: { ownerId: string | null; version: number }, expectedVersion: number, ownerId: string | null): OwnerDecision {
  if (expectedVersion !== current.version) return { kind: 'conflict', current };
  if (ownerId === current.ownerId) return { kind: 'same' };
  return { kind: 'change', version: current.version + 1 };
}

/**
 * Checklist items: last writer wins, in the service's order. A checklist is for one transition; an item
 * for another transition (from → to) starts that transition's list afresh.
 * Returns null when nothing would change, 'full' when the list already holds the most items allowed.
 */
export function setChecklistItem(
  current: Checklist | null,
  args: { recordKey: string; from: string; to: string; itemId: string; label: string; done: boolean },
  actor: string,
  now: number,
): Checklist | null | 'full' {
  const sameTransition = current && current.from === args.from && current.to === args.to;
  const items = sameTransition ? current.items : [];
  const old = items.find((item) => item.id === args.itemId);
  if (old && old.label === args.label && old.done === args.done) return null;
  const item = { id: args.itemId, label: args.label, done: args.done, ...(args.done ? { doneBy: actor, doneAt: now } : {}) };
  const next = old ? items.map((i) => (i.id === args.itemId ? item : i)) : [...items, item];
  if (next.length > MAX_CHECKLIST_ITEMS) return 'full';
  return { recordKey: args.recordKey, from: args.from, to: args.to, items: next };
}

function tieKey(flag: Flag): string {
  return JSON.stringify([flag.setBy, flag.reason ?? '', [...flag.channels].sort()]);
}

export function isoDay(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : 'no end date';
}
