import type { Checklist, Flag, HistoryEntry, Owner, Ownership } from '../model/ownership';
import { CHANNELS } from '../model/ownership';
import type { ChecklistView, PanelChange, PanelProblem, PanelView, PanelWarning, ReachStatus, SlaStatus, SyncStatus, TransferView } from '../model/panel-view';
import { mayApply } from '../model/permissions';
import type { Insights } from './rule-insights';
import type { UserRole } from '../model/sync';
import type { PageFacts, RecordRef } from '../crm/types';
import type { OwnershipPolicy } from './policy';
import { ownershipWarnings, sortWarnings } from './warnings';

export interface RecordBundle {
  record: Ownership | undefined;
  owners: ReadonlyMap<string, Owner>;
  flags: Flag[];
  checklist: Checklist | undefined;
  history: HistoryEntry[];
}

export interface ViewInput extends RecordBundle {
  ref: RecordRef;
  facts: PageFacts;
  /** The viewer's email or owner id, to say "You". */
  viewer: string | undefined;
  sync: SyncStatus;
  now: number;
  policy: OwnershipPolicy;
  viewerRole?: UserRole;
  /** This browser's changes not yet confirmed, and those the service turned down (already laid over / not). */
  pending?: PanelChange[];
  problems?: PanelProblem[];
  /** What the active rule pack decides (policy, why this owner, checklist, SLA); absent without a pack. */
  insights?: Insights;
  /** Warnings that needed other records (the same company elsewhere, account/contact owners). */
  related?: PanelWarning[];
  /** Owners the record can be transferred to. */
  transferTargets?: TransferView['targets'];
}

function isViewer(owner: Owner, viewer: string | undefined): boolean {
  if (!viewer) return false;
  const v = viewer.trim().toLowerCase();
  return owner.id.toLowerCase() === v || owner.email?.toLowerCase() === v;
}

function inForce(flag: Flag, now: number): boolean {
  return flag.since <= now && (flag.until === undefined || flag.until > now);
}

function slaOf(record: Ownership | undefined, policy: OwnershipPolicy, now: number, rule: string | null): SlaStatus | null {
  if (!record?.assignedAt || record.ownerId === null) return null;
  const dueAt = record.assignedAt + policy.firstTouchSlaMs;
  const touchedAt = record.firstTouchAt;
  return {
    label: 'First touch',
    ...(rule ? { rule } : {}),
    dueAt,
    ...(touchedAt !== undefined ? { touchedAt } : {}),
    breached: touchedAt !== undefined ? touchedAt > dueAt : now > dueAt,
  };
}

/** A checklist stored without a rule pack behind it: every item is one a person ticks. */
function storedChecklist(checklist: Checklist | undefined): ChecklistView | null {
  if (!checklist) return null;
  const open = checklist.items.filter((item) => !item.done);
  return {
    from: checklist.from,
    to: checklist.to,
    done: checklist.items.length - open.length,
    total: checklist.items.length,
    openItems: open.map((item) => item.label),
    items: checklist.items.map((item) => ({ id: item.id, label: item.label, done: item.done, why: item.done ? 'ticked' : 'not ticked yet', tickable: true })),
  };
}

function transferOf(input: ViewInput, owner: PanelView['owner'], checklist: ChecklistView | null): TransferView | null {
  if (!input.transferTargets) return null;
  const role = input.viewerRole;
  const permission = !input.sync.connected || !role
    ? { allowed: false as const, reason: 'Connect to your team service to transfer ownership.' }
    : mayApply('owner.set', { role, ownsRecord: !!owner?.isViewer });
  const targets = input.transferTargets.filter((t) => t.id !== owner?.id);
  const expected = input.insights?.why;
  const suggested = expected && !expected.agrees ? targets.find((t) => t.id === expected.expectedId || t.id === `${expected.expectedKind}:${expected.expectedId}` || t.name === expected.expected) : undefined;
  return {
    targets,
    ...(suggested ? { suggestedId: suggested.id } : {}),
    notAllowed: permission.allowed ? null : permission.reason,
    blockedBy: checklist?.items.filter((item) => !item.done).map((item) => item.label) ?? [],
    canOverride: role === 'admin',
  };
}

/** Everything the panel shows for one record, decided here so the panel only renders. Pure. */
export function buildPanelView(input: ViewInput): PanelView {
  const { ref, facts, record, owners, flags, checklist, history, viewer, sync, now, viewerRole, pending = [], problems = [], insights } = input;
  const policy = insights?.policy ?? input.policy;
  // The service names people by their email; show the name of the owner with that email where we know one.
  const names = new Map([...owners.values()].flatMap((o) => (o.email ? [[o.email.toLowerCase(), o.name] as const] : [])));
  const displayName = (who: string) => names.get(who.toLowerCase()) ?? who;
  const owner = record?.ownerId ? owners.get(record.ownerId) : undefined;
  const live = flags.filter((flag) => inForce(flag, now));
  const outreach = live
    .filter((flag) => flag.type === 'outreach')
    .sort((a, b) => a.since - b.since)
    .map((flag) => ({
      by: displayName(flag.setBy),
      mine: viewer !== undefined && flag.setBy.toLowerCase() === viewer.toLowerCase(),
      since: flag.since,
      ...(flag.until !== undefined ? { until: flag.until } : {}),
    }));
  // Of several "do not market" flags the one that ends last is the one in force.
  const dnm = live
    .filter((flag) => flag.type === 'do-not-market')
    .sort((a, b) => (b.until ?? Infinity) - (a.until ?? Infinity))[0];
  const consent = CHANNELS.filter((channel) => record?.consent[channel] !== undefined).map((channel) => ({
    channel,
    status: record!.consent[channel]!,
  }));
  const withdrawn = consent.some((c) => c.status === 'withdrawn');
  const othersOutreach = outreach.some((claim) => !claim.mine);
  const reach: ReachStatus = dnm || withdrawn ? 'stop' : othersOutreach ? 'caution' : 'clear';
  const sla = slaOf(record, policy, now, insights?.slaRule ?? null);
  const checklistView = insights?.checklist ?? storedChecklist(checklist);
  const ownerView = owner ? { ...owner, isViewer: isViewer(owner, viewer) } : null;
  const warnings = [...ownershipWarnings({ record, owner, crmOwner: facts.owner, sla, now, policy }), ...(insights?.warnings ?? []), ...(input.related ?? [])];
  // The next moment the view changes without any write: a flag starts or ends, or the SLA runs out.
  const moments = [
    ...flags.flatMap((flag) => [flag.since, flag.until ?? Infinity]),
    sla && sla.touchedAt === undefined ? sla.dueAt : Infinity,
  ].filter((at) => at > now);
  const refreshAt = moments.length ? Math.min(...moments) : Infinity;
  return {
    ref,
    known: record !== undefined,
    ...(record?.name ?? facts.name ? { name: record?.name ?? facts.name } : {}),
    ...(record?.lifecycleStage ?? facts.lifecycleStage ? { lifecycleStage: record?.lifecycleStage ?? facts.lifecycleStage } : {}),
    owner: ownerView,
    ...(facts.owner ? { crmOwner: facts.owner } : {}),
    supporting: (record?.supportingOwnerIds ?? []).flatMap((id) => owners.get(id) ?? []),
    reach,
    outreach,
    doNotMarket: dnm
      ? {
          setBy: displayName(dnm.setBy),
          since: dnm.since,
          ...(dnm.until !== undefined ? { until: dnm.until } : {}),
          ...(dnm.reason !== undefined ? { reason: dnm.reason } : {}),
          channels: dnm.channels,
        }
      : null,
    consent,
    warnings: sortWarnings(warnings),
    checklist: checklistView,
    sla,
    ...(insights?.why ? { why: insights.why } : {}),
    transfer: transferOf(input, ownerView, checklistView),
    ...(insights?.fieldLabels.length ? { fieldLabels: insights.fieldLabels } : {}),
    ...(insights?.flagPolicy ? { flagPolicy: insights.flagPolicy } : {}),
    history: [...history]
      .sort((a, b) => b.at - a.at)
      .slice(0, policy.historyLimit)
      .map((entry) => ({ ...entry, actor: displayName(entry.actor) })),
    sync,
    ownerVersion: record?.version ?? 0,
    ...(viewerRole ? { viewerRole } : {}),
    pending,
    problems,
    now,
    ...(Number.isFinite(refreshAt) ? { refreshAt } : {}),
  };
}
