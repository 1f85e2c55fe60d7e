import type { CrmUrlTable } from './types';

export const urls: CrmUrlTable = {
  crm: 'freshsales',
  records: [
    {
      url: 'https://genwisecrm.myfreshworks.com/crm/sales/contacts/402174876038',
      kind: 'contact',
      recordId: '402174876038',
      objectType: 'contacts',
      source: 'public test notes: CRM link https://genwisecrm.myfreshworks.com/crm/sales/contacts/<id>',
    },
    {
      url: 'https://railflow.myfreshworks.com/crm/sales/accounts/16000123456',
      kind: 'account',
      recordId: '16000123456',
      objectType: 'accounts',
      source: 'public Slack notifier: https://railflow.myfreshworks.com/crm/sales/accounts/${account.id}',
    },
    {
      url: 'https://appscode.freshsales.io/leads/5022967942',
      kind: 'contact',
      recordId: '5022967942',
      objectType: 'leads',
      source: 'public Go client comment: https://appscode.freshsales.io/leads/5022967942 (classic Freshsales)',
    },
    {
      url: 'https://acme.freshsales.io/contacts/5000123456',
      kind: 'contact',
      recordId: '5000123456',
      objectType: 'contacts',
      source: 'classic Freshsales, same shape as /leads/<id> (inferred)',
    },
    {
      url: 'https://acme.freshsales.io/accounts/5000654321',
      kind: 'account',
      recordId: '5000654321',
      objectType: 'accounts',
      source: 'classic Freshsales, same shape as /leads/<id> (inferred)',
    },
  ],
  nearMisses: [
    // Gotcha: /view/<id> is a saved list view, its id is the view's.
    { url: 'https://acme.myfreshworks.com/crm/sales/contacts/view/31000123', why: 'contact list view' },
    { url: 'https://acme.myfreshworks.com/crm/sales/accounts/view/7', why: 'account list view' },
    { url: 'https://acme.freshsales.io/leads/view/4000831345', why: 'classic lead list view' },
    { url: 'https://acme.freshsales.io/#/leads/view/5000123456', why: 'classic hash-routed list view' },
    { url: 'https://railflow.myfreshworks.com/crm/sales/deals/16000999', why: 'deal' },
    { url: 'https://acme.myfreshworks.com/crm/sales/contacts/bulk_forget', why: 'not a record id' },
    { url: 'https://acme.myfreshworks.com/contacts/402174876038', why: 'suite host outside /crm/sales/' },
    { url: 'https://acme.myfreshworks.com/crm/sales/settings', why: 'settings' },
    { url: 'https://www.freshsales.io/contacts/5000123456', why: 'marketing site' },
    { url: 'https://acme.freshsales.io/api/contacts/view/8000666352', why: 'API' },
    { url: 'https://acme.myfreshworks.com.evil.io/crm/sales/contacts/402174876038', why: 'look-alike host' },
  ],
};
