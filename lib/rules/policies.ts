import { CRM_IDS, type CrmId } from '../model/crm-ids';
import { CHANNELS, type Channel } from '../model/ownership';
import { USER_ROLES, type UserRole } from '../model/sync';
import { DEFAULT_POLICY } from '../ownership/policy';
import type { RulePack } from './schema';

// A pack's policies with every gap filled, so callers never fall back on their own constants. Without a
// section the defaults are today's behaviour: lib/ownership/policy for warnings, and no limit on flags.

const DAY_MS = 24 * 60 * 60 * 1000;

export interface FlagPolicy {
  outreach: { defaultExpiryDays: number; maxDays: number | null; setBy: UserRole[] };
  doNotMarket: { maxDays: number; setBy: UserRole[]; channels: Channel[] };
}

export const DEFAULT_FLAG_POLICY: FlagPolicy = {
  outreach: { defaultExpiryDays: 14, maxDays: null, setBy: [...USER_ROLES] },
  doNotMarket: { maxDays: 3650, setBy: [...USER_ROLES], channels: [...CHANNELS] },
};

export function flagPolicy(pack: RulePack): FlagPolicy {
  const { outreach, doNotMarket } = pack.flags ?? {};
  return {
    outreach: outreach
      ? { defaultExpiryDays: outreach.defaultExpiryDays, maxDays: outreach.maxDays ?? null, setBy: [...outreach.setBy] }
      : { ...DEFAULT_FLAG_POLICY.outreach, setBy: [...DEFAULT_FLAG_POLICY.outreach.setBy] },
    doNotMarket: doNotMarket
      ? { maxDays: doNotMarket.maxDays, setBy: [...doNotMarket.setBy], channels: [...doNotMarket.channels] }
      : { ...DEFAULT_FLAG_POLICY.doNotMarket, setBy: [...DEFAULT_FLAG_POLICY.doNotMarket.setBy], channels: [...DEFAULT_FLAG_POLICY.doNotMarket.channels] },
  };
}

export interface WarningsPolicy {
  staleAfterDays: number;
  ownerInactiveAfterDays: number;
  /** In the units lib/ownership/warnings takes. */
  staleAfterMs: number;
  ownerInactiveAfterMs: number;
  /** Per CRM: must an account's owner equal its contacts' owner? */
  ownersMustMatch: Record<CrmId, boolean>;
}

export function warningsPolicy(pack: RulePack): WarningsPolicy {
  const warnings = pack.warnings ?? {};
  const staleAfterDays = warnings.staleAfterDays ?? Math.round(DEFAULT_POLICY.staleAfterMs / DAY_MS);
  const ownerInactiveAfterDays = warnings.ownerInactiveAfterDays ?? Math.round(DEFAULT_POLICY.ownerInactiveAfterMs / DAY_MS);
  const match = warnings.ownersMustMatch ?? false;
  const ownersMustMatch = Object.fromEntries(CRM_IDS.map((crm) => [crm, typeof match === 'boolean' ? match : (match[crm] ?? false)])) as Record<CrmId, boolean>;
  return { staleAfterDays, ownerInactiveAfterDays, staleAfterMs: staleAfterDays * DAY_MS, ownerInactiveAfterMs: ownerInactiveAfterDays * DAY_MS, ownersMustMatch };
}
