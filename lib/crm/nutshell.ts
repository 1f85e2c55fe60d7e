import type { CrmAdapter, DetectedRecord } from './types';
import { pathSegments } from './host';

// Nutshell's `htmlUrl` for a person is app.nutshell.com/person/<id>-<name slug>, for a company
// /company/<id>-<name slug> (Nutshell API responses in public test fixtures). recordId is the numeric id:
// the slug follows the name and changes on rename. Gotcha: a Nutshell "lead" (/lead/<id>) is a sales
// opportunity, a deal, not a person.
const OBJECTS = new Map<string, DetectedRecord['kind']>([
  ['person', 'contact'],
  ['company', 'account'],
]);

export const nutshell = {
  id: 'nutshell',
  label: 'Nutshell',
  matches: ['https://app.nutshell.com/*'],
  isHost: (hostname) => hostname.toLowerCase() === 'app.nutshell.com',
  detect(url) {
    const segments = pathSegments(url);
    const [object = '', idAndSlug = ''] = segments;
    const kind = OBJECTS.get(object);
    const recordId = /^(\d+)(?:-|$)/.exec(idAndSlug)?.[1];
    if (!kind || !recordId || segments.length !== 2) return null;
    return { kind, recordId, objectType: object };
  },
} satisfies CrmAdapter;
