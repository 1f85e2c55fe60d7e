import type { CrmUrlTable } from './types';

const CODA = 'Copper Coda pack helpers.ts getCopperUrl + copperRecordUrlRegex (`app#/.*(contact|deal|organization)/<id>`)';

export const urls: CrmUrlTable = {
  crm: 'copper',
  records: [
    {
      url: 'https://app.copper.com/companies/562111/app#/organization/61234567',
      kind: 'account',
      recordId: '61234567',
      objectType: 'organization',
      source: 'public React code linking https://app.copper.com/companies/562111/app#/organization/<id>; ' + CODA,
    },
    {
      url: 'https://app.copper.com/companies/190749/app#/contact/123456789',
      kind: 'contact',
      recordId: '123456789',
      objectType: 'contact',
      source: CODA,
    },
    {
      url: 'https://app.copper.com/companies/190749/app#/browse/list/people/default/contact/123456789',
      kind: 'contact',
      recordId: '123456789',
      objectType: 'contact',
      source: CODA + ' (the `.*` allows a route prefix; this prefix is inferred)',
    },
    {
      url: 'https://app.copper.com/companies/190749/app#/lead/98765432',
      kind: 'contact',
      recordId: '98765432',
      objectType: 'lead',
      source: 'inferred from the contact/organization/deal pattern (unverified)',
    },
  ],
  nearMisses: [
    { url: 'https://app.copper.com/companies/190749/app#/deal/55512345', why: 'opportunity (deal)' },
    {
      url: 'https://app.copper.com/companies/562111/app#/browse/board/opportunities/default?pipeline=1084986',
      why: 'pipeline board',
    },
    { url: 'https://app.copper.com/companies/190749/app#/browse/list/people/default', why: 'people list' },
    { url: 'https://app.copper.com/companies/190749/app#/feed', why: 'activity feed' },
    { url: 'https://app.copper.com/companies/190749/app', why: 'app home' },
    // Gotcha: /companies/<n> is Copper's account (tenant) id, not a company record.
    { url: 'https://app.copper.com/companies/190749', why: 'tenant path, no record' },
    { url: 'https://app.copper.com/companies/settings/custom_fields/123', why: 'settings' },
    { url: 'https://www.copper.com/companies/190749/app#/contact/123456789', why: 'marketing site' },
    { url: 'https://app.copper.com.evil.io/companies/190749/app#/contact/123456789', why: 'look-alike host' },
  ],
};
