import type { CrmAdapter, DetectedRecord } from './types';
import { pathSegments } from './host';

// Insightly serves each region from its own pod, crm.<pod>.insightly.com (na1, …). A record opens either
// as a full page, /details/<Object>/<id>, or as a "blade" sliding over a list,
// /list/<Object>/?blade=/details/<object>/<id> (zxdong262/insightly-embeddable-ringcentral-phone src/config.js;
// DevartSoftware/tmetric-plugins insightly.ts). When a blade is open it is the record on screen.
// Older pages were /<Objects>/Details/<id>. Insightly spells it "Organisation".
const OBJECTS = new Map<string, { objectType: string; kind: DetectedRecord['kind'] }>([
  ['contact', { objectType: 'Contact', kind: 'contact' }],
  ['lead', { objectType: 'Lead', kind: 'contact' }],
  ['organisation', { objectType: 'Organisation', kind: 'account' }],
]);
const HOST = /^crm\.[a-z0-9-]+\.insightly\.com$/i;

function fromDetailsPath(segments: readonly string[]): DetectedRecord | null {
  if (segments.length !== 3) return null;
  const [first = '', second = '', recordId = ''] = segments.map((segment) => segment.toLowerCase());
  // /details/contact/<id>, or the older /contacts/details/<id>.
  const object = first === 'details' ? second : second === 'details' ? first.replace(/s$/, '') : '';
  const found = OBJECTS.get(object);
  if (!found || !/^\d+$/.test(recordId)) return null;
  return { kind: found.kind, recordId, objectType: found.objectType };
}

export const insightly = {
  id: 'insightly',
  label: 'Insightly',
  matches: ['https://*.insightly.com/*'],
  isHost: (hostname) => HOST.test(hostname),
  detect(url) {
    const blade = url.searchParams.get('blade');
    if (blade !== null) return fromDetailsPath(blade.split('/').filter(Boolean));
    return fromDetailsPath(pathSegments(url));
  },
} satisfies CrmAdapter;
