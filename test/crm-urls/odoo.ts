import type { CrmUrlTable } from './types';

const ROUTER = 'odoo/odoo addons/web/static/tests/core/router.test.js ("deserialize single/multiple actions")';
const COMPANY = 'crm/odoo/partner-company.html';
const PERSON = 'crm/odoo/partner-person.html';

export const urls: CrmUrlTable = {
  crm: 'odoo',
  records: [
    {
      url: 'https://mycompany.odoo.com/odoo/contacts/14',
      kind: 'account',
      recordId: '14',
      objectType: 'res.partner',
      source: 'Odoo 18 links in public code (`${url_root}/odoo/contacts/${id}`, localhost:8069/odoo/contacts/9)',
      docFixture: COMPANY,
    },
    {
      url: 'https://mycompany.odoo.com/odoo/contacts/9',
      kind: 'contact',
      recordId: '9',
      objectType: 'res.partner',
      source: 'same shape; kind from the form',
      docFixture: PERSON,
    },
    {
      url: 'https://odoo.workinglocal.be/odoo/contacts/160440',
      kind: 'contact',
      recordId: '160440',
      objectType: 'res.partner',
      source: 'public script printing https://odoo.workinglocal.be/odoo/contacts/<partner_id> (self-hosted)',
      docFixture: PERSON,
      customHost: 'odoo.workinglocal.be',
    },
    {
      url: 'https://mycompany.odoo.com/odoo/crm/5/res.partner/14',
      kind: 'account',
      recordId: '14',
      objectType: 'res.partner',
      source: ROUTER + ': /odoo/some-path/5/some.model/2 is model record 2',
      docFixture: COMPANY,
    },
    {
      url: 'https://mycompany.odoo.com/odoo/action-base.action_partner_form/14',
      kind: 'account',
      recordId: '14',
      objectType: 'res.partner',
      source: ROUTER + ': /odoo/action-module.xml_id/2',
      docFixture: COMPANY,
    },
    {
      url: 'https://myco.odoo.com/web#id=42&model=res.partner&view_type=form',
      kind: 'contact',
      recordId: '42',
      objectType: 'res.partner',
      source: 'public Rust test: https://myco.odoo.com/web#id=42&model=res.partner&view_type=form (Odoo ≤ 17.0)',
      docFixture: PERSON,
    },
    {
      url: 'https://spa-aviation.odoo.com/web#id=7&cids=1&menu_id=122&action=275&model=res.partner&view_type=form',
      kind: 'account',
      recordId: '7',
      objectType: 'res.partner',
      source: 'public PHP: https://spa-aviation.odoo.com/web#id=…&cids=1&menu_id=122&action=275&model=res.partner&view_type=form',
      docFixture: COMPANY,
    },
    {
      url: 'http://localhost:8069/web?debug=1#id=55887&cids=1-2&menu_id=229&action=343&model=res.partner&view_type=form',
      kind: 'contact',
      recordId: '55887',
      objectType: 'res.partner',
      source: 'public issue: https://guadalstore.com/web#id=55887&cids=1-2&menu_id=229&action=343&model=res.partner&view_type=form',
      docFixture: PERSON,
      customHost: 'localhost:8069',
    },
  ],
  nearMisses: [
    // Gotcha: no doc, no kind: a partner is a person or a company only the form says which.
    { url: 'https://mycompany.odoo.com/odoo/contacts/14', why: 'partner form without the page: kind unknown' },
    { url: 'https://mycompany.odoo.com/odoo/contacts', why: 'contacts list/kanban' },
    { url: 'https://mycompany.odoo.com/odoo/contacts/new', why: 'new partner form' },
    { url: 'https://mycompany.odoo.com/odoo/contacts/14/action-123', why: 'a smart-button list opened from a partner' },
    { url: 'https://mycompany.odoo.com/odoo/crm/5', why: 'crm.lead: pipeline opportunity (deal)' },
    { url: 'https://mycompany.odoo.com/odoo/action-123/14', why: 'numeric action: model unknown' },
    { url: 'https://mycompany.odoo.com/odoo/sales/3', why: 'sale order' },
    { url: 'https://mycompany.odoo.com/odoo/res.partner/14?view_type=list', why: 'list view' },
    { url: 'https://mycompany.odoo.com/web#action=138&model=res.partner&view_type=list', why: 'legacy partner list' },
    { url: 'https://mycompany.odoo.com/web#id=&model=res.partner&view_type=form', why: 'legacy new partner form' },
    { url: 'https://mycompany.odoo.com/web#id=5&model=crm.lead&view_type=form', why: 'legacy lead/opportunity' },
    { url: 'https://www.odoo.com/odoo/contacts/14', why: "odoo.com's own site" },
    { url: 'https://mycompany.odoo.com.evil.io/odoo/contacts/14', why: 'look-alike host' },
  ],
};
