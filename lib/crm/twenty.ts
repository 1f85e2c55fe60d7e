import type { CrmAdapter, DetectedRecord } from './types';
import { pathSegments } from './host';

// Twenty's record page is `/object/:objectNameSingular/:objectRecordId` (twentyhq/twenty
// packages/twenty-front/src/modules/types/AppPath.ts, RecordShowPage); lists are `/objects/:objectNamePlural`.
// Cloud workspaces live on app.twenty.com or `<workspace>.twenty.com` (docs.twenty.com, Domains settings);
// self-hosted and custom-domain workspaces come in through DetectOptions.customHosts.
const OBJECTS = new Map<string, DetectedRecord['kind']>([
  ['person', 'contact'],
  ['company', 'account'],
]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// twenty.com's own sites, not workspaces.
const HOST = /^(?!(?:www|docs|api)\.)[a-z0-9-]+\.twenty\.com$/i;

export const twenty = {
  id: 'twenty',
  label: 'Twenty',
  matches: ['https://*.twenty.com/*'],
  isHost: (hostname) => HOST.test(hostname),
  detect(url) {
    const segments = pathSegments(url);
    const [root, object = '', recordId = ''] = segments;
    const kind = OBJECTS.get(object);
    if (root !== 'object' || segments.length !== 3 || !kind || !UUID.test(recordId)) return null;
    return { kind, recordId, objectType: object };
  },
} satisfies CrmAdapter;
