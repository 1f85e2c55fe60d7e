import type { Owner, Ownership } from '../model/ownership';
import type { PanelWarning } from '../model/panel-view';
import { adapterFor } from '../crm/index';

export interface RelatedInput {
  record: Ownership | undefined;
  owners: ReadonlyMap<string, Owner>;
  /** Other records of the same person (email) or company (web domain), in this or another CRM. */
  sameIdentity: readonly Ownership[];
  /** For a contact: the accounts whose web domain is the contact's email domain. */
  accounts: readonly Ownership[];
  /** The rule pack says an account's owner must also own its contacts (in this CRM). */
  ownersMustMatch: boolean;
}

const nameOf = (owners: ReadonlyMap<string, Owner>, id: string) => owners.get(id)?.name ?? id;

/** Warnings that need other records: the same company or person owned by someone else, and account/contact mismatches. */
export function relatedWarnings({ record, owners, sameIdentity, accounts, ownersMustMatch }: RelatedInput): PanelWarning[] {
  const warnings: PanelWarning[] = [];
  const mine = record?.ownerId ?? null;
  const elsewhere = sameIdentity.find((other) => other.key !== record?.key && other.ownerId && other.ownerId !== mine);
  if (elsewhere?.ownerId) {
    const where = elsewhere.crm === record?.crm ? `another ${adapterFor(elsewhere.crm).label} record` : adapterFor(elsewhere.crm).label;
    const what = record?.kind === 'contact' ? 'This person' : 'This company';
    warnings.push({
      code: 'owned-elsewhere',
      severity: 'medium',
      message: `${what} is owned by ${nameOf(owners, elsewhere.ownerId)} in ${where}${elsewhere.name ? ` ("${elsewhere.name}")` : ''}.`,
      action: 'Agree on one owner before reaching out.',
    });
  }
  if (ownersMustMatch && record?.kind === 'contact' && mine) {
    const account = accounts.find((a) => a.crm === record.crm && a.ownerId && a.ownerId !== mine);
    if (account?.ownerId) {
      warnings.push({
        code: 'owner-mismatch',
        severity: 'medium',
        message: `The account${account.name ? ` ${account.name}` : ''} is owned by ${nameOf(owners, account.ownerId)}; the rules say its contacts share its owner.`,
        action: 'Transfer the contact to the account owner.',
      });
    }
  }
  return warnings;
}
