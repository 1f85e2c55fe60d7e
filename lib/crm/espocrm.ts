import type { CrmAdapter, DetectedRecord } from './types';
import { hashRoute, pathSegments } from './host';

// EspoCRM routes in the hash: `#<Entity>/view/<id>` is a record's detail view (`#Account/view/<id>`,
// `#Contact/view/<id>`, `#Lead/view/<id>`); `#<Entity>` is its list, `/edit/` and `/create` are forms.
// Self-hosted anywhere (DetectOptions.customHosts) or on EspoCRM Cloud, `<instance>.espocloud.com`.
const ENTITIES = new Map<string, DetectedRecord['kind']>([
  ['Account', 'account'],
  ['Contact', 'contact'],
  ['Lead', 'contact'],
]);
// 17-character hex ids by default; EspoCRM 9 can use UUIDs.
const ID = /^[A-Za-z0-9-]+$/;
const HOST = /^(?!www\.)[a-z0-9-]+\.espocloud\.com$/i;

export const espocrm = {
  id: 'espocrm',
  label: 'EspoCRM',
  matches: ['https://*.espocloud.com/*'],
  isHost: (hostname) => HOST.test(hostname),
  detect(url) {
    const route = hashRoute(url);
    const segments = route ? pathSegments(route) : [];
    const [entity = '', action, recordId = ''] = segments;
    const kind = ENTITIES.get(entity);
    if (!kind || action !== 'view' || segments.length !== 3 || !ID.test(recordId)) return null;
    return { kind, recordId, objectType: entity };
  },
} satisfies CrmAdapter;
