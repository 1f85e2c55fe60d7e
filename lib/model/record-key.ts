import type { CrmId, RecordKind } from './crm-ids';
import { salesforceId18 } from './salesforce-id';

type KeyParts = { crm: CrmId; kind: RecordKind; recordId: string };

/** `<crm>:<kind>:<recordId>` with the id as the URL carries it: the panel host's data attribute. Zod-free for the content script. */
export function recordKey(ref: KeyParts): string {
  return `${ref.crm}:${ref.kind}:${ref.recordId}`;
}

/**
 * The records table's key: one record, one key, whichever spelling of its id the page used. Salesforce
 * Classic URLs and report exports carry 15-character ids, Lightning and the API 18; both are stored as 18.
 */
export function storedRecordKey(ref: KeyParts): string {
  const recordId = ref.crm === 'salesforce' ? (salesforceId18(ref.recordId) ?? ref.recordId) : ref.recordId;
  return recordKey({ ...ref, recordId });
}
