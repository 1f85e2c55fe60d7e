import { activeContainer, cleanText, emailIn, shownText, visibleFirst, websiteDomain } from './dom';
import { pathSegments } from './host';
import type { RecordKind } from '../model/crm-ids';
import type { CrmAdapter, DetectedRecord, PageFacts, RecordRef } from './types';

/**
 * Zoho CRM's web hosts, one per data centre. US, EU, IN, AU, JP, CN and CA (`zohocloud.ca`, not `zoho.ca`) are
 * in Zoho CRM's own multi-DC page (zoho.com/crm/developer/docs/api/v8/multi-dc.html); SA (`zoho.sa`) and UK
 * (`zoho.uk`) are Zoho data centres listed for other Zoho products (Lens, Meeting, Assist) and seen serving
 * CRM in public code. Bigin (`bigin.zoho.*`) is a separate product with its own URLs: not covered.
 */
const HOSTS = [
  'crm.zoho.com',
  'crm.zoho.eu',
  'crm.zoho.in',
  'crm.zoho.com.au',
  'crm.zoho.jp',
  'crm.zoho.com.cn',
  'crm.zohocloud.ca',
  'crm.zoho.sa',
  'crm.zoho.uk',
] as const;
const HOST_SET: ReadonlySet<string> = new Set(HOSTS);

/** URL module name → what it is to us. A lead (a person not yet converted) is a contact. */
const MODULES: Readonly<Record<string, { objectType: string; kind: RecordKind }>> = {
  accounts: { objectType: 'Accounts', kind: 'account' },
  contacts: { objectType: 'Contacts', kind: 'contact' },
  leads: { objectType: 'Leads', kind: 'contact' },
};

// Gotcha: `/tab/Contacts/create`, `/tab/Accounts/<id>/edit`, `/clone` and a lead's `/convert` are forms,
// not the record's page.
const FORM_ACTIONS = new Set(['create', 'edit', 'clone', 'convert']);
const RECORD_ID = /^\d{6,25}$/;

function isHost(hostname: string): boolean {
  return HOST_SET.has(hostname.toLowerCase().replace(/\.$/, ''));
}

function record(module: string | null | undefined, id: string | null | undefined): DetectedRecord | null {
  const known = module ? MODULES[module.toLowerCase()] : undefined;
  if (!known || !id || !RECORD_ID.test(id)) return null;
  return { kind: known.kind, recordId: id, objectType: known.objectType };
}

function detect(url: URL): DetectedRecord | null {
  // Cloud-only: a `/crm/…` path on another host (Freshsales has `/crm/sales/…`) is never Zoho's.
  if (!isHost(url.hostname)) return null;
  const segments = pathSegments(url);
  if (segments[0] !== 'crm') return null;
  // Legacy pages: `/crm/EntityInfo.do?module=Accounts&id=…`, `/crm/ShowEntityInfo.do?module=…&id=…&isload=true`.
  const last = segments[segments.length - 1]?.toLowerCase();
  if ((last === 'entityinfo.do' || last === 'showentityinfo.do') && segments.length <= 3) {
    return record(url.searchParams.get('module'), url.searchParams.get('id'));
  }
  // `/crm/<org>/tab/<Module>/<id>[/…]`, and the older `/crm/tab/<Module>/<id>` without the org.
  const tab = segments.indexOf('tab');
  if (tab !== 1 && tab !== 2) return null;
  const [module, id, action] = segments.slice(tab + 1);
  // Gotcha: `/tab/Accounts/custom-view/<cvid>/list` is a list view; `/tab/Deals/<id>` (API name `Potentials`)
  // is a deal; `/tab/Home/begin` is the home page. None of them has a known module and a numeric id.
  if (action && FORM_ACTIONS.has(action.toLowerCase())) return null;
  return record(module, id);
}

// DOM markers (S): Zoho's Lyte "crux" detail page components, public source of `crm-detailview`,
// `crux-detailpage-header` and `crux-detailpage-sections`: the header name is `#recHeader1` (email under it in
// `.cxDvRecordEmail`); each field's label carries `data-zcqa="dtVw_lbl_<COLUMN>"` and `id="field_label_<fieldId>"`,
// and its value sits in `#field_<fieldId>` (business card: `bc_dtVw_lbl_<COLUMN>` / `#bc_field_<fieldId>`).
// Column names are Zoho's own, stable across renamed and translated labels. Old UI (S): `#entityNameInBCView`,
// values in `#subvalue_<COLUMN>` (tmetric-plugins `zohoCRM.ts`; `SMOWNERID` there is I).
const CONTAINERS = 'crm-detailview, crux-detailpage-wrapper, #kventitydetailspage';
const OWNER_COLUMN = 'SMOWNERID';

/** The value element of a field, found by its column name. */
function field(root: ParentNode, column: string): Element | null {
  for (const prefix of ['', 'bc_']) {
    const label = visibleFirst(root, `[data-zcqa="${prefix}dtVw_lbl_${column}"]`);
    const fieldId = label?.id.replace(/^(?:bc_)?field_label_/, '');
    if (label && fieldId && fieldId !== label.id) {
      const value = visibleFirst(root, `[id="${prefix}field_${cssString(fieldId)}"]`);
      if (value) return value;
    }
  }
  return visibleFirst(root, `[id="subvalue_${column}"]`);
}

function cssString(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

function read(doc: Document, ref: RecordRef): PageFacts {
  const root = activeContainer(doc, CONTAINERS) ?? doc;
  const facts: PageFacts = {};
  const name = shownText(visibleFirst(root, ['#recHeader1', '#entityNameInBCView']));
  if (name) facts.name = name;
  const owner = shownText(field(root, OWNER_COLUMN));
  if (owner) facts.owner = owner;
  if (ref.kind === 'contact') {
    const email = emailIn(field(root, 'EMAIL')?.textContent) ?? emailIn(visibleFirst(root, '.cxDvRecordEmail')?.textContent);
    if (email) facts.email = email;
  } else {
    const website = field(root, 'WEBSITE');
    const domain = websiteDomain(website?.querySelector('a[href]')?.getAttribute('href')) ?? websiteDomain(website?.textContent);
    if (domain) facts.domain = domain;
  }
  // Leads: Lead Status; Accounts: Account Type. Contacts have no standard stage field.
  const stageColumn = ref.objectType === 'Leads' ? 'LEADSTATUS' : ref.kind === 'account' ? 'ACCOUNTTYPE' : undefined;
  const stage = stageColumn ? cleanText(field(root, stageColumn)?.textContent) : undefined;
  if (stage) facts.lifecycleStage = stage;
  return facts;
}

export const zoho = {
  id: 'zoho',
  label: 'Zoho CRM',
  matches: HOSTS.map((host) => `https://${host}/*`),
  isHost,
  detect,
  read,
} satisfies CrmAdapter;
