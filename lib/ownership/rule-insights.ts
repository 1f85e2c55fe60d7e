import type { PageFacts, RecordRef } from '../crm/types';
import type { Checklist, Owner, Ownership } from '../model/ownership';
import type { ChecklistView, PanelFlagPolicy, PanelWarning, WhyOwner } from '../model/panel-view';
import { checklistFor, expectedOwner, slaFor } from '../rules/evaluate';
import { flagPolicy, warningsPolicy } from '../rules/policies';
import type { RecordFacts } from '../rules/record-facts';
import type { OwnerRef, RulePack } from '../rules/schema';
import { DEFAULT_POLICY, type OwnershipPolicy } from './policy';
import { comparableName } from './warnings';

// What the active rule pack says about the record the panel shows: the facts it is judged on, the owner
// the rules expect and why, the handoff checklist, the SLA and the warning thresholds. Pure.

export interface InsightInput {
  pack: RulePack | null;
  ref: RecordRef;
  facts: PageFacts;
  record: Ownership | undefined;
  owners: ReadonlyMap<string, Owner>;
  /** The team's stored checklist state for the record (ticks of manual items). */
  checklist: Checklist | undefined;
  /** Open records per pool member, for round-robin pools. */
  poolLoad: Readonly<Record<string, number>>;
  /** Contacts of the account (same web domain) are known: a primary contact exists. */
  hasContacts: boolean;
}

export interface Insights {
  policy: OwnershipPolicy;
  ownersMustMatch: boolean;
  why: WhyOwner | null;
  checklist: ChecklistView | null;
  /** The SLA that applies, in words; null without a pack or when none applies (the default one is used). */
  slaRule: string | null;
  warnings: PanelWarning[];
  /** Page labels the content script should read for the pack's field mappings. */
  fieldLabels: string[];
  flagPolicy: PanelFlagPolicy | null;
}

const HUMAN_ITEMS = new Set(['manual', 'meeting-held']);

/** A number from a field as CRMs show it: "1,200", "51-200" (the lower bound), "5k". */
export function employeeCountOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const match = /(\d[\d,.\s]*)(k)?/i.exec(text);
  if (!match) return undefined;
  const n = Number(match[1]!.replace(/[,\s]/g, '').replace(/\.(?=\d{3}\b)/g, ''));
  if (!Number.isFinite(n)) return undefined;
  return Math.round(match[2] ? n * 1000 : n);
}

/** Does the pack's owner reference name this owner? By id (with or without `<kind>:`), email, or name. */
export function sameOwner(ref: OwnerRef, owner: Owner | undefined): boolean {
  if (!owner) return false;
  const id = ref.id.toLowerCase();
  return (
    owner.id.toLowerCase() === id ||
    owner.id.toLowerCase() === `${ref.kind}:${id}` ||
    owner.email?.toLowerCase() === id ||
    (ref.name !== undefined && comparableName(ref.name) === comparableName(owner.name))
  );
}

export function ownerRefName(ref: OwnerRef): string {
  return ref.name ?? ref.id;
}

/** The facts the rules are evaluated on: the page's mapped fields, then what the team stores. */
export function recordFactsFor(input: InsightInput): RecordFacts {
  const { pack, ref, facts, record, checklist } = input;
  const mapping = pack?.fieldMappings?.[ref.crm] ?? {};
  const field = (key: keyof typeof mapping) => {
    const label = mapping[key];
    return label ? facts.fields?.[label] : undefined;
  };
  const ticks = Object.fromEntries((checklist?.items ?? []).map((item) => [item.id, item.done]));
  const meetingItems = (pack?.checklists ?? []).flatMap((c) => c.items.filter((i) => i.requirement.type === 'meeting-held').map((i) => i.id));
  const out: RecordFacts = { crm: ref.crm, kind: ref.kind, objectType: ref.objectType, manualTicks: ticks };
  const set = <K extends keyof RecordFacts>(key: K, value: RecordFacts[K] | undefined) => {
    if (value !== undefined && value !== '') out[key] = value;
  };
  set('name', record?.name ?? facts.name);
  set('email', record?.email ?? facts.email);
  set('domain', record?.domain ?? facts.domain);
  set('lifecycleStage', record?.lifecycleStage ?? facts.lifecycleStage ?? field('lifecycleStage'));
  set('segment', field('segment'));
  set('region', field('region'));
  set('country', field('country'));
  set('industry', field('industry'));
  set('employeeCount', employeeCountOf(field('employeeCount')));
  set('consent', record?.consent);
  set('hasPrimaryContact', !!field('primaryContact') || input.hasContacts);
  set('meetingHeld', meetingItems.some((id) => ticks[id]));
  return out;
}

/** Everything the active pack decides for the panel; without a pack, today's defaults and no rule lines. */
export function ruleInsights(input: InsightInput): Insights {
  const { pack, record, owners } = input;
  if (!pack) {
    return { policy: DEFAULT_POLICY, ownersMustMatch: false, why: null, checklist: null, slaRule: null, warnings: [], fieldLabels: [], flagPolicy: null };
  }
  const facts = recordFactsFor(input);
  const limits = warningsPolicy(pack);
  const sla = slaFor(pack, facts);
  const policy: OwnershipPolicy = {
    ...DEFAULT_POLICY,
    staleAfterMs: limits.staleAfterMs,
    ownerInactiveAfterMs: limits.ownerInactiveAfterMs,
    firstTouchSlaMs: sla?.firstTouchWithinMs ?? DEFAULT_POLICY.firstTouchSlaMs,
  };

  const expected = expectedOwner(pack, facts, { poolLoad: input.poolLoad });
  const current = record?.ownerId ? owners.get(record.ownerId) : undefined;
  const agrees = sameOwner(expected.owner, current);
  const why: WhyOwner = {
    expected: ownerRefName(expected.owner),
    expectedKind: expected.owner.kind,
    ...(expected.owner.id ? { expectedId: expected.owner.id } : {}),
    rule: expected.rule ? (expected.rule.name ?? expected.rule.id) : null,
    matched: expected.rule?.matched ?? [],
    reason: expected.reason,
    agrees,
  };
  const warnings: PanelWarning[] = [];
  if (current && !agrees) {
    warnings.push({
      code: 'rules-mismatch',
      severity: 'medium',
      message: `The assignment rules expect ${why.expected}${why.rule ? ` (rule "${why.rule}")` : ' (fallback owner)'}, not ${current.name}.`,
      action: 'Transfer the record, or ask an admin to change the rules.',
    });
  }

  const status = checklistFor(pack, facts);
  const checklist: ChecklistView | null = status && {
    from: status.from,
    to: status.to,
    done: status.items.length - status.open,
    total: status.items.length,
    openItems: status.items.filter((i) => !i.done).map((i) => i.label),
    items: status.items.map((i) => {
      const requirement = pack.checklists?.find((c) => c.from === status.from && c.to === status.to)?.items.find((x) => x.id === i.id)?.requirement.type;
      return { id: i.id, label: i.label, done: i.done, why: i.why, tickable: requirement !== undefined && HUMAN_ITEMS.has(requirement) };
    }),
  };

  const fieldLabels = Object.values(pack.fieldMappings?.[input.ref.crm] ?? {}).filter((label): label is string => typeof label === 'string');
  return {
    policy,
    ownersMustMatch: limits.ownersMustMatch[input.ref.crm],
    why,
    checklist,
    slaRule: sla ? sla.summary : null,
    warnings,
    fieldLabels: [...new Set(fieldLabels)],
    flagPolicy: panelFlagPolicy(pack),
  };
}

export function panelFlagPolicy(pack: RulePack): PanelFlagPolicy {
  const { outreach, doNotMarket } = flagPolicy(pack);
  return { outreach: { defaultExpiryDays: outreach.defaultExpiryDays, setBy: outreach.setBy }, doNotMarket };
}
