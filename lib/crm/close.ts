import type { CrmAdapter, DetectedRecord } from './types';
import { pathSegments } from './host';

// A Close lead is a company with its contacts inside ("like both a lead and account in the terminology of
// some other CRMs", developer.close.com/resources/leads), so a lead page is an ACCOUNT. Its URL is the API's
// `html_url`: `https://app.close.com/lead/lead_xxx/` (a tab or an opened opportunity may follow the id).
// Contacts live inside their lead; `/contact/cont_xxx/` is their own page.
const RECORDS = new Map<string, { prefix: string; kind: DetectedRecord['kind'] }>([
  ['lead', { prefix: 'lead_', kind: 'account' }],
  ['contact', { prefix: 'cont_', kind: 'contact' }],
]);
const ID = /^[a-z]+_[A-Za-z0-9]+$/;

export const close = {
  id: 'close',
  label: 'Close',
  matches: ['https://app.close.com/*'],
  isHost: (hostname) => hostname.toLowerCase() === 'app.close.com',
  detect(url) {
    const [object = '', recordId = ''] = pathSegments(url);
    const record = RECORDS.get(object);
    if (!record || !recordId.startsWith(record.prefix) || !ID.test(recordId)) return null;
    return { kind: record.kind, recordId, objectType: object };
  },
} satisfies CrmAdapter;
