import type { CrmAdapter, DetectedRecord } from './types';
import { hashRoute, pathSegments } from './host';

// SuiteCRM is self-hosted only: no cloud host, so it runs on the hosts users add (DetectOptions.customHosts).
//   SuiteCRM 8 (Angular, hash routes): #/accounts/record/<id>, #/contacts/record/<id>, #/leads/record/<id>;
//              lists are #/<module>/index, forms #/<module>/edit…
//   SuiteCRM 7 (and SugarCRM CE before it): index.php?module=Accounts&action=DetailView&record=<id>, also
//              wrapped by the AJAX UI as index.php?action=ajaxui#ajaxUILoc=<that URL, encoded>.
// objectType is the module name, the same for both versions.
const MODULES = new Map<string, { module: string; kind: DetectedRecord['kind'] }>([
  ['accounts', { module: 'Accounts', kind: 'account' }],
  ['contacts', { module: 'Contacts', kind: 'contact' }],
  ['leads', { module: 'Leads', kind: 'contact' }],
]);
const ID = /^[A-Za-z0-9-]+$/;

function record(moduleName: string, recordId: string): DetectedRecord | null {
  const found = MODULES.get(moduleName.toLowerCase());
  if (!found || !ID.test(recordId)) return null;
  return { kind: found.kind, recordId, objectType: found.module };
}

/** SuiteCRM 7: a DetailView of index.php, straight or inside the AJAX UI's hash. */
function fromIndexPhp(url: URL, depth = 0): DetectedRecord | null {
  if (pathSegments(url).at(-1) !== 'index.php') return null;
  const wrapped = new URLSearchParams(url.hash.replace(/^#/, '')).get('ajaxUILoc');
  if (wrapped && depth === 0) {
    try {
      return fromIndexPhp(new URL(wrapped, url), 1);
    } catch {
      return null;
    }
  }
  const query = url.searchParams;
  if (query.get('action')?.toLowerCase() !== 'detailview') return null;
  return record(query.get('module') ?? '', query.get('record') ?? '');
}

export const suitecrm = {
  id: 'suitecrm',
  label: 'SuiteCRM',
  matches: [],
  isHost: (_hostname) => false,
  detect(url) {
    const route = url.hash.startsWith('#/') ? hashRoute(url) : null;
    if (route) {
      const segments = pathSegments(route);
      const [moduleName = '', view, recordId = ''] = segments;
      return view === 'record' && segments.length === 3 ? record(moduleName, recordId) : null;
    }
    return fromIndexPhp(url);
  },
} satisfies CrmAdapter;
