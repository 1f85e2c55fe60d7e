import type { CrmAdapter, DetectedRecord } from './types';
import { pathSegments } from './host';

// Capsule keeps people and organisations in one list, "parties", both at <account>.capsulecrm.com/party/<id>
// (developer.capsulecrm.com Party model: `type` is `person` or `organisation`), so the URL gives the id and
// the page gives the kind. /party/<id>/edit, /party/person/new, /party/organisation/new, /parties and
// /opportunity/<id> are not record pages.
const KINDS = new Map<string, DetectedRecord['kind']>([
  ['person', 'contact'],
  ['organisation', 'account'],
]);
// capsulecrm.com's own sites, not accounts.
const HOST = /^(?!(?:www|api|developer|support)\.)[a-z0-9-]+\.capsulecrm\.com$/i;

/**
 * The party's type as the page states it.
 * ASSUMPTION (confidence I, 2025): no public code shows Capsule's party page DOM
 * (/work/shared/research/crm-dom-notes.md), so we read a `data-party-type` attribute carrying the API's own
 * words; test/fixtures/crm/capsule/ mirrors that assumption, not a captured page. Check it against a live
 * party page and replace the selector and the fixtures together. Until a marker is found this gives null.
 */
function partyType(doc: Document): string | null {
  return doc.querySelector('[data-party-type]')?.getAttribute('data-party-type') ?? null;
}

export const capsule = {
  id: 'capsule',
  label: 'Capsule',
  matches: ['https://*.capsulecrm.com/*'],
  isHost: (hostname) => HOST.test(hostname),
  /** Null without `doc` or without the marker: a guessed kind would file the party under a second key. */
  detect(url, doc) {
    const segments = pathSegments(url);
    const [party, recordId = ''] = segments;
    if (party !== 'party' || segments.length !== 2 || !/^\d+$/.test(recordId) || !doc) return null;
    const objectType = partyType(doc);
    const kind = objectType ? KINDS.get(objectType) : undefined;
    return kind && objectType ? { kind, recordId, objectType } : null;
  },
} satisfies CrmAdapter;
