import type { CrmUrlTable } from './types';

const HOST = 'crm.example.com';

export const urls: CrmUrlTable = {
  crm: 'suitecrm',
  records: [
    {
      url: 'https://crm.example.com/#/accounts/record/4c43bbc7-81ae-d013-357f-62d11e73fc21',
      kind: 'account',
      recordId: '4c43bbc7-81ae-d013-357f-62d11e73fc21',
      objectType: 'Accounts',
      source: 'SuiteCRM 8 demo in public Selenium tests: https://suite8demo.suiteondemand.com/#/accounts/record/4c43bbc7-…',
      customHost: HOST,
    },
    {
      url: 'https://crm.example.com/#/contacts/record/fd8b99cf-85d3-4dfa-8a29-4dd3144f8fed',
      kind: 'contact',
      recordId: 'fd8b99cf-85d3-4dfa-8a29-4dd3144f8fed',
      objectType: 'Contacts',
      source: 'SuiteCRM 8 record route, same grammar as accounts/leads (public Playwright snapshots)',
      customHost: HOST,
    },
    {
      url: 'https://crm.example.com/#/leads/record/43aba6cb-92cf-4ef8-b207-9333ab2e0594?offset=1&stamp=1790829804004745500',
      kind: 'contact',
      recordId: '43aba6cb-92cf-4ef8-b207-9333ab2e0594',
      objectType: 'Leads',
      source: 'public Playwright snapshot: ../#/leads/record/43aba6cb-…?offset=1&stamp=… (link from a list view)',
      customHost: HOST,
    },
    {
      url: 'http://localhost:9970/#/leads/record/58lea001-0000-4000-8000-000000000001',
      kind: 'contact',
      recordId: '58lea001-0000-4000-8000-000000000001',
      objectType: 'Leads',
      source: 'public a11y crawl of a local SuiteCRM 8: http://localhost:9970/#/leads/record/…',
      customHost: 'localhost:9970',
    },
    {
      url: 'https://crm.example.com/index.php?module=Contacts&action=DetailView&record=1b4d5a3e-8f2c-4d8e-9a7b-2c1d0e9f8a7b',
      kind: 'contact',
      recordId: '1b4d5a3e-8f2c-4d8e-9a7b-2c1d0e9f8a7b',
      objectType: 'Contacts',
      source: "SuiteCRM 7 / SugarCE core: index.php?module=Contacts&action=DetailView&record=<id> (Leads ConvertLead view)",
      customHost: HOST,
    },
    {
      url: 'https://sweet.icontel.cl/index.php?action=ajaxui#ajaxUILoc=index.php%3Fmodule%3DAccounts%26action%3DDetailView%26record%3D9d3a1c2e-1111-4a2b-8c3d-123456789abc',
      kind: 'account',
      recordId: '9d3a1c2e-1111-4a2b-8c3d-123456789abc',
      objectType: 'Accounts',
      source: 'public PHP: https://sweet.icontel.cl/index.php?action=ajaxui#ajaxUILoc=index.php%3Fmodule%3DAccounts%26action%3DDetailView%26record%3D',
      customHost: 'sweet.icontel.cl',
    },
    {
      url: 'https://crm.example.com/legacy/index.php?module=Leads&action=DetailView&record=e0c1b2a3-0000-4000-8000-000000000009',
      kind: 'contact',
      recordId: 'e0c1b2a3-0000-4000-8000-000000000009',
      objectType: 'Leads',
      source: 'SuiteCRM 8 serves SuiteCRM 7 views under /legacy/ (inferred)',
      customHost: HOST,
    },
  ],
  nearMisses: [
    { url: 'https://crm.example.com/#/accounts/index', why: 'account list', customHost: HOST },
    { url: 'http://localhost:9970/#/contacts/edit?return_module=Contacts&return_action=DetailView', why: 'create form', customHost: 'localhost:9970' },
    { url: 'https://crm.example.com/#/accounts/edit/4c43bbc7-81ae-d013-357f-62d11e73fc21', why: 'edit form', customHost: HOST },
    { url: 'https://crm.example.com/#/opportunities/record/4c43bbc7-81ae-d013-357f-62d11e73fc21', why: 'opportunity (deal)', customHost: HOST },
    { url: 'https://crm.example.com/#/home', why: 'home', customHost: HOST },
    { url: 'https://crm.example.com/index.php?module=Accounts&action=EditView&record=4c43bbc7-81ae-d013-357f-62d11e73fc21', why: 'SuiteCRM 7 edit form', customHost: HOST },
    { url: 'https://crm.example.com/index.php?module=Accounts&action=index', why: 'SuiteCRM 7 list', customHost: HOST },
    { url: 'https://crm.example.com/index.php?module=Bugs&action=DetailView&record=42', why: 'SuiteCRM 7 bug record', customHost: HOST },
    {
      url: 'https://crm.example.com/index.php?action=ajaxui#ajaxUILoc=index.php%3Fmodule%3DAccounts%26action%3Dindex%26parentTab%3DSales',
      why: 'SuiteCRM 7 AJAX UI list',
      customHost: HOST,
    },
    // Gotcha: SuiteCRM has no cloud host; without the user's host nothing is claimed.
    { url: 'https://suite8demo.suiteondemand.com/#/accounts/record/4c43bbc7-81ae-d013-357f-62d11e73fc21', why: 'host the user did not add' },
  ],
};
