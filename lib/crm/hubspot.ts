import type { RecordKind } from '../model/crm-ids';
import type { CrmAdapter, PageFacts } from './types';
import { pathSegments } from './host';
import { cleanText, deepText, emailIn, shownText, visibleAll, visibleFirst, websiteDomain } from './dom';

// HubSpot CRM records: `/contacts/<portalId>/record/<objectTypeId>/<id>` (0-1 contact, 0-2 company) and the
// older `/contacts/<portalId>/contact/<id>` and `/company/<id>`, each with optional tabs, sub-paths and
// query strings after the id. HubSpot keeps `/contacts/` in every record URL, whatever the object
// (crm-dom-notes.md, "Object type").
//
// Hosts: one per data centre ("Hublet"), `app.hubspot.com` (na1) and `app-<hublet>.hubspot.com`: eu1, na2,
// na3 and ap1 are seen as the account-info API's `uiDomain` in public code. A match pattern cannot say
// `app-*`, so the manifest asks for `*.hubspot.com` and isHost keeps only the app hosts. Left out:
// `app.hubspotqa.com`, HubSpot's own QA environment (HubSpot CLI's qa accounts), which customers never use.
const APP_HOST = /^app(?:-[a-z]{2}\d{1,2})?\.hubspot\.com$/;

/**
 * HubSpot's own object type ids. The legacy path names map to them, so the same record gives the same ref
 * from either URL. Gotcha: deals (0-3), tickets (0-5), leads (0-136), custom objects (2-…) are not here.
 */
const OBJECT_TYPES = new Map<string, RecordKind>([
  ['0-1', 'contact'],
  ['0-2', 'account'],
]);
const LEGACY_OBJECTS = new Map<string, string>([
  ['contact', '0-1'],
  ['company', '0-2'],
]);
const NUMERIC = /^\d+$/;

// ---------------------------------------------------------------------------------------------------------
// Page reading (crm-dom-notes.md, HubSpot): stable `data-selenium-test` / `data-test-id` attributes only,
// never the styled-components class hashes. Properties by internal name (`property-input-<name>` or a
// sidebar row `data-test-id="<name>"`), never inside association cards (they describe the associated
// record) or dialogs, never in hidden tab contents.

/** Belongs to another record or to a dialog over the page. */
const FOREIGN = '[data-card-type^="ASSOCIATION"], [data-test-id^="card-wrapper-ASSOCIATION"], [role="dialog"]';
const LABEL = 'label, [data-selenium-test*="property-label"], [data-test-id*="label"], [role="tooltip"], button[aria-label]';
const NAME = [
  '[data-selenium-test="highlightTitle"]',
  '[id^="highlight-property-display-hs_full_name_or_email"]',
  '[data-selenium-test$="-highlight-details"] h3',
];
/** What HubSpot shows for a record nobody owns. */
const NO_OWNER = /^(?:no owner|unassigned)$/i;

/** Where the record's own properties are looked for, in order: the left sidebar, then the whole page. */
type Roots = readonly ParentNode[];

/** The record's first visible element matching `selector`. */
function own(roots: Roots, selector: string): Element | null {
  for (const root of roots) {
    const element = visibleAll(root, selector).find((candidate) => !candidate.closest(FOREIGN));
    if (element) return element;
  }
  return null;
}

/** The value a property shows: a form control's, a dropdown's label, else its text without the label. */
function propertyText(roots: Roots, name: string): string | undefined {
  const element = own(roots, `[data-selenium-test="property-input-${name}"]`) ?? own(roots, `[data-test-id="${name}"]`);
  if (!element) return undefined;
  const control = element.matches('input, select, textarea') ? element : element.querySelector('input, select, textarea');
  // Older UI: the selected option sits in a private-dropdown label.
  const dropdown = element.querySelector('.private-dropdown__item__label');
  return (control && shownText(control)) || cleanText(dropdown?.textContent) || deepText(element, LABEL);
}

function nameOf(roots: Roots, kind: RecordKind): string | undefined {
  for (const selector of NAME) {
    const name = deepText(own(roots, selector));
    if (name) return name;
  }
  if (kind === 'account') return propertyText(roots, 'name');
  return cleanText([propertyText(roots, 'firstname'), propertyText(roots, 'lastname')].filter(Boolean).join(' '));
}

function readPage(doc: Document, kind: RecordKind): PageFacts {
  const sidebar = visibleFirst(doc, '[data-test-id="left-sidebar"]');
  const roots: Roots = sidebar ? [sidebar, doc] : [doc];
  const owner = propertyText(roots, 'hubspot_owner_id');
  const facts: PageFacts = {
    name: nameOf(roots, kind),
    owner: owner && !NO_OWNER.test(owner) ? owner : undefined,
    lifecycleStage: propertyText(roots, 'lifecyclestage'),
  };
  if (kind === 'contact') {
    facts.email =
      emailIn(propertyText(roots, 'email')) ??
      emailIn(deepText(own(roots, '[id^="highlight-property-display-email"]'))) ??
      emailIn(own(roots, '[data-card-type="OBJECT_HIGHLIGHT"] a[href^="mailto:"]')?.getAttribute('href'));
  } else {
    facts.domain = websiteDomain(propertyText(roots, 'domain')) ?? websiteDomain(propertyText(roots, 'website'));
  }
  return facts;
}

export const hubspot = {
  id: 'hubspot',
  label: 'HubSpot',
  matches: ['https://*.hubspot.com/*'],
  isHost: (hostname) => APP_HOST.test(hostname.toLowerCase().replace(/\.$/, '')),
  detect(url) {
    const [hub, portalId, route, first, second] = pathSegments(url);
    if (hub !== 'contacts' || !portalId || !NUMERIC.test(portalId)) return null;
    // Gotcha: index pages (`/objects/0-1/views/all/list`, `/contacts/list/view/all/`, `/objectLists/…`)
    // name the object but no record.
    const objectType = route === 'record' ? first : LEGACY_OBJECTS.get(route ?? '');
    const recordId = route === 'record' ? second : first;
    const kind = objectType === undefined ? undefined : OBJECT_TYPES.get(objectType);
    if (!kind || objectType === undefined || !recordId || !NUMERIC.test(recordId)) return null;
    return { kind, recordId, objectType };
  },
  read(doc, ref): PageFacts {
    try {
      return readPage(doc, ref.kind);
    } catch {
      // Odd DOM: report nothing rather than break the panel.
      return {};
    }
  },
} satisfies CrmAdapter;
