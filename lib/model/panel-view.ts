import type { Channel, HistoryEntry, Owner } from './ownership';
import type { RecordRef } from './record';
import type { UserRole } from './sync';

// What the background sends the panel: everything already decided, so the panel only renders.
// Type-only (no Zod at run time): it travels background → content script, the trusted direction.

export type ReachStatus = 'clear' | 'caution' | 'stop';

export interface OutreachClaim {
  by: string;
  /** True when the claim is the viewer's own. */
  mine: boolean;
  since: number;
  until?: number;
}

export interface DoNotMarket {
  setBy: string;
  since: number;
  until?: number;
  reason?: string;
  channels: Channel[];
}

export type WarningSeverity = 'high' | 'medium' | 'low';

export interface PanelWarning {
  code: 'unowned' | 'owner-inactive' | 'stale' | 'crm-owner-differs' | 'sla-breached' | 'owner-mismatch' | 'rules-mismatch' | 'owned-elsewhere';
  severity: WarningSeverity;
  message: string;
  /** What to do about it, in a few words. */
  action?: string;
}

export interface ChecklistProgress {
  from: string;
  to: string;
  done: number;
  total: number;
  openItems: string[];
}

/** The handoff checklist with each item: done or open, why, and whether a person ticks it in the panel. */
export interface ChecklistView extends ChecklistProgress {
  items: { id: string; label: string; done: boolean; why: string; tickable: boolean }[];
}

/** "Why this owner": the owner the assignment rules expect, the rule and the conditions that matched. */
export interface WhyOwner {
  expected: string;
  expectedKind: 'person' | 'team' | 'queue';
  expectedId?: string;
  rule: string | null;
  matched: string[];
  reason: string;
  /** The owner of record is the one the rules expect. */
  agrees: boolean;
}

export interface PanelFlagPolicy {
  outreach: { defaultExpiryDays: number; setBy: UserRole[] };
  doNotMarket: { maxDays: number; setBy: UserRole[]; channels: Channel[] };
}

/** Handing the record to a new owner: who it can go to, and why it cannot yet. */
export interface TransferView {
  targets: { id: string; name: string; kind: 'person' | 'team' | 'queue' }[];
  /** The rules' expected owner, when it is among the targets. */
  suggestedId?: string;
  /** Null when the viewer may transfer; otherwise why not. */
  notAllowed: string | null;
  /** Open checklist items that block the transfer (empty when none). */
  blockedBy: string[];
  /** Admins may transfer past an incomplete checklist with a written reason. */
  canOverride: boolean;
}

export interface SlaStatus {
  label: string;
  /** The rule pack's SLA in words ("First touch within 24 hours of assignment."), shown on hover. */
  rule?: string;
  dueAt: number;
  /** Set once the record was touched; the SLA is then met (or was breached) and stops counting. */
  touchedAt?: number;
  breached: boolean;
}

export interface SyncStatus {
  /** Signed in to a team service. */
  connected: boolean;
  online: boolean;
  lastSyncedAt?: number;
  pending: number;
  error?: string;
}

/** A change this browser made that the service has not confirmed, or has turned down. */
export interface PanelChange {
  mutationId: number;
  label: string;
}

export interface PanelProblem extends PanelChange {
  status: 'conflict' | 'rejected';
  message: string;
  /** Owner conflicts: the user's value and the one the service holds, by name. */
  mine?: string;
  theirs?: string;
  /** An owner change overtaken by someone else can be sent again over theirs. */
  canKeepMine: boolean;
}

export interface PanelView {
  ref: RecordRef;
  /** False when nothing is stored for the record yet (shown as the "unowned" warning, not an empty box). */
  known: boolean;
  name?: string;
  lifecycleStage?: string;
  owner: (Owner & { isViewer: boolean }) | null;
  /** The owner the CRM's own page shows, when it differs from ours it is a warning. */
  crmOwner?: string;
  supporting: Owner[];
  reach: ReachStatus;
  outreach: OutreachClaim[];
  doNotMarket: DoNotMarket | null;
  consent: { channel: Channel; status: 'granted' | 'withdrawn' | 'unknown' }[];
  warnings: PanelWarning[];
  checklist: ChecklistView | null;
  sla: SlaStatus | null;
  why?: WhyOwner;
  transfer: TransferView | null;
  /** Page labels the content script reads for the rule pack's field mappings. */
  fieldLabels?: string[];
  /** The rule pack's flag policy: who may set each flag, for how long, on which channels. */
  flagPolicy?: PanelFlagPolicy;
  history: HistoryEntry[];
  sync: SyncStatus;
  /** Compare-and-set version of the owner of record: an owner change states which one it replaces. */
  ownerVersion: number;
  /** The signed-in user of the team service, when connected. */
  viewerRole?: UserRole;
  pending: PanelChange[];
  problems: PanelProblem[];
  /** Background's clock when the view was built; relative times are measured from it. */
  now: number;
  /** When the view changes by itself (a flag or the SLA runs out): the panel asks again then. */
  refreshAt?: number;
}

/** What the panel shows: the view, or a deliberate state while there is none. */
export type PanelState =
  | { status: 'loading'; ref: RecordRef }
  | { status: 'ready'; view: PanelView }
  | { status: 'error'; ref: RecordRef; message: string; retryable: boolean };
