import type { CrmUrlTable } from './types';

const RC = 'ringcentral/pipedrive-embeddable-ringcentral-phone-spa src/config.js (urlCheck `/\\/person\\/\\d+/`)';

export const urls: CrmUrlTable = {
  crm: 'pipedrive',
  records: [
    {
      url: 'https://acme.pipedrive.com/person/123',
      kind: 'contact',
      recordId: '123',
      objectType: 'person',
      source: `${RC}; public code building \`https://\${companyDomain}.pipedrive.com/person/\${id}\``,
    },
    {
      url: 'https://acme.pipedrive.com/organization/45',
      kind: 'account',
      recordId: '45',
      objectType: 'organization',
      source: 'public code: org links `https://<company>.pipedrive.com/organization/<id>` beside the person links',
    },
    {
      url: 'https://app.pipedrive.com/person/7',
      kind: 'contact',
      recordId: '7',
      objectType: 'person',
      source: 'public code: `personUrl = (id) => `https://app.pipedrive.com/person/${id}``',
    },
    {
      url: 'https://ringovertest-sandbox.pipedrive.com/person/1',
      kind: 'contact',
      recordId: '1',
      objectType: 'person',
      source: 'public code: placeholder `https://ringovertest-sandbox.pipedrive.com/person/1` (sandbox company)',
    },
    {
      url: 'https://acme.pipedrive.com/organization/45/',
      kind: 'account',
      recordId: '45',
      objectType: 'organization',
      source: 'trailing slash of the organization shape above',
    },
    {
      url: 'https://acme.pipedrive.com/person/123/activities?filter=planned#top',
      kind: 'contact',
      recordId: '123',
      objectType: 'person',
      source: 'designed: a sub-path, query and hash after the id (tab routes not seen in public code)',
    },
    {
      url: 'https://Acme.Pipedrive.com/organization/9876543',
      kind: 'account',
      recordId: '9876543',
      objectType: 'organization',
      source: 'host case is not significant (URL parser lower-cases it)',
    },
  ],
  nearMisses: [
    // Gotcha: lists, deals, leads and the rest of the app.
    { url: 'https://acme.pipedrive.com/persons/list', why: 'person list' },
    { url: 'https://acme.pipedrive.com/persons/list/user/12', why: 'person list filtered by owner (ringcentral hover config)' },
    { url: 'https://acme.pipedrive.com/organizations/list', why: 'organization list' },
    { url: 'https://acme.pipedrive.com/deal/7', why: 'a deal (tmetric-plugins pipedrive.ts `/deal/(\\d+)`)' },
    { url: 'https://acme.pipedrive.com/leads/inbox', why: 'Leads Inbox list' },
    {
      url: 'https://acme.pipedrive.com/leads/inbox/6b6e6f4e-3c3a-4bde-9a5e-51c2d1e0a7f1',
      why: 'a Pipedrive lead is a prospective deal linked to a person or organization, not a person',
    },
    { url: 'https://acme.pipedrive.com/activities/list', why: 'activities' },
    { url: 'https://acme.pipedrive.com/pipeline', why: 'deal pipeline' },
    { url: 'https://acme.pipedrive.com/settings/personal', why: 'settings' },
    { url: 'https://acme.pipedrive.com/person/', why: 'no id' },
    { url: 'https://acme.pipedrive.com/person/abc', why: 'not a numeric id' },
    { url: 'https://acme.pipedrive.com/person/0', why: 'ids start at 1' },
    { url: 'https://www.pipedrive.com/person/123', why: 'marketing site, not a company' },
    { url: 'https://developers.pipedrive.com/docs/api/v1/Persons', why: 'developer docs' },
    { url: 'https://api.pipedrive.com/v1/persons/123', why: 'API host' },
    { url: 'https://pipedrive.com/person/123', why: 'apex domain, no company' },
    { url: 'https://acme.pipedrive.com.evil.io/person/123', why: 'look-alike host' },
    { url: 'https://evilpipedrive.com/person/123', why: 'look-alike host' },
    { url: 'https://acme.eu.pipedrive.com/person/123', why: 'company is one DNS label' },
  ],
};
