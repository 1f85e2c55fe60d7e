import type { RecordKind } from '../model/crm-ids';

/** What an owners import reads from a row; each value is a column name as the file's header spells it. */
export interface ColumnMapping {
  recordId: string;
  /** Full name (contacts) or account / company / organisation name. */
  name?: string;
  firstName?: string;
  lastName?: string;
  /** Contacts: the person's email. */
  email?: string;
  /** Accounts: website URL or bare domain, read down to its host. */
  website?: string;
  /** The owner as the CRM displays it: a name, an email, or `Name <email>`. */
  owner?: string;
  ownerEmail?: string;
  /** The CRM's own id of the owner (Salesforce `OwnerId`, HubSpot `hubspot_owner_id`). */
  ownerCrmId?: string;
  /** Says whether the owner is a user or a queue (Salesforce `Owner.Type`: `User` / `Queue`). */
  ownerType?: string;
  lifecycleStage?: string;
}
export type MappingField = keyof ColumnMapping;

export const MAPPING_FIELDS = [
  'recordId',
  'name',
  'firstName',
  'lastName',
  'email',
  'website',
  'owner',
  'ownerEmail',
  'ownerCrmId',
  'ownerType',
  'lifecycleStage',
] as const satisfies readonly MappingField[];

/** At least one of these must be mapped: an owners import without an owner column would mark every record unowned. */
export const OWNER_FIELDS = ['owner', 'ownerEmail', 'ownerCrmId'] as const satisfies readonly MappingField[];

export const PROFILED_CRMS = { salesforce: 'Salesforce', hubspot: 'HubSpot', pipedrive: 'Pipedrive' } as const;

/** One export layout: the header names (as the CRM writes them) that feed each field of the mapping. */
export interface ExportProfile {
  crm: keyof typeof PROFILED_CRMS;
  kind: RecordKind;
  /** The object's name when the file does not say (Salesforce contacts and leads are told apart per row by id). */
  objectType: string;
  label: string;
  columns: { recordId: readonly string[] } & { [F in MappingField]?: readonly string[] };
  /** Columns typical of this export that are not read: they only tip a close call between two profiles. */
  signature?: readonly string[];
}

/**
 * Every layout detectCsvFormat knows. The one whose columns match best wins, ties going to the earlier
 * one; a file holding both a contact id and an account id column is read as contacts (detect-format.ts).
 *
 * Sources of the header names (public repositories, found with the code search; exports are localised,
 * these are the English labels):
 * - Salesforce report exports ("Export → Details Only"): column labels, e.g. `"Account Owner","Account
 *   Name",…,"Account ID",…,"Website"` (a test of an accounts-report indexer), `"Lead Owner","Lead Status"`
 *   (a lead-report reader's test). Classic exports end with a footer (`"Grand Totals (5700 records)"`,
 *   `"Confidential Information - Do Not Distribute"`, `"Copyright (c) 2000-2026 salesforce.com, inc. All
 *   rights reserved."`), which the import drops.
 * - Salesforce Data Loader / weekly Data Export: API field names, `"Id","IsDeleted","MasterRecordId",
 *   "Name",…,"OwnerId"` (Account.csv of the weekly export); Data Loader extracts are said to write the header in
 *   capitals (`ID`, `OWNERID`; no public sample found), and the match ignores case anyway. Parent fields are `Relationship.Field`
 *   (`Owner.Name`), as in developer.salesforce.com/docs/platform/api-asynch/guide/relationship-fields-in-a-header-row-2-0.html.
 * - HubSpot ("Export view", knowledge.hubspot.com/import-and-export/export-records): property labels,
 *   contacts `"Record ID","First Name","Last Name","Email","Phone Number","Contact owner","Primary
 *   Associated Company ID","Last Activity Date","Lead Status","Marketing contact status","Create Date"`
 *   (the default contacts view), companies `"Record ID","Company name","Company owner","Create
 *   Date","Phone Number","Last Activity Date","City","Country/Region","Industry"` plus `"Company Domain
 *   Name"`; with "internal names" (developers.hubspot.com/docs/api/crm/exports) `hs_object_id`,
 *   `hubspot_owner_id` (an owner id, not a name), `lifecyclestage`.
 * - Pipedrive (list view → Export): `Entity - Field`, e.g. `"Person - ID","Person - Name","Person -
 *   Email","Person - Phone","Person - Organization","Person - Owner","Person - Label"`, `"Organization -
 *   ID","Organization - Name","Organization - Address","Organization - Owner"`, and `"Person - Email -
 *   Work"` / `"Organization - Website"` where those fields are in the view.
 */
export const EXPORT_PROFILES: readonly ExportProfile[] = [
  {
    crm: 'salesforce',
    kind: 'contact',
    objectType: 'Lead',
    label: 'Salesforce leads report',
    columns: {
      recordId: ['Lead ID'],
      name: ['Full Name', 'Lead Name', 'Name'],
      firstName: ['First Name'],
      lastName: ['Last Name'],
      email: ['Email'],
      owner: ['Lead Owner'],
      lifecycleStage: ['Lead Status'],
    },
    signature: ['Company / Account', 'Lead Source', 'Rating', 'Title'],
  },
  {
    crm: 'salesforce',
    kind: 'contact',
    objectType: 'Contact',
    label: 'Salesforce contacts report',
    columns: {
      recordId: ['Contact ID'],
      name: ['Full Name', 'Contact Name', 'Name'],
      firstName: ['First Name'],
      lastName: ['Last Name'],
      email: ['Email'],
      owner: ['Contact Owner'],
    },
    signature: ['Account Name', 'Title', 'Mailing City', 'Phone'],
  },
  {
    crm: 'salesforce',
    kind: 'account',
    objectType: 'Account',
    label: 'Salesforce accounts report',
    columns: { recordId: ['Account ID'], name: ['Account Name'], website: ['Website'], owner: ['Account Owner'] },
    signature: ['Type', 'Industry', 'Billing State/Province', 'Billing City', 'Phone'],
  },
  {
    crm: 'salesforce',
    kind: 'contact',
    objectType: 'Contact',
    label: 'Salesforce Data Loader export of contacts or leads',
    columns: {
      recordId: ['Id'],
      name: ['Name'],
      firstName: ['FirstName'],
      lastName: ['LastName'],
      email: ['Email'],
      owner: ['Owner.Name'],
      ownerEmail: ['Owner.Email'],
      ownerCrmId: ['OwnerId'],
      ownerType: ['Owner.Type'],
      lifecycleStage: ['Status'],
    },
    signature: ['AccountId', 'Company', 'IsConverted', 'LeadSource', 'Title', 'MailingCity'],
  },
  {
    crm: 'salesforce',
    kind: 'account',
    objectType: 'Account',
    label: 'Salesforce Data Loader export of accounts',
    columns: {
      recordId: ['Id'],
      name: ['Name'],
      website: ['Website'],
      owner: ['Owner.Name'],
      ownerEmail: ['Owner.Email'],
      ownerCrmId: ['OwnerId'],
      ownerType: ['Owner.Type'],
    },
    signature: ['Type', 'Industry', 'BillingCity', 'BillingState', 'ParentId', 'AccountNumber'],
  },
  {
    crm: 'hubspot',
    kind: 'contact',
    objectType: '0-1',
    label: 'HubSpot contacts export',
    columns: {
      recordId: ['Record ID', 'hs_object_id'],
      firstName: ['First Name', 'firstname'],
      lastName: ['Last Name', 'lastname'],
      email: ['Email'],
      owner: ['Contact owner'],
      ownerCrmId: ['hubspot_owner_id'],
      lifecycleStage: ['Lifecycle Stage', 'lifecyclestage'],
    },
    signature: ['Lead Status', 'Marketing contact status', 'Primary Associated Company ID', 'Associated Company', 'Phone Number'],
  },
  {
    crm: 'hubspot',
    kind: 'account',
    objectType: '0-2',
    label: 'HubSpot companies export',
    columns: {
      recordId: ['Record ID', 'hs_object_id'],
      name: ['Company name', 'name'],
      website: ['Company Domain Name', 'Website URL', 'domain', 'website'],
      owner: ['Company owner'],
      ownerCrmId: ['hubspot_owner_id'],
      lifecycleStage: ['Lifecycle Stage', 'lifecyclestage'],
    },
    signature: ['Industry', 'City', 'Country/Region', 'Number of Employees', 'Phone Number'],
  },
  {
    crm: 'pipedrive',
    kind: 'contact',
    objectType: 'person',
    label: 'Pipedrive people export',
    columns: {
      recordId: ['Person - ID'],
      name: ['Person - Name'],
      firstName: ['Person - First name'],
      lastName: ['Person - Last name'],
      email: ['Person - Email', 'Person - Email - Work', 'Person - Email - Home', 'Person - Email - Other'],
      owner: ['Person - Owner'],
    },
    signature: ['Person - Organization', 'Person - Phone', 'Person - Label', 'Person - Labels'],
  },
  {
    crm: 'pipedrive',
    kind: 'account',
    objectType: 'organization',
    label: 'Pipedrive organizations export',
    columns: {
      recordId: ['Organization - ID', 'Organisation - ID'],
      name: ['Organization - Name', 'Organisation - Name'],
      website: ['Organization - Website', 'Organisation - Website'],
      owner: ['Organization - Owner', 'Organisation - Owner'],
    },
    signature: ['Organization - Address', 'Organization - Label', 'Organization - People count'],
  },
];

/**
 * A header name reduced to what identifies it: no BOM or zero-width characters, one space for any run of
 * white space, none around `-`, `.`, `/`, `:`, lower case. `" Account  ID"`, `"ACCOUNT ID"` and
 * `"Account\u00a0ID"` are one column; so are `"Person - ID"` and `"Person-ID"`.
 */
export function normaliseHeader(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\ufeff\u200b-\u200d\u2060]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([-./:]) ?/g, '$1')
    .trim()
    .toLowerCase();
}
