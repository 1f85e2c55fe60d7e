import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CrmId } from '../lib/model/crm-ids';

// The adapters' own HTML fixtures (test/fixtures/crm/<crm>/*.html), served as they are under a record URL
// of their CRM, so the end-to-end suite runs the DOM readers in a real browser on the very markup their
// unit tests use (hidden cached copies and all). Each entry says what the panel must then show: the
// record's key, and the name the reader takes from the page (the demo imports no owners for these).

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'crm');

export interface FixturePage {
  crm: CrmId;
  /** Under test/fixtures/crm/. */
  file: string;
  host: string;
  /** Path and query, exactly as requested. */
  path: string;
  expectKey: string;
  /** The record name the page shows. */
  expectName: string;
  /** The owner the page shows (the panel shows the CRM's owner beside "unowned"); none for an unowned record. */
  expectOwner?: string;
  /** Names of other records in the page (hidden cached views, related lists, association cards): never read. */
  notRead?: readonly string[];
}

const SF = 'acme.lightning.force.com';
const SF_CLASSIC = 'acme.my.salesforce.com';
const HS = 'app.hubspot.com';
const DX_APP = 'appid=d8f0a1b2-3c4d-4e5f-8a9b-0c1d2e3f4a5b';

export const FIXTURE_PAGES: readonly FixturePage[] = [
  // Salesforce (Lightning with declarative shadow roots, which the browser attaches while parsing).
  { crm: 'salesforce', file: 'salesforce/lightning-account.html', host: SF, path: '/lightning/r/Account/0010c00001vlGl5AAE/view', expectKey: 'salesforce:account:0010c00001vlGl5AAE', expectName: 'Acme Corporation', expectOwner: 'Jane Doe', notRead: ['Hank Scorpio', 'Former Owner', 'Someone Else'] },
  { crm: 'salesforce', file: 'salesforce/lightning-lead.html', host: SF, path: '/lightning/r/Lead/00Q2w00000U1CNTEA3/view', expectKey: 'salesforce:contact:00Q2w00000U1CNTEA3', expectName: 'Priya Natarajan', expectOwner: 'EMEA Inbound Queue' },
  { crm: 'salesforce', file: 'salesforce/lightning-person-account.html', host: SF, path: '/lightning/r/Account/0010c00001LeFi9AAF/view', expectKey: 'salesforce:account:0010c00001LeFi9AAF', expectName: 'Lena Fischer', expectOwner: 'Omar Haddad' },
  {
    crm: 'salesforce',
    file: 'salesforce/lightning-console.html',
    host: SF,
    path: '/lightning/r/Contact/0035i0000KEia8dAQB/view?ws=%2Flightning%2Fr%2FAccount%2F0010c00001vlGl5AAE%2Fview',
    expectKey: 'salesforce:contact:0035i0000KEia8dAQB',
    expectName: 'Maria Garcia',
    expectOwner: 'Kwame Mensah',
  },
  { crm: 'salesforce', file: 'salesforce/classic-account.html', host: SF_CLASSIC, path: '/001D000000IqhSL', expectKey: 'salesforce:account:001D000000IqhSL', expectName: 'Acme Corporation', expectOwner: 'Jane Doe' },
  { crm: 'salesforce', file: 'salesforce/classic-lead.html', host: SF_CLASSIC, path: '/00Q2w00000U1CNT', expectKey: 'salesforce:contact:00Q2w00000U1CNT', expectName: 'Priya Natarajan', expectOwner: 'EMEA Inbound Queue' },
  // HubSpot.
  { crm: 'hubspot', file: 'hubspot/record-contact.html', host: HS, path: '/contacts/242733467/record/0-1/147182272479', expectKey: 'hubspot:contact:147182272479', expectName: 'Maria Johnson', expectOwner: 'Dana Whitfield', notRead: ['Sam Patel'] },
  { crm: 'hubspot', file: 'hubspot/record-company.html', host: HS, path: '/contacts/242733467/record/0-2/9876543210', expectKey: 'hubspot:account:9876543210', expectName: 'Acme Corporation', notRead: ['Dana Whitfield'] },
  { crm: 'hubspot', file: 'hubspot/legacy-contact.html', host: HS, path: '/contacts/242733467/contact/147182272479', expectKey: 'hubspot:contact:147182272479', expectName: 'Maria Johnson', expectOwner: 'Dana Whitfield' },
  // Pipedrive.
  { crm: 'pipedrive', file: 'pipedrive/person.html', host: 'acme.pipedrive.com', path: '/person/123', expectKey: 'pipedrive:contact:123', expectName: 'Ada Lovelace', expectOwner: 'Grace Hopper', notRead: ['Charles Babbage', 'Someone Else'] },
  { crm: 'pipedrive', file: 'pipedrive/organization.html', host: 'acme.pipedrive.com', path: '/organization/45', expectKey: 'pipedrive:account:45', expectName: 'Analytical Engines Ltd', expectOwner: 'Grace Hopper', notRead: ['Difference Engines plc', 'Someone Else'] },
  // Zoho CRM.
  { crm: 'zoho', file: 'zoho/account.html', host: 'crm.zoho.com', path: '/crm/org808232144/tab/Accounts/4150868000000224005', expectKey: 'zoho:account:4150868000000224005', expectName: 'Analytical Engines Ltd', expectOwner: 'Grace Hopper', notRead: ['Difference Engines plc', 'Someone Else'] },
  { crm: 'zoho', file: 'zoho/lead.html', host: 'crm.zoho.com', path: '/crm/org808232144/tab/Leads/98765000000123459', expectKey: 'zoho:contact:98765000000123459', expectName: 'Ada Lovelace', expectOwner: 'Grace Hopper' },
  // Dynamics 365.
  { crm: 'dynamics', file: 'dynamics/account.html', host: 'acme.crm.dynamics.com', path: `/main.aspx?${DX_APP}&pagetype=entityrecord&etn=account&id=91330924-802a-4b0d-a900-34fd9d790829`, expectKey: 'dynamics:account:91330924-802a-4b0d-a900-34fd9d790829', expectName: 'Contoso Ltd', expectOwner: 'Nancy Anderson', notRead: ['Fabrikam Inc', 'Someone Else'] },
  { crm: 'dynamics', file: 'dynamics/lead.html', host: 'acme.crm.dynamics.com', path: `/main.aspx?${DX_APP}&pagetype=entityrecord&etn=lead&id=5b0e6c1a-2f3d-4e8a-9b7c-1d2e3f4a5b6c`, expectKey: 'dynamics:contact:5b0e6c1a-2f3d-4e8a-9b7c-1d2e3f4a5b6c', expectName: 'Yvonne McKay', expectOwner: 'Sales Team (EMEA)' },
];

/** Every host name the demo server answers for: the demo CRMs' and the fixtures'. */
export const FIXTURE_HOSTS: readonly string[] = [...new Set(FIXTURE_PAGES.map((page) => page.host))];

export function fixturePageFor(hostname: string, pathAndQuery: string): FixturePage | undefined {
  return FIXTURE_PAGES.find((page) => page.host === hostname && page.path === pathAndQuery);
}

/** The fixture's HTML, or null when the adapter's author has moved or renamed it. */
export async function readFixturePage(page: FixturePage): Promise<string | null> {
  try {
    return await readFile(join(FIXTURES_DIR, page.file), 'utf8');
  } catch {
    return null;
  }
}
