import type { CrmUrlTable } from './types';

export const urls: CrmUrlTable = {
  crm: 'espocrm',
  records: [
    {
      url: 'https://cbm.espocloud.com/#Account/view/6922134e23c25fbe8',
      kind: 'account',
      recordId: '6922134e23c25fbe8',
      objectType: 'Account',
      source: 'EspoCRM Cloud host https://cbm.espocloud.com (public deploy tool); route from public code `${base}/#Account/view/${id}` and a Selenium locator a[href="#Account/view/6922134e23c25fbe8"]',
    },
    {
      url: 'https://crm.example.com/#Contact/view/5f9fe03f8b1489217',
      kind: 'contact',
      recordId: '5f9fe03f8b1489217',
      objectType: 'Contact',
      source: 'public EspoCRM AI prompt: link format #Contact/view/<id>; self-hosted',
      customHost: 'crm.example.com',
    },
    {
      url: 'http://fincrm.crm.com/#Lead/view/5f9fe03f8b1489217',
      kind: 'contact',
      recordId: '5f9fe03f8b1489217',
      objectType: 'Lead',
      source: 'public EspoCRM extension: window.location.href = "http://fincrm.crm.com/#Account/view/<id>" (Lead by the same grammar)',
      customHost: 'fincrm.crm.com',
    },
    {
      url: 'https://crm.example.com/espocrm/#Account/view/5f9fe03f8b1489217',
      kind: 'account',
      recordId: '5f9fe03f8b1489217',
      objectType: 'Account',
      source: 'EspoCRM installed under a sub-path (common on shared hosting; inferred)',
      customHost: 'crm.example.com',
    },
  ],
  nearMisses: [
    { url: 'https://cbm.espocloud.com/#Account', why: 'account list' },
    { url: 'https://cbm.espocloud.com/#Account/edit/6922134e23c25fbe8', why: 'edit form' },
    { url: 'https://cbm.espocloud.com/#Account/create', why: 'create form' },
    { url: 'https://cbm.espocloud.com/#Opportunity/view/6922134e23c25fbe8', why: 'opportunity (deal)' },
    { url: 'https://cbm.espocloud.com/#Campaign/view/6922134e23c25fbe8', why: 'campaign' },
    { url: 'https://cbm.espocloud.com/#Admin', why: 'administration' },
    { url: 'https://cbm.espocloud.com/', why: 'dashboard' },
    { url: 'https://crm.example.com/#Contact', why: 'self-hosted contact list', customHost: 'crm.example.com' },
    { url: 'https://crm.example.com/#Contact/view/5f9fe03f8b1489217', why: 'self-hosted host the user did not add' },
    { url: 'https://www.espocloud.com/#Account/view/6922134e23c25fbe8', why: 'marketing site' },
    { url: 'https://cbm.espocloud.com.evil.io/#Account/view/6922134e23c25fbe8', why: 'look-alike host' },
  ],
};
