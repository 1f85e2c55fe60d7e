import type { CrmId, RecordKind } from '../model/crm-ids';
import type { Channel } from '../model/ownership';
import type { RulePack } from './schema';

/**
 * What is known of one record when the rules are evaluated: the page's facts (read through the pack's
 * field mappings) and the team's data. Every fact but `crm` may be missing; a missing fact never
 * satisfies a condition.
 */
export interface RecordFacts {
  crm: CrmId;
  /** As the adapter detected it; a pack's `customObjects` can say what a custom object counts as. */
  kind?: RecordKind;
  objectType?: string;
  name?: string;
  country?: string;
  region?: string;
  segment?: string;
  industry?: string;
  employeeCount?: number;
  lifecycleStage?: string;
  email?: string;
  /** An account's web domain. */
  domain?: string;
  consent?: Partial<Record<Channel, 'granted' | 'withdrawn' | 'unknown'>>;
  hasPrimaryContact?: boolean;
  meetingHeld?: boolean;
  /** Manual items of the current handoff checklist, by item id: true when a person ticked it. */
  manualTicks?: Readonly<Record<string, boolean>>;
}

/** Trimmed, single-spaced, lower case: how a pack's values and a page's values are compared. */
export const normalText = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** The record's kind, with the pack's `customObjects` taking precedence over the adapter's guess. */
export function kindOf(pack: RulePack, record: RecordFacts): { kind: RecordKind | undefined; customObject: boolean } {
  if (record.objectType !== undefined) {
    const objectType = normalText(record.objectType);
    const custom = pack.customObjects?.find((o) => o.crm === record.crm && normalText(o.objectType) === objectType);
    if (custom) return { kind: custom.kind, customObject: true };
  }
  return { kind: record.kind, customObject: false };
}
