import type { CrmUrlTable } from './types';

export const urls: CrmUrlTable = {
  crm: 'nutshell',
  records: [
    {
      url: 'https://app.nutshell.com/person/7-test-1',
      kind: 'contact',
      recordId: '7',
      objectType: 'person',
      source: 'Nutshell API `htmlUrl` in public test fixtures: https://app.nutshell.com/person/7-test-1',
    },
    {
      url: 'https://app.nutshell.com/person/1-user01-user01',
      kind: 'contact',
      recordId: '1',
      objectType: 'person',
      source: 'Nutshell API `htmlUrl` in public PHP test: https://app.nutshell.com/person/1-user01-user01',
    },
    {
      url: 'https://app.nutshell.com/person/123',
      kind: 'contact',
      recordId: '123',
      objectType: 'person',
      source: "public form handler linking 'https://app.nutshell.com/person/' + contactId.split('-')[0]",
    },
    {
      url: 'https://app.nutshell.com/company/7-test-account-hull-1',
      kind: 'account',
      recordId: '7',
      objectType: 'company',
      source: 'Nutshell API `htmlUrl` in public test fixtures: https://app.nutshell.com/company/7-test-account-hull-1',
    },
  ],
  nearMisses: [
    // Gotcha: a Nutshell lead is a sales opportunity (a deal), not a person.
    { url: 'https://app.nutshell.com/lead/1234-website-redesign', why: 'lead = opportunity' },
    { url: 'https://app.nutshell.com/person/new', why: 'no record id' },
    { url: 'https://app.nutshell.com/person/7-test-1/edit', why: 'not the record page itself' },
    { url: 'https://app.nutshell.com/people', why: 'people list' },
    { url: 'https://app.nutshell.com/auth', why: 'sign-in' },
    { url: 'https://app.nutshell.com/rest/contacts/7-contacts', why: 'REST API' },
    { url: 'https://www.nutshell.com/person/7-test-1', why: 'marketing site' },
    { url: 'https://app.nutshell.com.evil.io/person/7-test-1', why: 'look-alike host' },
  ],
};
