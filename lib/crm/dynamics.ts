import { activeContainer, cleanText, emailIn, shownText, visibleFirst, websiteDomain } from './dom';
import type { RecordKind } from '../model/crm-ids';
import type { CrmAdapter, DetectedRecord, PageFacts, RecordRef } from './types';

/**
 * Dataverse environments in Microsoft's clouds: `<org>.crm.dynamics.com` (NAM) and `<org>.crmN.dynamics.com`
 * for the other regions (crm2 SAM, crm3 CAN, crm4 EUR, crm5 APJ, crm6 OCE, crm7 JPN, crm8 IND, crm9 GCC,
 * crm11 GBR, crm12 FRA, crm14 ZAF, crm15 UAE, crm16 GER, crm17 CHE, crm19 NOR, crm20 SGP, crm21 KOR, crm22 SWE),
 * and the sovereign clouds: `crm.microsoftdynamics.us` (GCC High), `crm.appsplatform.us` (DoD),
 * `crm.dynamics.cn` (China) and the retired `crm.microsoftdynamics.de`. Source: Power Platform admin
 * "Datacenter regions" (learn.microsoft.com/power-platform/admin/new-datacenter-regions), as snapshotted in
 * public code, and the Global Discovery endpoints in the Power Apps samples. The org is one DNS label:
 * `<org>.api.crm.dynamics.com` (Web API) and `admin.services.crm.dynamics.com` are not app pages.
 */
const CLOUD_HOST =
  /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.(?:crm\d{0,2}\.dynamics\.com|crm\.microsoftdynamics\.us|crm\.appsplatform\.us|crm\.dynamics\.cn|crm\.microsoftdynamics\.de)$/;
const SERVICE_LABELS = new Set(['globaldisco', 'disco']);

function isHost(hostname: string): boolean {
  const match = CLOUD_HOST.exec(hostname.toLowerCase().replace(/\.$/, ''));
  return !!match && !SERVICE_LABELS.has(match[1] ?? '');
}

/** Logical names and their classic object type codes (`etc`): 1 account, 2 contact, 4 lead. */
const ENTITIES: Readonly<Record<string, RecordKind>> = { account: 'account', contact: 'contact', lead: 'contact' };
const TYPE_CODES: Readonly<Record<string, string>> = { '1': 'account', '2': 'contact', '4': 'lead' };
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Query parameters by lower-case name (Dynamics links vary the case: `pageType`, `ID`), first value wins. */
function params(query: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(query)) {
    const name = key.toLowerCase();
    if (!map.has(name)) map.set(name, value);
  }
  return map;
}

/** `{91330924-802A-…}`, `%7B…%7D`, `%257b…%257d` (inside `extraqs`) → `91330924-802a-…`. */
function normaliseGuid(raw: string | undefined): string | undefined {
  let value = raw?.trim();
  for (let i = 0; value && i < 2 && /%[0-9a-f]{2}/i.test(value); i++) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  const guid = value?.replace(/^\{(.*)\}$/, '$1').toLowerCase();
  return guid && GUID.test(guid) ? guid : undefined;
}

/**
 * Model-driven apps (`/main.aspx?appid=…&pagetype=entityrecord&etn=account&id=<guid>`) and the classic web
 * client (`/main.aspx?etc=1&id=%7b<guid>%7d&pagetype=entityrecord`, the id sometimes only inside `extraqs`).
 * Works on any host it is given: on-premises servers (`/<Org>/main.aspx`) are added by the user at run time.
 */
function detect(url: URL): DetectedRecord | null {
  if (!/\/main\.aspx$/i.test(url.pathname)) return null;
  const query = params(url.search);
  // Gotcha: `pagetype=entitylist` (views), `dashboard`, `search`, `webresource`, `custom` are not records.
  if (query.get('pagetype')?.toLowerCase() !== 'entityrecord') return null;
  const extra = params((query.get('extraqs') ?? '').replace(/^\?/, ''));
  const etn = (query.get('etn') ?? extra.get('etn'))?.toLowerCase();
  const etc = query.get('etc') ?? extra.get('etc');
  // Gotcha: `etn=opportunity`, `etn=incident`, `etc=3`… are other tables; a named `etn` wins over a code.
  const objectType = etn ?? (etc ? TYPE_CODES[etc.trim()] : undefined);
  const kind = objectType ? ENTITIES[objectType] : undefined;
  // Gotcha: `pagetype=entityrecord&etn=account` without an id is the new-record form.
  const recordId = normaliseGuid(query.get('id') ?? extra.get('id'));
  if (!objectType || !kind || !recordId) return null;
  return { kind, recordId, objectType };
}

// DOM markers (Unified Interface). E: the title `h1[data-id="header_title"]` (Playwright/Selenium tests);
// EasyRepro: the form root `[data-id="editFormRoot"]`; S: the header owner
// `header_ownerid.fieldControl-LookupResultsDropdown_ownerid_selected_tag_text`. Field controls follow
// `<logicalname>.fieldControl-<control>` (E: `…fieldControl-text-box-text`); the email, URL and option-set
// control suffixes below are I. Exact `data-id`s keep quick-view forms (their ids carry a prefix) out.
const FORM_ROOT = '[data-id="editFormRoot"]';
const TITLE = ['h1[data-id="header_title"]', '[data-id="header_title"] h1', '#headerContainer h1'];
const OWNER = [
  '[data-id="header_ownerid.fieldControl-LookupResultsDropdown_ownerid_selected_tag_text"]',
  '[data-id="ownerid.fieldControl-LookupResultsDropdown_ownerid_selected_tag_text"]',
];

function control(root: ParentNode, logicalName: string, kinds: readonly string[]): Element | null {
  return visibleFirst(
    root,
    kinds.flatMap((kind) => [`[data-id="header_${logicalName}.fieldControl-${kind}"]`, `[data-id="${logicalName}.fieldControl-${kind}"]`]),
  );
}

/** The record's name: the `title` attribute when present, else the text without a "- Saved" suffix. */
function title(root: ParentNode): string | undefined {
  const heading = visibleFirst(root, TITLE);
  const text = cleanText(heading?.getAttribute('title')) ?? cleanText(heading?.textContent);
  return cleanText(text?.replace(/(?:^|\s)-\s*(?:Saved|Unsaved)$/i, ''));
}

function read(doc: Document, ref: RecordRef): PageFacts {
  const form = activeContainer(doc, FORM_ROOT);
  const root: ParentNode = form ?? doc;
  const facts: PageFacts = {};
  // The header may sit outside the form root in some layouts; fall back to the visible one in the page.
  const name = title(root) ?? (form ? title(doc) : undefined);
  if (name) facts.name = name;
  const owner = shownText(visibleFirst(root, OWNER));
  if (owner) facts.owner = owner;
  if (ref.kind === 'contact') {
    const email = control(root, 'emailaddress1', ['mail-text-input', 'text-box-text']);
    const address = emailIn(shownText(email)) ?? emailIn(email?.getAttribute('href'));
    if (address) facts.email = address;
  } else {
    const website = control(root, 'websiteurl', ['url-text-input', 'text-box-text']);
    const domain = websiteDomain(shownText(website));
    if (domain) facts.domain = domain;
  }
  // Leads: Status Reason (New, Contacted, Qualified…); accounts and contacts: Relationship Type.
  const stageField = ref.objectType === 'lead' ? 'statuscode' : 'customertypecode';
  const stage = shownText(control(root, stageField, ['option-set-select']));
  if (stage) facts.lifecycleStage = stage;
  return facts;
}

export const dynamics = {
  id: 'dynamics',
  label: 'Microsoft Dynamics 365',
  matches: [
    'https://*.dynamics.com/*',
    'https://*.crm.microsoftdynamics.us/*',
    'https://*.crm.appsplatform.us/*',
    'https://*.crm.dynamics.cn/*',
    'https://*.crm.microsoftdynamics.de/*',
  ],
  isHost,
  detect,
  read,
} satisfies CrmAdapter;
