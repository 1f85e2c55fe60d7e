import { activeContainer, cleanText, emailIn, isHidden, shownText, visibleAll, visibleFirst, websiteDomain } from './dom';
import { isDomainOrSubdomain, pathSegments } from './host';
import type { CrmAdapter, DetectedRecord, PageFacts, RecordRef } from './types';

// Pipedrive serves each company on its own subdomain (`acme.pipedrive.com`, `acme-sandbox.pipedrive.com`);
// `app.pipedrive.com` answers the same routes. These subdomains are Pipedrive's own sites, never a company.
const NOT_A_COMPANY = new Set(['www', 'api', 'developers', 'support', 'status', 'marketplace', 'oauth', 'community', 'blog', 'learn', 'go']);

function isHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (!isDomainOrSubdomain(host, 'pipedrive.com')) return false;
  const company = host.slice(0, -'.pipedrive.com'.length);
  return /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(company) && !NOT_A_COMPANY.has(company);
}

/**
 * `/person/<id>` and `/organization/<id>`, with any tab or sub-path after the id. Pipedrive is cloud-only, so
 * the host is checked here too: Nutshell, for one, also has `/person/123`.
 */
function detect(url: URL): DetectedRecord | null {
  if (!isHost(url.hostname)) return null;
  const [route, id] = pathSegments(url);
  if (!id || !/^[1-9]\d{0,15}$/.test(id)) return null;
  // Gotcha: `/persons/list`, `/organizations/list` are lists; `/deal/<id>` is a deal; `/leads/inbox/<uuid>`
  // is a Pipedrive lead, which is a deal not yet in a pipeline (it points at a person or organization but is
  // neither), so it is not a record whose owner we track.
  if (route === 'person') return { kind: 'contact', recordId: id, objectType: 'person' };
  if (route === 'organization') return { kind: 'account', recordId: id, objectType: 'organization' };
  return null;
}

// DOM markers. Public evidence is thin (see /work/shared/research/crm-dom-notes.md):
// - S: `.viewContainer` (hidden copies carry `style="display: none"`) and `.detailView.personDetails`
//   (ringcentral/pipedrive-embeddable-ringcentral-phone-spa src/configs/insert-c2d.js);
// - S: `[data-testid="header-title"]` holding a textarea (DevartSoftware/tmetric-plugins, deal page);
// - I: `[data-test="email-label"]` by analogy with the phone values' `[data-test="phone-label"]` (same file);
// - I: the owner, website and label markers below are designed, not observed; the owner falls back to the
//   row labelled "Owner" in the details block.
const CONTAINERS = '.viewContainer';
const NAME = ['[data-testid="header-title"] textarea', '[data-testid="header-title"]', '.descriptionHead .title'];
const OWNER = '[data-test="owner-name"]';
const EMAIL = ['[data-test="email-label"]', '.detailView a[href^="mailto:"]'];
const WEBSITE = ['[data-test="website-label"] a[href]', '[data-test="website-label"]'];
const LABEL = '[data-test="label-badge"]';

function read(doc: Document, ref: RecordRef): PageFacts {
  const root = activeContainer(doc, CONTAINERS) ?? doc;
  const facts: PageFacts = {};
  const name = shownText(visibleFirst(root, NAME));
  if (name) facts.name = name;
  const owner = shownText(visibleFirst(root, OWNER)) ?? valueAfterLabel(root, 'Owner');
  if (owner) facts.owner = owner;
  if (ref.kind === 'contact') {
    const link = visibleFirst(root, EMAIL);
    const email = emailIn(link?.getAttribute('href')) ?? emailIn(link?.textContent);
    if (email) facts.email = email;
  } else {
    const site = visibleFirst(root, WEBSITE);
    const domain = websiteDomain(site?.getAttribute('href') ?? site?.textContent);
    if (domain) facts.domain = domain;
  }
  const labels = visibleAll(root, LABEL).flatMap((label) => cleanText(label.textContent) ?? []);
  if (labels.length) facts.lifecycleStage = labels.join(', ');
  return facts;
}

/** Fallback for the owner: a details row whose label reads exactly `label` (English UI only). */
function valueAfterLabel(root: ParentNode, label: string): string | undefined {
  // Text first, visibility last: checking visibility walks ancestors, too dear for every node of the view.
  for (const element of Array.from(root.querySelectorAll('.detailView *'))) {
    if (element.children.length === 0 && cleanText(element.textContent) === label && !isHidden(element)) {
      const value = shownText(element.nextElementSibling ?? element.parentElement?.nextElementSibling);
      if (value) return value;
    }
  }
  return undefined;
}

export const pipedrive = {
  id: 'pipedrive',
  label: 'Pipedrive',
  matches: ['https://*.pipedrive.com/*'],
  isHost,
  detect,
  read,
} satisfies CrmAdapter;
