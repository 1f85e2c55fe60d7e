import type { CrmUrlTable } from './types';

const DOCS = 'docs.attio.com REST API, "Get a workspace record": web_url';
const BOT_NOTES = 'public Attio bot notes (textql-data): overview URLs for company/person/deals';

export const urls: CrmUrlTable = {
  crm: 'attio',
  records: [
    {
      url: 'https://app.attio.com/salarya/person/bf071e1f-6035-429d-b874-d83ea64ea13b',
      kind: 'contact',
      recordId: 'bf071e1f-6035-429d-b874-d83ea64ea13b',
      objectType: 'person',
      source: DOCS,
    },
    {
      url: 'https://app.attio.com/textql-data/person/bf071e1f-6035-429d-b874-d83ea64ea13b/overview',
      kind: 'contact',
      recordId: 'bf071e1f-6035-429d-b874-d83ea64ea13b',
      objectType: 'person',
      source: BOT_NOTES,
    },
    {
      url: 'https://app.attio.com/textql-data/company/a41e73b9-5dac-493f-bb2d-d38bb166c330/overview',
      kind: 'account',
      recordId: 'a41e73b9-5dac-493f-bb2d-d38bb166c330',
      objectType: 'company',
      source: BOT_NOTES,
    },
    {
      url: 'https://app.attio.com/butterflyagency/company/99a03ff3-0435-47da-95cc-76b2caeb4dab',
      kind: 'account',
      recordId: '99a03ff3-0435-47da-95cc-76b2caeb4dab',
      objectType: 'company',
      source: 'public Vue code linking `https://app.attio.com/<ws>/company/${id}`',
    },
  ],
  nearMisses: [
    // Gotcha: deals use the plural slug and are not accounts or contacts.
    { url: 'https://app.attio.com/textql-data/deals/637f050b-409d-4fdf-b401-b85d48a5e9df/overview', why: 'deal record' },
    {
      url: 'https://app.attio.com/textql-data/deals/record/637f050b-409d-4fdf-b401-b85d48a5e9df/notes?modal=note&id=05649629-8d0c-4b6a-a2b6-a0f9d95effa6',
      why: 'a note on a deal',
    },
    { url: 'https://app.attio.com/salarya/people', why: 'people list view' },
    { url: 'https://app.attio.com/salarya/companies', why: 'companies list view' },
    { url: 'https://app.attio.com/salarya/company/not-a-uuid', why: 'no record id' },
    { url: 'https://app.attio.com/lists/lst_abc123', why: 'a list' },
    { url: 'https://app.attio.com/authorize', why: 'OAuth page' },
    { url: 'https://attio.com/salarya/person/bf071e1f-6035-429d-b874-d83ea64ea13b', why: 'marketing site, not the app' },
    {
      url: 'https://app.attio.com.evil.io/salarya/person/bf071e1f-6035-429d-b874-d83ea64ea13b',
      why: 'look-alike host',
    },
  ],
};
