import type { CrmUrlTable } from './types';

export const urls: CrmUrlTable = {
  crm: 'insightly',
  records: [
    {
      url: 'https://crm.na1.insightly.com/list/Contact/?blade=/details/contact/301234567',
      kind: 'contact',
      recordId: '301234567',
      objectType: 'Contact',
      source: 'public CTI code: https://${hostname}/list/Contact/?blade=/details/contact/${id}; zxdong262/insightly-embeddable-ringcentral-phone src/config.js (?blade=/details/contact)',
    },
    {
      url: 'https://crm.na1.insightly.com/list/Organisation/?blade=/details/organisation/188765432',
      kind: 'account',
      recordId: '188765432',
      objectType: 'Organisation',
      source: 'public MCP app: record https://crm.{pod}.insightly.com/list/Organisation/?blade=/details/organisation/{id}',
    },
    {
      url: 'https://crm.na1.insightly.com/list/Lead/?blade=/details/lead/55501234',
      kind: 'contact',
      recordId: '55501234',
      objectType: 'Lead',
      source: 'public CTI code: /list/Lead/?blade=/details/lead/${id}',
    },
    {
      url: 'https://crm.na1.insightly.com/details/Lead/55501234',
      kind: 'contact',
      recordId: '55501234',
      objectType: 'Lead',
      source: 'public config: buildLeadUrl(id) = https://crm.na1.insightly.com/details/Lead/${id}',
    },
    {
      url: 'https://crm.eu1.insightly.com/details/Contact/301234567',
      kind: 'contact',
      recordId: '301234567',
      objectType: 'Contact',
      source: 'full-page /details/<Object>/<id> (public Nova field base https://crm.na1.insightly.com/details/%s/); eu1 pod inferred',
    },
    {
      url: 'https://crm.na1.insightly.com/details/organisation/188765432',
      kind: 'account',
      recordId: '188765432',
      objectType: 'Organisation',
      source: 'same grammar, lower case as in blade paths',
    },
    {
      url: 'https://crm.na1.insightly.com/Contacts/Details/301234567',
      kind: 'contact',
      recordId: '301234567',
      objectType: 'Contact',
      source: 'older page shape: insightly-embeddable-ringcentral-phone matches a[href*="/Contacts/Details/"]',
    },
  ],
  nearMisses: [
    { url: 'https://crm.na1.insightly.com/list/Contact/', why: 'contact list' },
    { url: 'https://crm.na1.insightly.com/list/Organisation/', why: 'organisation list' },
    { url: 'https://crm.na1.insightly.com/list/Opportunity/?blade=/details/opportunity/12345', why: 'opportunity blade' },
    { url: 'https://crm.na1.insightly.com/details/Opportunity/12345', why: 'opportunity (deal)' },
    { url: 'https://crm.na1.insightly.com/details/project/12345', why: 'project' },
    { url: 'https://crm.na1.insightly.com/details/task/12345', why: 'task (tmetric matches these)' },
    // Gotcha: an open blade is the record on screen, even over another record's page.
    { url: 'https://crm.na1.insightly.com/details/Contact/301234567?blade=/details/task/12345', why: 'task blade over a contact' },
    { url: 'https://crm.na1.insightly.com/details/Contact/new', why: 'no record id' },
    { url: 'https://www.insightly.com/details/Contact/301234567', why: 'marketing site' },
    { url: 'https://api.na1.insightly.com/v3.1/Contacts/301234567', why: 'API host' },
    { url: 'https://crm.na1.insightly.com.evil.io/details/Contact/301234567', why: 'look-alike host' },
  ],
};
