import { identityDomain } from '../../lib/model/identity';
import { DEFAULT_SLA_HOURS, type HealthFilters } from '../../lib/model/health';
import { expectedOwner, slaFor } from '../../lib/rules/evaluate';
import type { RecordFacts } from '../../lib/rules/record-facts';
import type { RulePack } from '../../lib/rules/schema';
import type { HealthData, HealthOwnerRow, HealthRecordRow } from './health-data';

// Per-record judgements the numbers and the offender lists share, so a count and its list never disagree.

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export function inFilters(record: HealthRecordRow, filters: HealthFilters): boolean {
  return (!filters.crm || record.crm === filters.crm) && (!filters.kind || record.kind === filters.kind) && (!filters.owner || record.ownerId === filters.owner);
}

/**
 * The last time anything happened to a record that the service knows of: activity, first touch, or an
 * owner assignment (every owner change stamps assignedAt). A record with none of these counts from when
 * the service last wrote it.
 */
export function lastTouch(record: HealthRecordRow): number {
  const known = [record.lastActivityAt, record.firstTouchAt, record.assignedAt].filter((t): t is number => t !== null);
  return known.length ? Math.max(...known) : record.updatedAt;
}

export function isStale(record: HealthRecordRow, now: number, days: number): boolean {
  return now - lastTouch(record) > days * DAY_MS;
}

/** The facts the rules can see: the service stores no segment, region, country, industry or size. */
export function factsOf(record: HealthRecordRow): RecordFacts {
  return {
    crm: record.crm,
    kind: record.kind,
    ...(record.objectType ? { objectType: record.objectType } : {}),
    ...(record.name ? { name: record.name } : {}),
    ...(record.email ? { email: record.email } : {}),
    ...(record.domain ? { domain: record.domain } : {}),
    ...(record.lifecycleStage ? { lifecycleStage: record.lifecycleStage } : {}),
  };
}

export interface Expectation {
  /** The rule that decides ("fallback" when no rule applies). */
  ruleId: string;
  /** Owners the rule accepts: its owner, every member of its pool, or the fallback. */
  accepted: ReadonlySet<string>;
  /** The single owner it names, when it names one (not for pools). */
  ownerId?: string;
  describe: string;
}

/**
 * What the pack expects, judged for a record that already has an owner: a pool rule accepts any member of
 * its pool (which member got it depended on the loads of the day). Memoised by the facts conditions can
 * read, so 100,000 records cost as many evaluations as they have distinct shapes.
 */
export function expectationsOf(pack: RulePack): (record: HealthRecordRow) => Expectation {
  const memo = new Map<string, Expectation>();
  const byDomain = pack.rules.some((r) => r.when.emailDomain);
  const pools = new Map((pack.pools ?? []).map((p) => [p.id, p]));
  return (record) => {
    const memoKey = factKey(record, byDomain);
    const hit = memo.get(memoKey);
    if (hit) return hit;
    const found = expectedOwner(pack, factsOf(record), { poolLoad: {} });
    const ruleId = found.rule?.id ?? (found.rule === null && found.poolFull ? found.poolFull.ruleId : null);
    const rule = ruleId ? pack.rules.find((r) => r.id === ruleId) : undefined;
    let expectation: Expectation;
    if (rule && 'pool' in rule.assign) {
      const pool = pools.get(rule.assign.pool)!;
      expectation = {
        ruleId: rule.id,
        accepted: new Set(pool.members.map((m) => m.id)),
        describe: `rule ${rule.id} assigns pool ${pool.id} (${pool.members.map((m) => m.id).join(', ')})`,
      };
    } else if (rule && 'owner' in rule.assign) {
      expectation = { ruleId: rule.id, accepted: new Set([rule.assign.owner.id]), ownerId: rule.assign.owner.id, describe: `rule ${rule.id} expects ${rule.assign.owner.id}` };
    } else {
      expectation = { ruleId: 'fallback', accepted: new Set([pack.fallback.id]), ownerId: pack.fallback.id, describe: `no rule applies; the fallback owner is ${pack.fallback.id}` };
    }
    memo.set(memoKey, expectation);
    return expectation;
  };
}

/**
 * What rule conditions can tell records apart by. The service stores no segment, region, country, industry
 * or size, so those are always missing; domains count only when the pack has emailDomain conditions.
 */
function factKey(record: HealthRecordRow, byDomain: boolean): string {
  const emailDomain = byDomain && record.email?.includes('@') ? record.email.slice(record.email.lastIndexOf('@') + 1) : '';
  return [record.crm, record.kind, record.objectType ?? '', record.lifecycleStage ?? '', emailDomain, byDomain ? (record.domain ?? '') : ''].join('\u0000').toLowerCase();
}

/** The SLA for first touch after assignment, in ms: the pack's first applying assignment SLA, else the default. */
export function slaLimitsOf(pack: RulePack | null): (record: HealthRecordRow) => number {
  const fallback = DEFAULT_SLA_HOURS * HOUR_MS;
  if (!pack?.slas?.length) return () => fallback;
  const memo = new Map<string, number>();
  const byDomain = pack.slas.some((s) => s.when?.emailDomain);
  return (record) => {
    const memoKey = factKey(record, byDomain);
    let limit = memo.get(memoKey);
    if (limit === undefined) {
      const sla = slaFor(pack, factsOf(record));
      limit = sla && sla.trigger === 'assignment' ? sla.firstTouchWithinMs : fallback;
      memo.set(memoKey, limit);
    }
    return limit;
  };
}

/** The hours shown as "the SLA": the pack's first assignment SLA without conditions, else its first assignment SLA, else the default. */
export function headlineSlaHours(pack: RulePack | null): number {
  const slas = (pack?.slas ?? []).filter((s) => s.trigger.type === 'assignment');
  return (slas.find((s) => !s.when) ?? slas[0])?.firstTouchWithinHours ?? DEFAULT_SLA_HOURS;
}

/** The account of a contact: an account of the same CRM whose web domain is the contact's email domain. */
export function accountIndex(records: readonly HealthRecordRow[]): (contact: HealthRecordRow) => HealthRecordRow[] {
  const byDomain = new Map<string, HealthRecordRow[]>();
  for (const r of records) {
    if (r.kind !== 'account' || !r.domain) continue;
    const key = `${r.crm}\u0000${identityDomain(r.domain)}`;
    const list = byDomain.get(key);
    if (list) list.push(r);
    else byDomain.set(key, [r]);
  }
  return (contact) => {
    if (contact.kind !== 'contact' || !contact.email?.includes('@')) return [];
    return byDomain.get(`${contact.crm}\u0000${identityDomain(contact.email.slice(contact.email.lastIndexOf('@') + 1))}`) ?? [];
  };
}


/**
 * A contact whose linked accounts are owned, none of them by the contact's owner. Unowned contacts and
 * contacts of unowned accounts are the unowned list's business, not a mismatch.
 */
export function mismatchOf(contact: HealthRecordRow, accounts: readonly HealthRecordRow[]): HealthRecordRow | null {
  if (!contact.ownerId) return null;
  const owned = accounts.filter((a) => a.ownerId !== null);
  if (owned.length === 0 || owned.some((a) => a.ownerId === contact.ownerId)) return null;
  return owned[0]!;
}

export interface OwnerDirectory {
  get(id: string): HealthOwnerRow | undefined;
  isActive(id: string | null): boolean;
  name(id: string): string;
}

export function ownerDirectory(owners: readonly HealthOwnerRow[]): OwnerDirectory {
  const byId = new Map(owners.map((o) => [o.id, o]));
  return {
    get: (id) => byId.get(id),
    isActive: (id) => id !== null && byId.get(id)?.active === true,
    name: (id) => byId.get(id)?.name ?? id,
  };
}

/** Capacity per pool member over every pool of the pack; null (uncapped) if any of their pools has no cap. */
export function capacities(pack: RulePack | null): Map<string, number | null> {
  const result = new Map<string, number | null>();
  for (const pool of pack?.pools ?? []) {
    for (const member of pool.members) {
      const had = result.get(member.id);
      if (had === null || member.capacity === undefined) result.set(member.id, null);
      else result.set(member.id, (had ?? 0) + member.capacity);
    }
  }
  return result;
}

export type { HealthData };
