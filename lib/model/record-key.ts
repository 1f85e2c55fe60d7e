import type { CrmId, RecordKind } from './crm-ids';

/** `<crm>:<kind>:<recordId>`: the panel host's data attribute and the records table's key. Zod-free for the content script. */
export function recordKey(ref: { crm: CrmId; kind: RecordKind; recordId: string }): string {
  return `${ref.crm}:${ref.kind}:${ref.recordId}`;
}
