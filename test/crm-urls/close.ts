import type { CrmUrlTable } from './types';

export const urls: CrmUrlTable = {
  crm: 'close',
  records: [
    {
      url: 'https://app.close.com/lead/lead_IIDHIStmFcFQZZP0BRe99V1MCoXWz2PGCm6EDmR9v2O/',
      kind: 'account',
      recordId: 'lead_IIDHIStmFcFQZZP0BRe99V1MCoXWz2PGCm6EDmR9v2O',
      objectType: 'lead',
      source: 'Close API lead `html_url` (developer.close.com/resources/leads example), now served on app.close.com',
    },
    {
      url: 'https://app.close.com/lead/lead_1',
      kind: 'account',
      recordId: 'lead_1',
      objectType: 'lead',
      source: 'public test: crmRecordUrl https://app.close.com/lead/lead_1/ (no trailing slash variant)',
    },
    {
      url: 'https://app.close.com/contact/cont_123/',
      kind: 'contact',
      recordId: 'cont_123',
      objectType: 'contact',
      source: 'public CTI connector config crmLink `https://app.close.com/contact/{{recordId}}/` (single source)',
    },
  ],
  nearMisses: [
    { url: 'https://app.close.com/leads/', why: 'lead list' },
    { url: 'https://app.close.com/lead/', why: 'no lead id' },
    { url: 'https://app.close.com/lead/cont_123/', why: 'contact id in a lead route' },
    { url: 'https://app.close.com/opportunities/', why: 'opportunity pipeline' },
    { url: 'https://app.close.com/settings/', why: 'settings' },
    { url: 'https://api.close.com/api/v1/lead/lead_1/', why: 'API host, not the app' },
    { url: 'https://close.com/lead/lead_1/', why: 'marketing site' },
    { url: 'https://app.close.com.evil.io/lead/lead_1/', why: 'look-alike host' },
  ],
};
