import type { CrmAdapter, DetectedRecord } from './types';
import { hashRoute, pathSegments } from './host';

// Copper (ex-ProsperWorks) is one app per account: app.copper.com/companies/<accountId>/app, routed in the
// hash. Record routes use Copper's legacy words, not the UI's: a person is `contact`, a company is
// `organization`, an opportunity is `deal` (the Copper Coda pack's URL builder and `copperRecordUrlRegex`:
// `app#/.*(contact|deal|organization)/<id>`), so the record is the route's last `<word>/<id>` pair.
const OBJECTS = new Map<string, DetectedRecord['kind']>([
  ['contact', 'contact'],
  ['organization', 'account'],
  // Not seen in public code; inferred from the pattern above (a Copper lead is a person not yet converted).
  ['lead', 'contact'],
]);

export const copper = {
  id: 'copper',
  label: 'Copper',
  matches: ['https://app.copper.com/*'],
  isHost: (hostname) => hostname.toLowerCase() === 'app.copper.com',
  detect(url) {
    const [companies, accountId, app] = pathSegments(url);
    if (companies !== 'companies' || !/^\d+$/.test(accountId ?? '') || app !== 'app') return null;
    const route = hashRoute(url);
    const segments = route ? pathSegments(route) : [];
    const recordId = segments.at(-1) ?? '';
    const object = segments.at(-2) ?? '';
    const kind = OBJECTS.get(object);
    if (!kind || !/^\d+$/.test(recordId)) return null;
    return { kind, recordId, objectType: object };
  },
} satisfies CrmAdapter;
