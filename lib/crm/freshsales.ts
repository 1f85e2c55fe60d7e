import type { CrmAdapter, DetectedRecord } from './types';
import { hashRoute, pathSegments } from './host';

// Freshsales (Freshworks CRM) record pages:
//   <org>.myfreshworks.com/crm/sales/contacts/<id>, …/accounts/<id>   (current suite)
//   <org>.freshsales.io/contacts/<id>, /accounts/<id>, /leads/<id>     (classic; older builds route in the hash)
// Gotcha: `/contacts/view/<id>` is a saved list view, not contact <id>; deals are neither kind.
const OBJECTS = new Map<string, DetectedRecord['kind']>([
  ['contacts', 'contact'],
  ['leads', 'contact'],
  ['accounts', 'account'],
]);
const SUITE_HOST = /^[a-z0-9-]+\.myfreshworks\.com$/i;
const CLASSIC_HOST = /^(?!www\.)[a-z0-9-]+\.freshsales\.io$/i;

function fromSegments([object = '', recordId = '', next]: string[]): DetectedRecord | null {
  const kind = OBJECTS.get(object);
  if (!kind || !/^\d+$/.test(recordId) || next === 'edit') return null;
  return { kind, recordId, objectType: object };
}

export const freshsales = {
  id: 'freshsales',
  label: 'Freshsales',
  matches: ['https://*.myfreshworks.com/*', 'https://*.freshsales.io/*'],
  isHost: (hostname) => SUITE_HOST.test(hostname) || CLASSIC_HOST.test(hostname),
  detect(url) {
    const segments = pathSegments(url);
    // The suite host also serves other Freshworks apps: only its /crm/sales/ part is Freshsales.
    if (SUITE_HOST.test(url.hostname)) {
      return segments[0] === 'crm' && segments[1] === 'sales' ? fromSegments(segments.slice(2)) : null;
    }
    if (segments.length > 0) return fromSegments(segments);
    const route = hashRoute(url);
    return route ? fromSegments(pathSegments(route)) : null;
  },
} satisfies CrmAdapter;
