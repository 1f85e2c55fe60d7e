import type { Owner, Ownership } from '../model/ownership';
import type { PanelWarning, SlaStatus, WarningSeverity } from '../model/panel-view';
import type { OwnershipPolicy } from './policy';

const SEVERITY_ORDER: Record<WarningSeverity, number> = { high: 0, medium: 1, low: 2 };
const DAY = 24 * 60 * 60 * 1000;

export interface WarningInput {
  record: Ownership | undefined;
  owner: Owner | undefined;
  /** Owner shown by the CRM's own page, if read. */
  crmOwner: string | undefined;
  sla: SlaStatus | null;
  now: number;
  policy: OwnershipPolicy;
}

/** Normalised for comparing a person's name across systems ("Doe, Jane" and "jane doe" agree). */
export function comparableName(name: string): string {
  const trimmed = name.trim().toLowerCase().replace(/\s+/g, ' ');
  const [last, first] = trimmed.split(/\s*,\s*/);
  return first ? `${first} ${last}` : trimmed;
}

/** The warnings for one record, most serious first. */
export function ownershipWarnings({ record, owner, crmOwner, sla, now, policy }: WarningInput): PanelWarning[] {
  const warnings: PanelWarning[] = [];
  if (!record || record.ownerId === null || !owner) {
    warnings.push({
      code: 'unowned',
      severity: 'high',
      message: record?.ownerId && !owner ? `Owner "${record.ownerId}" is not a known person, team or queue.` : 'No owner of record.',
      action: 'Assign an owner, or import owners from your CRM export.',
    });
  } else {
    const inactiveFor = owner.lastActiveAt === undefined ? 0 : now - owner.lastActiveAt;
    if (!owner.active || inactiveFor > policy.ownerInactiveAfterMs) {
      warnings.push({
        code: 'owner-inactive',
        severity: 'high',
        message: owner.active
          ? `${owner.name} has not been active for ${Math.floor(inactiveFor / DAY)} days.`
          : `${owner.name} is deactivated.`,
        action: 'Reassign the record to an active owner.',
      });
    }
    if (crmOwner && owner.kind === 'person' && comparableName(crmOwner) !== comparableName(owner.name)) {
      warnings.push({
        code: 'crm-owner-differs',
        severity: 'medium',
        message: `The CRM shows ${crmOwner} as owner; the team's owner of record is ${owner.name}.`,
        action: 'Update the owner in one place so both agree.',
      });
    }
  }
  if (record) {
    const lastTouch = Math.max(record.lastActivityAt ?? 0, record.assignedAt ?? 0, record.updatedAt);
    if (now - lastTouch > policy.staleAfterMs) {
      warnings.push({
        code: 'stale',
        severity: 'low',
        message: `No activity or ownership change for ${Math.floor((now - lastTouch) / DAY)} days.`,
        action: 'Review whether the owner is still right.',
      });
    }
  }
  if (sla?.breached) {
    warnings.push({
      code: 'sla-breached',
      severity: 'high',
      message: sla.touchedAt ? 'First touch came after the SLA.' : 'First touch is overdue.',
      action: sla.touchedAt ? undefined : 'Reach out now, or hand the record to someone who can.',
    });
  }
  return sortWarnings(warnings);
}

/** Most serious first; equal ones keep their order. */
export function sortWarnings(warnings: PanelWarning[]): PanelWarning[] {
  return warnings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
