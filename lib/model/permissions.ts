import type { PanelFlagPolicy } from './panel-view';
import type { MutationName, UserRole } from './sync';

// Who may ask for which change: enforced by the service on every push, never only by the UI. Pure and
// Zod-free so the extension can import it to say why a button is disabled.

export interface Actor {
  role: UserRole;
  /** True when the record's current owner is an owner row whose email is this user's email. */
  ownsRecord: boolean;
}

export type Permission = { allowed: true } | { allowed: false; reason: string };

type Rule = { roles: readonly UserRole[]; orRecordOwner?: boolean; who: string };

export const MUTATION_PERMISSIONS: Record<MutationName, Rule> = {
  'owner.set': { roles: ['admin'], orRecordOwner: true, who: 'an admin or the record’s current owner' },
  'supporting.set': { roles: ['admin'], orRecordOwner: true, who: 'an admin or the record’s current owner' },
  'flag.dnm.set': { roles: ['marketer', 'admin'], who: 'marketers and admins' },
  'flag.dnm.clear': { roles: ['marketer', 'admin'], who: 'marketers and admins' },
  // A user can only release their own claim: the flag id is made from the user's email (flagId.outreach).
  'flag.outreach.claim': { roles: ['rep', 'csm', 'admin'], who: 'reps, CSMs and admins' },
  'flag.outreach.release': { roles: ['rep', 'csm', 'admin'], who: 'reps, CSMs and admins' },
  'checklist.item.set': { roles: ['rep', 'csm', 'admin'], who: 'reps, CSMs and admins' },
  'consent.set': { roles: ['marketer', 'admin'], who: 'marketers and admins' },
};

const ACTION: Record<MutationName, string> = {
  'owner.set': 'change the owner of this record',
  'supporting.set': 'change the supporting owners of this record',
  'flag.dnm.set': 'set "do not market"',
  'flag.dnm.clear': 'clear "do not market"',
  'flag.outreach.claim': 'claim outreach',
  'flag.outreach.release': 'release an outreach claim',
  'checklist.item.set': 'tick handoff checklist items',
  'consent.set': 'change consent',
};

/** May this user make this change? When not, a sentence for the user saying who may. */
export function mayApply(name: MutationName, actor: Actor): Permission {
  const rule = MUTATION_PERMISSIONS[name];
  if (rule.roles.includes(actor.role) || (rule.orRecordOwner && actor.ownsRecord)) return { allowed: true };
  return { allowed: false, reason: `Only ${rule.who} can ${ACTION[name]}; you are signed in as ${article(actor.role)} ${actor.role}.` };
}

function article(role: UserRole): string {
  return role === 'admin' ? 'an' : 'a';
}

/**
 * The team's rule pack may narrow who sets each flag further (never widen it): checked with `mayApply`
 * by the panel to explain a disabled control, and by the background before a change is queued.
 */
export function mayUnderFlagPolicy(name: MutationName, role: UserRole, policy: PanelFlagPolicy | undefined): Permission {
  if (!policy) return { allowed: true };
  const setBy = name === 'flag.outreach.claim' ? policy.outreach.setBy : name === 'flag.dnm.set' || name === 'flag.dnm.clear' ? policy.doNotMarket.setBy : null;
  if (!setBy || setBy.includes(role)) return { allowed: true };
  return { allowed: false, reason: `Your team's rules let only ${setBy.join(', ')} ${ACTION[name]}; you are signed in as ${article(role)} ${role}.` };
}
