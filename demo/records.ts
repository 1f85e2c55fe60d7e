import type { CrmId, RecordKind } from '../lib/model/crm-ids';
import { recordKey as recordKeyOf } from '../lib/model/record-key';

// The demo CRMs' data: one small, consistent sales team across five CRMs. The demo pages render these
// records and the owners CSVs in demo/owners/ are exports of them, so both stay in step (the e2e suite
// checks it). Ids have each CRM's real shape: Salesforce 18-character ids with a valid case-safe suffix,
// HubSpot numeric ids under object type 0-1/0-2, Zoho 19-digit ids, Dynamics GUIDs.

export interface DemoRecord {
  crm: CrmId;
  kind: RecordKind;
  /** The id as the record's URL carries it. */
  id: string;
  name: string;
  /** The owner the CRM's own page shows. */
  owner: string;
  email?: string;
  phone?: string;
  title?: string;
  /** Contacts: the account or company they work for (its demo record id, same CRM). */
  accountId?: string;
  website?: string;
  industry?: string;
  lifecycleStage?: string;
  city?: string;
}

export const TEAM = {
  grace: { name: 'Grace Hopper', email: 'grace.hopper@acme-demo.example' },
  alan: { name: 'Alan Turing', email: 'alan.turing@acme-demo.example' },
  katherine: { name: 'Katherine Johnson', email: 'katherine.johnson@acme-demo.example' },
  margaret: { name: 'Margaret Hamilton', email: 'margaret.hamilton@acme-demo.example' },
  dorothy: { name: 'Dorothy Vaughan', email: 'dorothy.vaughan@acme-demo.example' },
} as const;

export const SALESFORCE = {
  northwind: { crm: 'salesforce', kind: 'account', id: '001Dn00000NwTr7IAF', name: 'Northwind Traders', owner: TEAM.grace.name, website: 'https://www.northwind.example', industry: 'Wholesale', phone: '(503) 555-0142', city: 'Portland' },
  globex: { crm: 'salesforce', kind: 'account', id: '001Dn00000GlbX2IAJ', name: 'Globex Corporation', owner: TEAM.alan.name, website: 'https://globex.example', industry: 'Manufacturing', phone: '(212) 555-0199', city: 'Cypress Creek' },
  // Unowned on purpose: created in the CRM after the owners export was taken, so it is not in the CSV.
  initech: { crm: 'salesforce', kind: 'account', id: '001Dn00000InTc4IAF', name: 'Initech', owner: TEAM.katherine.name, website: 'https://initech.example', industry: 'Software', phone: '(512) 555-0117', city: 'Austin' },
  maria: { crm: 'salesforce', kind: 'contact', id: '003Dn00000MaAn1IAF', name: 'Maria Anders', owner: TEAM.grace.name, email: 'maria.anders@northwind.example', title: 'Purchasing Manager', accountId: '001Dn00000NwTr7IAF', phone: '(503) 555-0143' },
  thomas: { crm: 'salesforce', kind: 'contact', id: '003Dn00000ThHd5IAF', name: 'Thomas Hardy', owner: TEAM.alan.name, email: 'thomas.hardy@globex.example', title: 'VP Operations', accountId: '001Dn00000GlbX2IAJ', phone: '(212) 555-0188' },
  liu: { crm: 'salesforce', kind: 'contact', id: '003Dn00000LiRm3IAF', name: 'Liu Wong', owner: TEAM.grace.name, email: 'liu.wong@northwind.example', title: 'Logistics Lead', accountId: '001Dn00000NwTr7IAF', phone: '(503) 555-0177' },
} as const satisfies Record<string, DemoRecord>;

export const HUBSPOT_PORTAL = '4815162';

export const HUBSPOT = {
  ada: { crm: 'hubspot', kind: 'contact', id: '1051', name: 'Ada Lovelace', owner: TEAM.margaret.name, email: 'ada@analytical-engines.example', title: 'Head of Engineering', accountId: '8827341502', lifecycleStage: 'Opportunity', phone: '+44 20 7946 0321', city: 'London' },
  charles: { crm: 'hubspot', kind: 'contact', id: '1052', name: 'Charles Babbage', owner: TEAM.dorothy.name, email: 'charles@analytical-engines.example', title: 'Founder', accountId: '8827341502', lifecycleStage: 'Lead', phone: '+44 20 7946 0322', city: 'London' },
  analytical: { crm: 'hubspot', kind: 'account', id: '8827341502', name: 'Analytical Engines Ltd', owner: TEAM.margaret.name, website: 'https://analytical-engines.example', industry: 'Computer Hardware', lifecycleStage: 'Opportunity', city: 'London' },
  difference: { crm: 'hubspot', kind: 'account', id: '8827341577', name: 'Difference Works', owner: TEAM.dorothy.name, website: 'https://difference-works.example', industry: 'Machinery', lifecycleStage: 'Customer', city: 'Manchester' },
} as const satisfies Record<string, DemoRecord>;

/** A HubSpot deal (object 0-3): a record page that is neither an account nor a contact. */
export const HUBSPOT_DEAL = { id: '9183745012', name: 'Analytical Engines - Difference Engine No. 2', amount: '$48,000', stage: 'Contract sent', owner: TEAM.margaret.name, accountId: '8827341502' } as const;

export const PIPEDRIVE = {
  sofia: { crm: 'pipedrive', kind: 'contact', id: '412', name: 'Sofia Ramirez', owner: TEAM.katherine.name, email: 'sofia.ramirez@umbrella.example', phone: '+1 415 555 0160', accountId: '87' },
  umbrella: { crm: 'pipedrive', kind: 'account', id: '87', name: 'Umbrella Corporation', owner: TEAM.katherine.name, website: 'https://umbrella.example', city: 'Raccoon City' },
} as const satisfies Record<string, DemoRecord>;

export const ZOHO_ORG = 'org812345678';

export const ZOHO = {
  kenji: { crm: 'zoho', kind: 'contact', id: '5124739000000412001', name: 'Kenji Watanabe', owner: TEAM.alan.name, email: 'kenji.watanabe@wayne.example', title: 'CTO', accountId: '5124739000000398017', phone: '+81 3 5555 0101' },
  wayne: { crm: 'zoho', kind: 'account', id: '5124739000000398017', name: 'Wayne Enterprises', owner: TEAM.alan.name, website: 'https://wayne.example', industry: 'Conglomerate', phone: '+1 201 555 0100', city: 'Gotham' },
} as const satisfies Record<string, DemoRecord>;

export const DYNAMICS_APP_ID = 'd8f0a1b2-3c4d-4e5f-8a9b-0c1d2e3f4a5b';

export const DYNAMICS = {
  stark: { crm: 'dynamics', kind: 'account', id: '2f4b7a10-5c3e-ef11-8409-000d3a8b1c21', name: 'Stark Industries', owner: TEAM.margaret.name, website: 'https://stark.example', industry: 'Aerospace', phone: '+1 212 555 0170', city: 'New York' },
  pepper: { crm: 'dynamics', kind: 'contact', id: '8a1c9e22-6d4f-ef11-8409-000d3a8b1c21', name: 'Pepper Potts', owner: TEAM.margaret.name, email: 'pepper.potts@stark.example', title: 'CEO', accountId: '2f4b7a10-5c3e-ef11-8409-000d3a8b1c21', phone: '+1 212 555 0171' },
} as const satisfies Record<string, DemoRecord>;

export const ALL_RECORDS: readonly DemoRecord[] = [
  ...Object.values(SALESFORCE),
  ...Object.values(HUBSPOT),
  ...Object.values(PIPEDRIVE),
  ...Object.values(ZOHO),
  ...Object.values(DYNAMICS),
];

/** The one demo record no owners export covers: its panel shows the "unowned" state. */
export const UNOWNED: DemoRecord = SALESFORCE.initech;

export function recordById(crm: CrmId, id: string): DemoRecord | undefined {
  return ALL_RECORDS.find((record) => record.crm === crm && record.id === id);
}

/** `<crm>:<kind>:<recordId>`, as the panel host's data attribute carries it. */
export function recordKey(record: DemoRecord): string {
  return recordKeyOf({ crm: record.crm, kind: record.kind, recordId: record.id });
}
