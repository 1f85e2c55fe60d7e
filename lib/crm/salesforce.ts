import type { RecordKind } from '../model/crm-ids';
import type { CrmAdapter, DetectedRecord, PageFacts } from './types';
import { hashRoute, isDomainOrSubdomain, pathSegments } from './host';
import { activeContainer, cleanText, deepAll, deepFirst, deepText, emailIn, shadowScopes, websiteDomain } from './dom';

// Salesforce: Lightning Experience, Salesforce Classic and the pre-Summer '18 Lightning URLs.
//
// Hosts are the org's My Domain hosts (forcedotcom/sfdx-core test/unit/util/sfdcUrlTest.ts, "official test
// cases from domains team"): `<org>.my.salesforce.com` for Classic and login, `<org>.lightning.force.com`
// for Lightning, with the enhanced-domain partitions in between (`<org>--<sbx>.sandbox.`, `<org>.develop.`,
// `.scratch.`, `.demo.`, `.patch.`, `.trailblaze.`, `.free.`); Government Cloud Plus uses `.my.salesforce.mil`
// and `.lightning.crmforce.mil`, the China edition `.my.sfcrmproducts.cn` and `.lightning.sfcrmapps.cn`.
// Left out on purpose: instanced hosts (`na123.salesforce.com`) redirect to the My Domain since My Domain
// became mandatory, so the record never renders there and `*.salesforce.com` (www, help, trailhead...)
// would be far too broad; Visualforce (`*.vf.force.com`), Experience Cloud sites (`*.my.site.com`) and
// Setup (`*.my.salesforce-setup.com`) never show the record page.
const HOST_SUFFIXES = [
  'lightning.force.com',
  'my.salesforce.com',
  'lightning.crmforce.mil',
  'my.salesforce.mil',
  'lightning.sfcrmapps.cn',
  'my.sfcrmproducts.cn',
] as const;

type ObjectName = 'Account' | 'Contact' | 'Lead';

/** The objects read, with their key prefix (the first three characters of every id of the object). */
const OBJECTS: readonly { objectType: ObjectName; kind: RecordKind; prefix: string }[] = [
  // Person accounts are Accounts too (same 001 prefix, same /lightning/r/Account/ URL).
  { objectType: 'Account', kind: 'account', prefix: '001' },
  { objectType: 'Contact', kind: 'contact', prefix: '003' },
  // A lead is a person not yet converted: a contact for the panel.
  { objectType: 'Lead', kind: 'contact', prefix: '00Q' },
];

/** A 15-character (case-sensitive) or 18-character record id, as the URL carries it. */
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** The record an id names, if it is an account, contact or lead id and agrees with the object named beside it. */
function recordFor(id: string | undefined, objectName?: string): DetectedRecord | null {
  if (!id || !RECORD_ID.test(id)) return null;
  const object = OBJECTS.find((candidate) => id.startsWith(candidate.prefix));
  if (!object) return null;
  // Gotcha: `/lightning/r/Contact/001…/view` is not a contact; the prefix decides.
  if (objectName !== undefined && objectName.toLowerCase() !== object.objectType.toLowerCase()) return null;
  return { kind: object.kind, recordId: id, objectType: object.objectType };
}

/**
 * `/lightning/r/<Object>/<id>/view` and `/lightning/r/<id>/view` (developer.salesforce.com blog, "new URL
 * format for Lightning", 2018), also inside an app (`/lightning/app/<app>/r/…`, LWC pageReference docs).
 * Console subtabs carry their workspace in `?ws=`: the path is the focused tab, so `ws` is ignored.
 */
function lightningRecord(segments: readonly string[]): DetectedRecord | null {
  let rest: string[];
  if (segments[1] === 'r') rest = segments.slice(2);
  else if (segments[1] === 'app' && segments[3] === 'r') rest = segments.slice(4);
  else return null;
  if (rest[rest.length - 1] === 'view') rest = rest.slice(0, -1);
  // Anything else after the id is another page: `/edit`, `/clone`, `/related/Contacts/view`.
  if (rest.length === 1) return recordFor(rest[0]);
  if (rest.length === 2) return recordFor(rest[1], rest[0]);
  return null;
}

/** Before Summer '18: `/one/one.app#/sObject/<id>/view`. */
function oneAppRecord(url: URL): DetectedRecord | null {
  const route = hashRoute(url);
  const [root, id, action, ...more] = route ? pathSegments(route) : [];
  if (root !== 'sObject' || more.length > 0 || (action !== undefined && action !== 'view')) return null;
  return recordFor(id);
}

// ---------------------------------------------------------------------------------------------------------
// Page reading. Lightning keeps hidden cached copies of earlier records: only the active view is read
// (tprouvot/Salesforce-Inspector-reloaded addon/button.js, openPopup), through shadow roots. Fields are
// found by API name (`data-target-selection-name`, same file, "Show API names"), then by their English
// label as a fallback. Classic pages are label/value table cells.

/** The active record view, standard navigation and console apps alike. */
const ACTIVE_VIEW = 'div.windowViewMode-normal.active, div.windowViewMode-maximized.active';
const RECORD_PAGE = 'one-record-home-flexipage2';
/** Never part of a value: buttons (Change Owner), screen-reader text, field labels. */
const NOT_VALUE =
  'button, .slds-assistive-text, .assistiveText, .slds-form-element__label, .test-id__field-label, .slds-text-title';
const VALUE = '[data-output-element-id="output-field"], .slds-form-element__static, .fieldComponent';
/** Where the record's name is shown, in order of trust. */
const NAME = [
  '[slot="primaryField"]',
  '.slds-page-header__title lightning-formatted-name',
  '.slds-page-header__title lightning-formatted-text',
  '.slds-page-header__title .uiOutputText',
  'h1 .uiOutputText',
];

/** English labels: the fallback where the API name is not in the page. Renamed or translated labels miss. */
const LABELS: Record<ObjectName, { owner: string[]; email: string[]; website: string[]; status: string[]; title: string[] }> = {
  Account: { owner: ['Account Owner', 'Owner'], email: ['Email'], website: ['Website'], status: [], title: ['Account', 'Person Account'] },
  Contact: { owner: ['Contact Owner', 'Owner'], email: ['Email'], website: [], status: [], title: ['Contact'] },
  Lead: { owner: ['Lead Owner', 'Owner'], email: ['Email'], website: [], status: ['Lead Status'], title: ['Lead'] },
};
/** API names of the fields read. Person accounts keep the person's email in `PersonEmail`. */
const FIELDS: Record<ObjectName, { email?: string; website?: string; status?: string }> = {
  Account: { email: 'PersonEmail', website: 'Website' },
  Contact: { email: 'Email' },
  Lead: { email: 'Email', status: 'Status' },
};

interface FieldReader {
  text(field: Element): string | undefined;
  link(field: Element, selector: string): Element | null;
}

function readFacts(object: ObjectName, find: (api: string | undefined, labels: readonly string[]) => Element | null, reader: FieldReader): PageFacts {
  const labels = LABELS[object];
  const fields = FIELDS[object];
  const owner = find('OwnerId', labels.owner);
  const email = find(fields.email, labels.email);
  const website = find(fields.website, labels.website);
  const status = find(fields.status, labels.status);
  const ownerLink = owner && reader.link(owner, 'a[href]');
  const mailto = email && reader.link(email, 'a[href^="mailto:"]');
  const url = website && reader.link(website, 'a[href]');
  return {
    owner: (ownerLink && deepText(ownerLink, NOT_VALUE)) || (owner ? reader.text(owner) : undefined),
    email: emailIn(mailto?.getAttribute('href')) ?? (email ? emailIn(reader.text(email)) : undefined),
    domain: websiteDomain(url?.getAttribute('href')) ?? (website ? websiteDomain(reader.text(website)) : undefined),
    lifecycleStage: status ? reader.text(status) : undefined,
  };
}

/**
 * What a full walk of the active view found: its shadow scopes, the name element and each field element
 * (or null). Lightning re-renders values in place (and the page around them constantly), so later reads
 * reuse these elements and only read their text; the view is walked again when it is another element,
 * when a located element left the page, or, while something was not found (a field still rendering, or
 * not on this layout), after `retryMs`: RELOCATE_MISSES_MS, doubling up to MAX_RELOCATE_MS while the
 * same view still lacks it.
 */
interface Located {
  view: Element;
  object: ObjectName;
  at: number;
  retryMs: number;
  name: Element | null;
  fields: Map<string, Element | null>;
  misses: number;
}

const RELOCATE_MISSES_MS = 1000;
const MAX_RELOCATE_MS = 8000;
let located: Located | undefined;

const fieldKey = (api: string | undefined, labels: readonly string[]) => `${api ?? ''}|${labels.join('|')}`;

function locateLightning(view: Element, object: ObjectName, now: number, retryMs: number): Located {
  const scopes = shadowScopes(view);
  const fields = new Map<string, Element | null>();
  let misses = 0;
  const locate = (api: string | undefined, labels: readonly string[]): Element | null => {
    const byApiName = api ? deepFirst(scopes, `[data-target-selection-name="sfdc:RecordField.${object}.${api}"]`) : null;
    if (byApiName || labels.length === 0) return byApiName;
    const byLabel = labels.map((label) => `records-record-layout-item[field-label="${label}"]`).join(', ');
    return deepFirst(scopes, byLabel) ?? highlightsItem(scopes, labels);
  };
  const labels = LABELS[object];
  const api = FIELDS[object];
  for (const [one, names] of [
    ['OwnerId', labels.owner],
    [api.email, labels.email],
    [api.website, labels.website],
    [api.status, labels.status],
  ] as const) {
    if (!one && names.length === 0) continue;
    const found = locate(one, names);
    if (!found) misses += 1;
    fields.set(fieldKey(one, names), found);
  }
  let name: Element | null = null;
  for (const selector of NAME) {
    const candidate = deepFirst(scopes, selector);
    if (deepText(candidate, NOT_VALUE)) {
      name = candidate;
      break;
    }
  }
  if (!name) misses += 1;
  return { view, object, at: now, retryMs, name, fields, misses };
}

/** The same view, and everything found there still in the page. */
function sameShape(cached: Located | undefined, view: Element, object: ObjectName): cached is Located {
  if (!cached || cached.view !== view || cached.object !== object) return false;
  if (cached.name && !cached.name.isConnected) return false;
  for (const element of cached.fields.values()) if (element && !element.isConnected) return false;
  return true;
}

const stillValid = (cached: Located | undefined, view: Element, object: ObjectName, now: number): cached is Located =>
  sameShape(cached, view, object) && !(cached.misses > 0 && now - cached.at >= cached.retryMs);

function readLightning(view: Element, object: ObjectName): PageFacts {
  const now = Date.now();
  let found = stillValid(located, view, object, now) ? located : undefined;
  let name = found?.name ? deepText(found.name, NOT_VALUE) : undefined;
  // The name element was emptied (re-rendering): look again now rather than show a record without a name.
  if (!found || (found.name && !name)) {
    // Looking again for what this same view still lacks: less often each time it is still not there.
    const again = sameShape(located, view, object) && located.misses > 0;
    const retryMs = again ? Math.min(located!.retryMs * 2, MAX_RELOCATE_MS) : RELOCATE_MISSES_MS;
    found = located = locateLightning(view, object, now, retryMs);
    name = deepText(found.name, NOT_VALUE);
  }
  const fields = found.fields;
  const valueOf = (field: Element) => deepFirst(field, VALUE) ?? field;
  const reader: FieldReader = {
    text: (field) => deepText(valueOf(field), NOT_VALUE),
    link: (field, selector) => deepAll(valueOf(field), selector).find((link) => deepText(link, NOT_VALUE)) ?? null,
  };
  const find = (api: string | undefined, labels: readonly string[]) => fields.get(fieldKey(api, labels)) ?? null;
  return { name, ...readFacts(object, find, reader) };
}

/** A compact-layout field in the record header, by the label in its `title`: Owner often sits there. */
function highlightsItem(scopes: readonly ParentNode[], labels: readonly string[]): Element | null {
  return (
    deepAll(scopes, 'records-highlights-details-item').find((item) =>
      deepAll(item, '[title]').some((label) => labels.includes(label.getAttribute('title') ?? '')),
    ) ?? null
  );
}

function readClassic(doc: Document, object: ObjectName): PageFacts | null {
  // The detail block (`#ep`); related lists below it use other cells.
  const block = doc.querySelector('.bDetailBlock') ?? doc;
  const labelCells = Array.from(block.querySelectorAll('td.labelCol, th.labelCol'));
  if (labelCells.length === 0) return null;
  const find = (_api: string | undefined, labels: readonly string[]) => {
    const cell = labelCells.find((label) => labels.includes(deepText(label) ?? ''));
    return cell?.nextElementSibling ?? null;
  };
  const reader: FieldReader = {
    // `Jane Doe [Change]`: the bracketed action link is not part of the value.
    text: (cell) => cleanText(deepText(cell)?.replace(/\[[^\]]*\]/g, '')),
    link: (cell, selector) =>
      Array.from(cell.querySelectorAll(selector)).find((link) => {
        const text = deepText(link);
        return text !== undefined && !/^\[?change\]?$/i.test(text);
      }) ?? null,
  };
  const title = doc.querySelector('.bPageTitle .pageDescription');
  return { name: deepText(title), ...readFacts(object, find, reader) };
}

/** `Acme | Account | Salesforce` (Lightning) or `Account: Acme ~ Salesforce - Enterprise Edition` (Classic). */
function nameFromTitle(title: string, object: ObjectName): string | undefined {
  const labels = LABELS[object].title;
  const parts = title.split(' | ');
  const [first, second] = parts;
  if (parts.length >= 3 && second !== undefined && labels.includes(second.trim()) && /salesforce/i.test(parts[parts.length - 1] ?? '')) {
    return cleanText(first);
  }
  const classic = /^([^:]+):\s*(.+?)\s*~\s*Salesforce\b/.exec(title);
  return classic && labels.includes(classic[1]?.trim() ?? '') ? cleanText(classic[2]) : undefined;
}

export const salesforce = {
  id: 'salesforce',
  label: 'Salesforce',
  matches: HOST_SUFFIXES.map((suffix) => `https://*.${suffix}/*`),
  isHost(hostname) {
    const host = hostname.toLowerCase().replace(/\.$/, '');
    // A My Domain name is always there: `lightning.force.com` itself is not an org.
    return HOST_SUFFIXES.some((suffix) => host !== suffix && isDomainOrSubdomain(host, suffix));
  },
  detect(url) {
    const segments = pathSegments(url);
    if (segments[0] === 'lightning') return lightningRecord(segments);
    if (segments[0] === 'one' && segments[1] === 'one.app' && segments.length === 2) return oneAppRecord(url);
    // Classic: the id is the whole path (`/001…`, `/003…`, `/00Q…`). Gotcha: `/001/o` (tab home),
    // `/001/e` (new), `/001…/e` (edit), `/001?fcf=…` (list view) have other or more segments.
    return segments.length === 1 ? recordFor(segments[0]) : null;
  },
  read(doc, ref): PageFacts {
    const object = OBJECTS.find((candidate) => candidate.objectType === ref.objectType)?.objectType;
    if (!object) return {};
    try {
      const view = activeContainer(doc, ACTIVE_VIEW) ?? activeContainer(doc, RECORD_PAGE);
      const facts = (view ? readLightning(view, object) : readClassic(doc, object)) ?? {};
      return { ...facts, name: facts.name ?? nameFromTitle(doc.title ?? '', object) };
    } catch {
      // Odd DOM: report nothing rather than break the panel.
      return {};
    }
  },
} satisfies CrmAdapter;
