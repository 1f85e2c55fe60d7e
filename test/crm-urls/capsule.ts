import type { CrmUrlTable } from './types';

const PARTY = 'Capsule party pages https://<account>.capsulecrm.com/party/<id> (public mailers, specs, a WideFM extension README)';

export const urls: CrmUrlTable = {
  crm: 'capsule',
  records: [
    {
      url: 'https://energysparks.capsulecrm.com/party/1234',
      kind: 'contact',
      recordId: '1234',
      objectType: 'person',
      source: PARTY + "; public RSpec have_link('View Contact', href: 'https://energysparks.capsulecrm.com/party/1234')",
      docFixture: 'crm/capsule/party-person.html',
    },
    {
      url: 'https://slackspace.capsulecrm.com/party/272828446',
      kind: 'account',
      recordId: '272828446',
      objectType: 'organisation',
      source: PARTY + '; public spec: crm_link https://slackspace.capsulecrm.com/party/272828446 for an organisation',
      docFixture: 'crm/capsule/party-organisation.html',
    },
  ],
  nearMisses: [
    // Gotcha: people and organisations share /party/<id>; without the page the kind is unknown.
    { url: 'https://energysparks.capsulecrm.com/party/1234', why: 'party page without the page: kind unknown' },
    { url: 'https://slackspace.capsulecrm.com/party/organisation/new', why: 'new organisation form' },
    { url: 'https://rethinkdb.capsulecrm.com/party/1234/edit', why: 'edit form' },
    { url: 'https://cosecsatrainees.capsulecrm.com/parties', why: 'party list' },
    { url: 'https://energysparks.capsulecrm.com/opportunity/5678', why: 'opportunity (deal)' },
    { url: 'https://acme.capsulecrm.com/pipeline', why: 'pipeline' },
    { url: 'https://api.capsulecrm.com/api/v2/parties/11587', why: 'API host' },
    { url: 'https://capsulecrm.com/party/1234', why: 'marketing site' },
    { url: 'https://energysparks.capsulecrm.com.evil.io/party/1234', why: 'look-alike host' },
  ],
};
