import type { CrmId, RecordKind } from '../model/crm-ids';
import { PROFILED_CRMS } from './export-formats';
import { SALESFORCE_KEY_PREFIXES, salesforceId18 } from '../model/salesforce-id';
import { clip } from './values';

/** A record id as the extension stores it, with the CRM's object name; or why the cell is not one. */
export type RecordIdCheck = { recordId: string; objectType: string | undefined } | { problem: string };

const SALESFORCE_OBJECT_BY_PREFIX = new Map<string, string>(Object.entries(SALESFORCE_KEY_PREFIXES).map(([name, prefix]) => [prefix, name]));

/**
 * Reads one id cell for `crm` and `kind`. The object names are the ones the adapters read from record
 * URLs (lib/crm/types.ts `DetectedRecord.objectType`): Salesforce `Account`/`Contact`/`Lead`, HubSpot
 * object type ids `0-1` (contacts) and `0-2` (companies), Pipedrive `person`/`organization`.
 */
export function checkRecordId(crm: CrmId, kind: RecordKind, raw: string): RecordIdCheck {
  const id = raw.trim();
  switch (crm) {
    case 'salesforce': {
      const id18 = salesforceId18(id);
      if (!id18) return { problem: `"${clip(id)}" is not a Salesforce record id (15 or 18 letters and digits)` };
      const objectType = SALESFORCE_OBJECT_BY_PREFIX.get(id18.slice(0, 3));
      const fits = kind === 'account' ? objectType === 'Account' : objectType === 'Contact' || objectType === 'Lead';
      if (!objectType || !fits) {
        const what = objectType ? `a ${objectType} id` : `not an Account, Contact or Lead id (prefix ${id18.slice(0, 3)})`;
        return { problem: `"${id}" is ${what}; this file is read as ${kind === 'account' ? 'accounts' : 'contacts and leads'}` };
      }
      return { recordId: id18, objectType };
    }
    case 'hubspot':
    case 'pipedrive': {
      if (!/^\d{1,20}$/.test(id)) return { problem: `"${clip(id)}" is not a ${PROFILED_CRMS[crm]} record id (a number)` };
      const objectType = crm === 'hubspot' ? (kind === 'account' ? '0-2' : '0-1') : kind === 'account' ? 'organization' : 'person';
      return { recordId: id, objectType };
    }
    default:
      // CRMs read only through an explicit mapping: the id is whatever the export says.
      return { recordId: id, objectType: undefined };
  }
}
