import { compileConditions, matchedSentences, matches, viewRecord, type CompiledConditions, type RecordView } from './conditions';
import { kindOf, normalText, type RecordFacts } from './record-facts';
import type { AssignmentRule, HandoffChecklist, OwnerRef, Pool, Requirement, RulePack, Sla } from './schema';

// What a pack says about one record: the owner it expects (and why), the open handoff checklist and the
// SLA in force. Pure and deterministic: the same pack, record and pool load give the same answer on
// every install, so the panel's "why this owner" line is the same for the whole team.

export interface PoolState {
  /** Open records each pool member holds now, by member id. A missing member holds none. */
  poolLoad: Readonly<Record<string, number>>;
}

export interface PoolPick {
  id: string;
  name?: string;
  memberId: string;
  load: number;
  capacity?: number;
}

export interface MatchedRule {
  id: string;
  priority: number;
  name?: string;
  /** The conditions that held, as clauses for the panel: "country is DE", "segment is Enterprise". */
  matched: string[];
  pool?: PoolPick;
}

export type ExpectedOwner =
  | { owner: OwnerRef; rule: MatchedRule; reason: string }
  | {
      owner: OwnerRef;
      rule: null;
      reason: string;
      /** Set when a rule matched but every member of its pool was at capacity. */
      poolFull?: { ruleId: string; poolId: string };
    };

interface CompiledRule {
  rule: AssignmentRule;
  when: CompiledConditions;
}

interface CompiledPack {
  /** Lowest priority number first: the order rules are tried in. */
  rules: CompiledRule[];
  pools: Map<string, Pool>;
  checklists: { list: HandoffChecklist; from: string; when: CompiledConditions | null }[];
  slas: { sla: Sla; stage: string | null; when: CompiledConditions | null }[];
}

// Packs are immutable once parsed; compile each once, and let it go with the pack.
const compiled = new WeakMap<RulePack, CompiledPack>();

function compile(pack: RulePack): CompiledPack {
  const cached = compiled.get(pack);
  if (cached) return cached;
  const result: CompiledPack = {
    rules: [...pack.rules].sort((a, b) => a.priority - b.priority).map((rule) => ({ rule, when: compileConditions(rule.when) })),
    pools: new Map((pack.pools ?? []).map((pool) => [pool.id, pool])),
    checklists: (pack.checklists ?? []).map((list) => ({ list, from: normalText(list.from), when: list.when ? compileConditions(list.when) : null })),
    slas: (pack.slas ?? []).map((sla) => ({
      sla,
      stage: sla.trigger.type === 'stage-entered' ? normalText(sla.trigger.stage) : null,
      when: sla.when ? compileConditions(sla.when) : null,
    })),
  };
  compiled.set(pack, result);
  return result;
}

function view(pack: RulePack, record: RecordFacts): RecordView {
  const { kind, customObject } = kindOf(pack, record);
  return viewRecord(record, kind, customObject);
}

const ownerName = (owner: { id: string; name?: string }) => owner.name ?? owner.id;
const ruleName = (rule: AssignmentRule) => (rule.name ? `"${rule.name}"` : `"${rule.id}"`);

/**
 * The member who takes the next record: the lowest load among members under their capacity; on equal
 * loads, the one listed first in the pool. Giving each assignment back as load makes this a round robin.
 */
export function pickPoolMember(pool: Pool, poolLoad: Readonly<Record<string, number>>): PoolPick | null {
  let best: PoolPick | null = null;
  for (const member of pool.members) {
    const load = poolLoad[member.id] ?? 0;
    if (member.capacity !== undefined && load >= member.capacity) continue;
    if (best === null || load < best.load) {
      best = { id: pool.id, memberId: member.id, load, ...(member.name ? { name: member.name } : {}), ...(member.capacity !== undefined ? { capacity: member.capacity } : {}) };
    }
  }
  return best;
}

/** The owner the pack expects for a record: the first rule by priority whose conditions all hold, else the fallback. */
export function expectedOwner(pack: RulePack, record: RecordFacts, state: PoolState): ExpectedOwner {
  const { rules, pools } = compile(pack);
  const facts = view(pack, record);
  for (const { rule, when } of rules) {
    if (!matches(when, facts)) continue;
    const matched = matchedSentences(when, facts);
    const because = matched.length > 0 ? `${matched.join(', ')}` : 'it has no conditions, so it applies to every record';
    const head = `Rule ${ruleName(rule)} (priority ${rule.priority}) applies: ${because}.`;
    const base = { id: rule.id, priority: rule.priority, ...(rule.name ? { name: rule.name } : {}), matched };
    if ('owner' in rule.assign) return { owner: rule.assign.owner, rule: base, reason: head };

    // The schema guarantees the pool exists.
    const pool = pools.get(rule.assign.pool)!;
    const pick = pickPoolMember(pool, state.poolLoad);
    const poolName = pool.name ? `"${pool.name}"` : `"${pool.id}"`;
    if (!pick) {
      return {
        owner: pack.fallback,
        rule: null,
        reason: `${head} Every member of pool ${poolName} is at capacity, so the record goes to the fallback owner, ${ownerName(pack.fallback)}.`,
        poolFull: { ruleId: rule.id, poolId: pool.id },
      };
    }
    const member = pick.name ? `${pick.name}` : pick.memberId;
    const load = pick.capacity === undefined ? `${pick.load} open` : `${pick.load} of ${pick.capacity}`;
    return {
      owner: { kind: 'person', id: pick.memberId, ...(pick.name ? { name: pick.name } : {}) },
      rule: { ...base, pool: pick },
      reason: `${head} Pool ${poolName}: ${member} has the lowest load (${load}).`,
    };
  }
  return { owner: pack.fallback, rule: null, reason: `No rule applies to this record, so it goes to the fallback owner, ${ownerName(pack.fallback)}.` };
}

export interface ChecklistItemStatus {
  id: string;
  label: string;
  done: boolean;
  /** Why it is done or open: "email is filled in", "no meeting held yet". */
  why: string;
}

export interface ChecklistStatus {
  from: string;
  to: string;
  items: ChecklistItemStatus[];
  open: number;
}

const FIELD_WORDS: Record<string, string> = { lifecycleStage: 'lifecycle stage', employeeCount: 'employee count' };

function requirementStatus(requirement: Requirement, itemId: string, record: RecordFacts): { done: boolean; why: string } {
  switch (requirement.type) {
    case 'field': {
      const value = record[requirement.field];
      const present = typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && value.trim() !== '';
      const name = FIELD_WORDS[requirement.field] ?? requirement.field;
      return present ? { done: true, why: `${name} is filled in` } : { done: false, why: `${name} is empty` };
    }
    case 'consent': {
      const status = record.consent?.[requirement.channel] ?? 'unknown';
      if (status === 'granted') return { done: true, why: `consent for ${requirement.channel} is granted` };
      return { done: false, why: status === 'withdrawn' ? `consent for ${requirement.channel} was withdrawn` : `consent for ${requirement.channel} is not captured yet` };
    }
    case 'primary-contact':
      return record.hasPrimaryContact ? { done: true, why: 'a primary contact is set' } : { done: false, why: 'no primary contact yet' };
    case 'meeting-held':
      return record.meetingHeld ? { done: true, why: 'a meeting was held' } : { done: false, why: 'no meeting held yet' };
    case 'manual':
      return record.manualTicks?.[itemId] ? { done: true, why: 'ticked' } : { done: false, why: 'not ticked yet' };
  }
}

/**
 * The handoff checklist out of the record's lifecycle stage: the first checklist listed whose `from` is
 * that stage (case-insensitive) and whose conditions hold. Null when none applies.
 */
export function checklistFor(pack: RulePack, record: RecordFacts): ChecklistStatus | null {
  if (record.lifecycleStage === undefined) return null;
  const stage = normalText(record.lifecycleStage);
  const { checklists } = compile(pack);
  const facts = view(pack, record);
  const hit = checklists.find((c) => c.from === stage && (c.when === null || matches(c.when, facts)));
  if (!hit) return null;
  const items = hit.list.items.map((item) => ({ id: item.id, label: item.label, ...requirementStatus(item.requirement, item.id, record) }));
  return { from: hit.list.from, to: hit.list.to, items, open: items.filter((i) => !i.done).length };
}

export interface SlaStatusRule {
  id: string;
  /** What starts the clock: the owner's assignment, or entering `stage`. */
  trigger: 'assignment' | 'stage-entered';
  stage?: string;
  firstTouchWithinHours: number;
  firstTouchWithinMs: number;
  /** "First touch within 24 hours of assignment." */
  summary: string;
}

const HOUR = 60 * 60 * 1000;

/** The first SLA listed that applies to the record (its stage for stage SLAs, its conditions), or null. */
export function slaFor(pack: RulePack, record: RecordFacts): SlaStatusRule | null {
  const { slas } = compile(pack);
  const facts = view(pack, record);
  const stage = record.lifecycleStage === undefined ? null : normalText(record.lifecycleStage);
  const hit = slas.find((s) => (s.stage === null || s.stage === stage) && (s.when === null || matches(s.when, facts)));
  if (!hit) return null;
  const { sla } = hit;
  const hours = sla.firstTouchWithinHours;
  const start = sla.trigger.type === 'assignment' ? 'assignment' : `entering ${sla.trigger.stage}`;
  return {
    id: sla.id,
    trigger: sla.trigger.type,
    ...(sla.trigger.type === 'stage-entered' ? { stage: sla.trigger.stage } : {}),
    firstTouchWithinHours: hours,
    firstTouchWithinMs: hours * HOUR,
    summary: `First touch within ${hours} hour${hours === 1 ? '' : 's'} of ${start}.`,
  };
}
