import type { CrmUrlTable } from './types';

const APP_PATH = 'twentyhq/twenty packages/twenty-front/src/modules/types/AppPath.ts: RecordShowPage /object/:objectNameSingular/:objectRecordId';

export const urls: CrmUrlTable = {
  crm: 'twenty',
  records: [
    {
      url: 'https://app.twenty.com/object/person/20202020-b8f2-4c2a-9a5c-1d6a4b0a3f11',
      kind: 'contact',
      recordId: '20202020-b8f2-4c2a-9a5c-1d6a4b0a3f11',
      objectType: 'person',
      source: APP_PATH,
    },
    {
      url: 'https://acme.twenty.com/object/company/0aa3c1d8-5c3f-4f55-9b51-6a5e0e2f7b42',
      kind: 'account',
      recordId: '0aa3c1d8-5c3f-4f55-9b51-6a5e0e2f7b42',
      objectType: 'company',
      source: APP_PATH + '; workspace subdomains `yourcompany.twenty.com` (docs.twenty.com, Domains settings)',
    },
    {
      url: 'https://crm.example.com/object/person/7c9e6679-7425-40de-944b-e07fc1f90ae7',
      kind: 'contact',
      recordId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      objectType: 'person',
      source: APP_PATH + '; self-hosted (TWENTY_BASE_URL e.g. https://crm.example.com)',
      customHost: 'crm.example.com',
    },
    {
      url: 'http://localhost:3000/object/company/7c9e6679-7425-40de-944b-e07fc1f90ae7',
      kind: 'account',
      recordId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      objectType: 'company',
      source: APP_PATH + '; self-hosted default http://localhost:3000',
      customHost: 'localhost:3000',
    },
  ],
  nearMisses: [
    { url: 'https://app.twenty.com/objects/people', why: 'people list (RecordIndexPage)' },
    { url: 'https://app.twenty.com/objects/companies', why: 'companies list' },
    { url: 'https://app.twenty.com/objects/opportunities', why: 'opportunities board' },
    {
      url: 'https://app.twenty.com/object/opportunity/20202020-b8f2-4c2a-9a5c-1d6a4b0a3f11',
      why: 'opportunity record (a deal)',
    },
    { url: 'https://app.twenty.com/object/person/not-a-uuid', why: 'no record id' },
    { url: 'https://app.twenty.com/settings/objects', why: 'settings' },
    { url: 'https://crm.example.com/objects/people', why: 'self-hosted list', customHost: 'crm.example.com' },
    {
      url: 'https://crm.example.com/object/person/7c9e6679-7425-40de-944b-e07fc1f90ae7',
      why: 'self-hosted record on a host the user did not add',
    },
    { url: 'https://twenty.com/object/person/20202020-b8f2-4c2a-9a5c-1d6a4b0a3f11', why: 'marketing site' },
    { url: 'https://docs.twenty.com/object/person/20202020-b8f2-4c2a-9a5c-1d6a4b0a3f11', why: 'docs site' },
    { url: 'https://app.twenty.com.evil.io/object/person/20202020-b8f2-4c2a-9a5c-1d6a4b0a3f11', why: 'look-alike host' },
  ],
};
