// Plain constants, no Zod: the content script imports these, and Zod stays out of its bundle.
export const CRM_IDS = [
  'salesforce',
  'hubspot',
  'pipedrive',
  'zoho',
  'dynamics',
  'attio',
  'close',
  'freshsales',
  'copper',
  'twenty',
  'odoo',
  'espocrm',
  'suitecrm',
  'insightly',
  'nutshell',
  'capsule',
] as const;
export type CrmId = (typeof CRM_IDS)[number];

export const RECORD_KINDS = ['account', 'contact'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
