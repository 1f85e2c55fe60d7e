import { DEFAULT_STALE_DAYS, SERIES_DAYS, type HealthFilters, type HealthReply, type OwnerLoad } from '../../lib/model/health';
import { CHANNELS, FLAG_TYPES } from '../../lib/model/ownership';
import { windowStart, type HealthData, type HealthRecordRow } from './health-data';
import { nearestRank } from './percentile';
import {
  accountIndex,
  capacities,
  DAY_MS,
  expectationsOf,
  headlineSlaHours,
  inFilters,
  isStale,
  mismatchOf,
  ownerDirectory,
  slaLimitsOf,
} from './record-health';
import { coverageSeries, slaSeries, utcDay } from './series';

// The ownership health numbers of one team (issue 6), pure: the same rows always give the same reply.

export const NOTES = [
  'Coverage: records with an owner of record; "active" when that owner is in the team\'s owner list and not marked inactive.',
  'Load counts every record an owner holds (the service does not know which are open); capacity is the sum of the owner\'s capacities in the rule pack\'s pools.',
  'Stale: no activity, first touch or owner change for the given days (records with none of these count from their last write).',
  'Misowned: the owner differs from the rule pack\'s expected owner; a pool rule accepts any member of its pool. The service stores no segment, region, country, industry or size, so rules on those never match here.',
  'Account/contact mismatch: a contact is linked to the accounts of the same CRM whose web domain is its email domain (www. ignored); a mismatch is a contact owned by someone who owns none of them.',
  'SLA: time to first touch = first touch − assignment, for records touched since their current owner was assigned; median and p90 by nearest rank.',
  'Series are by UTC day, rebuilt from ownership history; coverage counts a record from its first history entry.',
  'Segment filter: not available, the service stores no segment.',
] as const;

export function staleDaysFor(data: Pick<HealthData, 'pack'>, asked: number | undefined): number {
  return asked ?? data.pack?.pack.warnings?.staleAfterDays ?? DEFAULT_STALE_DAYS;
}

/**
 * What a reply is made of, however it was counted: from rows in TypeScript (buildHealthReply, the
 * reference) or by SQL aggregates (./health-summary). One assembly, so the two cannot word or sort a
 * reply differently.
 */
export interface HealthCounts {
  now: number;
  filters: HealthFilters;
  staleDays: number;
  pack: HealthData['pack'];
  packProblem?: string | undefined;
  owners: HealthData['owners'];
  total: number;
  owned: number;
  activeOwned: number;
  /** Records held per owner id. */
  held: ReadonlyMap<string, number>;
  stale: number;
  misowned: number;
  misownedByRule: ReadonlyMap<string, number>;
  mismatched: number;
  contactsLinked: number;
  flagsByType: ReadonlyMap<string, number>;
  flagsByChannel: ReadonlyMap<string, number>;
  sla: { measured: number; medianMs: number | null; p90Ms: number | null; breaches: number; overdue: number };
  /** Reassignments in the series window, by UTC day and by trimmed reason. */
  reassignedPerDay: ReadonlyMap<string, number>;
  reasons: ReadonlyMap<string, number>;
  series: HealthReply['series'];
}

/** The days of the series window, oldest first. */
export function seriesDays(now: number): string[] {
  const since = windowStart(now);
  return Array.from({ length: SERIES_DAYS }, (_, i) => utcDay(since + i * DAY_MS));
}

export const reasonOf = (reason: string | null): string => reason?.trim() || '(no reason given)';

export function assembleReply(n: HealthCounts): HealthReply {
  const { filters } = n;
  const pack = n.pack?.pack ?? null;
  const owners = ownerDirectory(n.owners);
  const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

  // Load: every owner holding a filtered record, and every pool member (an idle member is news too).
  const caps = capacities(pack);
  const loadIds = new Set([...n.held.keys(), ...(filters.owner ? [] : caps.keys())]);
  const load: OwnerLoad[] = [...loadIds]
    .map((id) => {
      const owner = owners.get(id);
      return { ownerId: id, name: owner?.name ?? id, kind: owner?.kind ?? ('unknown' as const), active: owner?.active ?? false, records: n.held.get(id) ?? 0, capacity: caps.get(id) ?? null };
    })
    .sort((a, b) => b.records - a.records || a.ownerId.localeCompare(b.ownerId));
  const reassigned = [...n.reassignedPerDay.values()].reduce((a, b) => a + b, 0);

  return {
    serverNow: n.now,
    filters: { ...(filters.crm ? { crm: filters.crm } : {}), ...(filters.kind ? { kind: filters.kind } : {}), ...(filters.owner ? { owner: filters.owner } : {}) },
    rulePack: n.pack ? { version: n.pack.version, name: n.pack.pack.name } : null,
    notes: [...(n.packProblem ? [n.packProblem] : []), ...(pack ? [] : ['No rule pack is published, so nothing is judged misowned and capacities are unknown.']), ...NOTES],
    coverage: { total: n.total, owned: n.owned, activeOwned: n.activeOwned, ownedShare: ratio(n.owned, n.total), activeShare: ratio(n.activeOwned, n.total) },
    load,
    stale: { days: n.staleDays, count: n.stale, total: n.total },
    misowned: { evaluated: pack !== null, count: n.misowned, byRule: [...n.misownedByRule].map(([ruleId, count]) => ({ ruleId, count })).sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId)) },
    mismatch: { count: n.mismatched, contactsLinked: n.contactsLinked },
    flags: {
      byType: FLAG_TYPES.map((type) => ({ type, count: n.flagsByType.get(type) ?? 0 })),
      byChannel: CHANNELS.map((channel) => ({ channel, count: n.flagsByChannel.get(channel) ?? 0 })),
    },
    sla: { hours: headlineSlaHours(pack), ...n.sla },
    reassignments: {
      total: reassigned,
      perDay: seriesDays(n.now).map((day) => ({ day, count: n.reassignedPerDay.get(day) ?? 0 })),
      reasons: [...n.reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)).slice(0, 10),
    },
    series: n.series,
    owners: n.owners.map((o) => ({ id: o.id, name: o.name, kind: o.kind, active: o.active })),
  };
}

/** The reference count, in TypeScript over every row: what the SQL aggregates must agree with. */
export function buildHealthReply(data: HealthData, filters: HealthFilters): HealthReply {
  const { now } = data;
  const staleDays = staleDaysFor(data, filters.staleDays);
  const pack = data.pack?.pack ?? null;
  const owners = ownerDirectory(data.owners);
  const records = data.records.filter((r) => inFilters(r, filters));
  const keys = new Set(records.map((r) => r.key));

  const owned = records.filter((r) => r.ownerId !== null);
  const activeOwned = owned.filter((r) => owners.isActive(r.ownerId)).length;
  const held = new Map<string, number>();
  for (const r of owned) held.set(r.ownerId!, (held.get(r.ownerId!) ?? 0) + 1);

  const stale = records.filter((r) => isStale(r, now, staleDays)).length;

  const expect = pack ? expectationsOf(pack) : null;
  const byRule = new Map<string, number>();
  let misowned = 0;
  if (expect) {
    for (const r of owned) {
      const e = expect(r);
      if (e.accepted.has(r.ownerId!)) continue;
      misowned++;
      byRule.set(e.ruleId, (byRule.get(e.ruleId) ?? 0) + 1);
    }
  }

  const accountsOf = accountIndex(data.records);
  let linked = 0;
  let mismatched = 0;
  for (const r of records) {
    if (r.kind !== 'contact') continue;
    const accounts = accountsOf(r);
    if (accounts.length) linked++;
    if (mismatchOf(r, accounts)) mismatched++;
  }

  const flags = data.flags.filter((f) => keys.has(f.recordKey));
  const flagsByType = new Map(FLAG_TYPES.map((type) => [type, flags.filter((f) => f.type === type).length]));
  const flagsByChannel = new Map(CHANNELS.map((channel) => [channel, flags.filter((f) => f.type === 'do-not-market' && f.channels.includes(channel)).length]));

  const limitOf = slaLimitsOf(pack);
  const ttfs: number[] = [];
  let breaches = 0;
  let overdue = 0;
  for (const r of owned) {
    if (r.assignedAt === null) continue;
    const limit = limitOf(r);
    if (r.firstTouchAt !== null && r.firstTouchAt >= r.assignedAt) {
      const ttf = r.firstTouchAt - r.assignedAt;
      ttfs.push(ttf);
      if (ttf > limit) breaches++;
    } else if (r.firstTouchAt === null && now - r.assignedAt > limit) {
      overdue++;
    }
  }

  const since = windowStart(now);
  const reassigned = data.ownerChanges.filter((c) => keys.has(c.recordKey) && isReassignment(c) && c.at >= since && c.at <= now);
  const perDay = new Map<string, number>();
  const reasons = new Map<string, number>();
  for (const c of reassigned) {
    perDay.set(utcDay(c.at), (perDay.get(utcDay(c.at)) ?? 0) + 1);
    reasons.set(reasonOf(c.reason), (reasons.get(reasonOf(c.reason)) ?? 0) + 1);
  }
  const days = seriesDays(now);

  return assembleReply({
    now,
    filters,
    staleDays,
    pack: data.pack,
    packProblem: data.packProblem,
    owners: data.owners,
    total: records.length,
    owned: owned.length,
    activeOwned,
    held,
    stale,
    misowned,
    misownedByRule: byRule,
    mismatched,
    contactsLinked: linked,
    flagsByType,
    flagsByChannel,
    sla: { measured: ttfs.length, medianMs: nearestRank(ttfs, 0.5), p90Ms: nearestRank(ttfs, 0.9), breaches, overdue },
    reassignedPerDay: perDay,
    reasons,
    series: {
      coverage: coverageSeries(records, data.ownerChanges, data.firstSeen, days, now),
      sla: slaSeries(owned, limitOf, days),
    },
  });
}

/**
 * A change of hands: any owner change made in Ownersight (`owner` rows, first assignments included), and
 * an export's change of an owner the service already had. An import's first owner is not a reassignment.
 */
export function isReassignment(change: { kind: 'owner' | 'import'; before: string | null }): boolean {
  return change.kind === 'owner' || change.before !== null;
}

export type { HealthRecordRow };
