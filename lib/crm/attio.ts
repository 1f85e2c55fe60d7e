import type { CrmAdapter } from './types';
import { pathSegments } from './host';

// Record pages are app.attio.com/<workspace slug>/<object slug>/<record uuid>[/overview|/activity|…].
// The API's own `web_url` is `https://app.attio.com/<ws>/person/<uuid>` (docs.attio.com, "Get a workspace
// record"); companies use the singular `company` the same way. Deals (`/<ws>/deals/<uuid>`), the plural
// list views (`/<ws>/people`, `/<ws>/companies`) and custom objects are not accounts or contacts.
const KINDS = { company: 'account', person: 'contact' } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const attio = {
  id: 'attio',
  label: 'Attio',
  matches: ['https://app.attio.com/*'],
  isHost: (hostname) => hostname.toLowerCase() === 'app.attio.com',
  detect(url) {
    const [, object, recordId] = pathSegments(url);
    if (object !== 'company' && object !== 'person') return null;
    if (!recordId || !UUID.test(recordId)) return null;
    return { kind: KINDS[object], recordId, objectType: object };
  },
} satisfies CrmAdapter;
