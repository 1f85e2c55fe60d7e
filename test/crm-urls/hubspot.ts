import type { CrmUrlTable } from './types';

// Portal and record ids are made up; every host and path shape is from the source named on its row.
const RECORD = 'public code building record links: https://app.hubspot.com/contacts/<portalId>/record/0-1/<contactId>, /record/0-2/<companyId>';
const UI_DOMAIN = "account-info API `uiDomain` (the data centre's app host) seen in public code";

export const urls: CrmUrlTable = {
  crm: 'hubspot',
  records: [
    {
      url: 'https://app.hubspot.com/contacts/242733467/record/0-1/147182272479',
      kind: 'contact',
      recordId: '147182272479',
      objectType: '0-1',
      source: RECORD,
    },
    {
      url: 'https://app.hubspot.com/contacts/48656168/record/0-2/9876543210',
      kind: 'account',
      recordId: '9876543210',
      objectType: '0-2',
      source: RECORD,
    },
    {
      url: 'https://app-eu1.hubspot.com/contacts/143644884/record/0-1/51234567890',
      kind: 'contact',
      recordId: '51234567890',
      objectType: '0-1',
      source: RECORD + ' on app-eu1.hubspot.com (EU data centre, product.hubspot.com "developing an EU data center")',
    },
    {
      url: 'https://app-eu1.hubspot.com/contacts/47964451/record/0-2/11223344556',
      kind: 'account',
      recordId: '11223344556',
      objectType: '0-2',
      source: 'public code: `https://app-eu1.hubspot.com/contacts/${portalId}/record/0-2/${companyId}`',
    },
    {
      url: 'https://app-na2.hubspot.com/contacts/246777241/record/0-1/523828708059',
      kind: 'contact',
      recordId: '523828708059',
      objectType: '0-1',
      source: RECORD + '; app-na2.hubspot.com: ' + UI_DOMAIN,
    },
    {
      url: 'https://app-na3.hubspot.com/contacts/343328749/record/0-1/273899549679',
      kind: 'contact',
      recordId: '273899549679',
      objectType: '0-1',
      source: 'public code: a contact read returned "url": "https://app-na3.hubspot.com/contacts/343328749/record/0-1/273899549679"',
    },
    {
      url: 'https://app-ap1.hubspot.com/contacts/442914926/record/0-2/30511223344',
      kind: 'account',
      recordId: '30511223344',
      objectType: '0-2',
      source: RECORD + '; app-ap1.hubspot.com: ' + UI_DOMAIN + ' (dataHostingLocation "ap1")',
    },
    // Tabs, sub-paths and query strings after the id.
    {
      url: 'https://app.hubspot.com/contacts/242733467/record/0-1/147182272479/view/1',
      kind: 'contact',
      recordId: '147182272479',
      objectType: '0-1',
      source: 'public code: f"https://app.hubspot.com/contacts/{hub_id}/record/0-1/{object_id}/view/1"',
    },
    {
      url: 'https://app-eu1.hubspot.com/contacts/25662839/record/0-1/51234567890/',
      kind: 'contact',
      recordId: '51234567890',
      objectType: '0-1',
      source: 'public notes: "Contact URL: https://app-eu1.hubspot.com/contacts/25662839/record/0-1/{contact_id}/"',
    },
    {
      url: 'https://app.hubspot.com/contacts/48656168/record/0-2/9876543210?interaction=note',
      kind: 'account',
      recordId: '9876543210',
      objectType: '0-2',
      source: RECORD + ' (with a query string)',
    },
    // Legacy UI: the object's name instead of its type id.
    {
      url: 'https://app.hubspot.com/contacts/0000011/contact/00001',
      kind: 'contact',
      recordId: '00001',
      objectType: '0-1',
      source: 'jupyter-naas awesome-notebooks HubSpot_Get_contact_from_URL: EXAMPLE "https://app.hubspot.com/contacts/0000011/contact/00001"',
    },
    {
      url: 'https://app-eu1.hubspot.com/contacts/62515/contact/51/?engagement=9876543',
      kind: 'contact',
      recordId: '51',
      objectType: '0-1',
      source: 'public code: f"https://app-eu1.hubspot.com/contacts/{PORTAL_ID}/contact/{contact_id}/?engagement={id}"',
    },
    {
      url: 'https://app-na2.hubspot.com/contacts/246507261/company/184896670',
      kind: 'account',
      recordId: '184896670',
      objectType: '0-2',
      source: 'legacy /contacts/<portalId>/company/<id>, beside public code https://app-na2.hubspot.com/contacts/246507261/contact/${contactId} and .../deal/${id}',
    },
  ],
  nearMisses: [
    // Gotcha: deals, tickets, leads and custom objects share the record URL.
    { url: 'https://app.hubspot.com/contacts/48628516/record/0-3/163831689925', why: 'deal' },
    { url: 'https://app.hubspot.com/contacts/48628516/deal/163831689925', why: 'legacy deal' },
    { url: 'https://app.hubspot.com/contacts/48628516/record/0-5/2233445566', why: 'ticket' },
    { url: 'https://app.hubspot.com/contacts/48628516/ticket/2233445566', why: 'legacy ticket' },
    { url: 'https://app.hubspot.com/contacts/48628516/record/0-136/2233445566', why: 'lead object (a sales lead linked to a contact, not the person)' },
    { url: 'https://app.hubspot.com/contacts/48628516/record/2-7654321/2233445566', why: 'custom object (not read for now)' },
    // Gotcha: index pages name the object but no record.
    { url: 'https://app.hubspot.com/contacts/48628516/objects/0-1/views/all/list', why: 'contacts index' },
    { url: 'https://app.hubspot.com/contacts/48628516/objects/0-2/views/all/list', why: 'companies index' },
    { url: 'https://app.hubspot.com/contacts/48628516/objects/0-1?view-tab=all', why: 'contacts index tab' },
    { url: 'https://app.hubspot.com/contacts/48628516/contacts/list/view/all/', why: 'legacy contacts index' },
    { url: 'https://app.hubspot.com/contacts/48628516/companies/list/view/all/', why: 'legacy companies index' },
    { url: 'https://app.hubspot.com/contacts/48628516/objectLists/28908/filters', why: 'segment (list) editor' },
    { url: 'https://app.hubspot.com/contacts/48628516/record/0-1/', why: 'no record id' },
    { url: 'https://app.hubspot.com/contacts/48628516/record/0-1/new', why: 'not a numeric record id' },
    { url: 'https://app.hubspot.com/contacts/portal/record/0-1/147182272479', why: 'not a numeric portal id' },
    { url: 'https://app.hubspot.com/object-builder/48628516/0-1/embed', why: 'create-record dialog frame' },
    { url: 'https://app.hubspot.com/property-settings/48628516/properties?type=0-1', why: 'settings' },
    { url: 'https://app.hubspot.com/reports-dashboard/48628516/view/1234567', why: 'reports' },
    { url: 'https://app.hubspot.com/email/48628516/manage/state/all', why: 'marketing email' },
    { url: 'https://app.hubspot.com/tasks/48628516/view/all', why: 'tasks' },
    { url: 'https://app.hubspot.com/live-messages/48628516/inbox', why: 'inbox' },
    // Gotcha: hosts that are not a customer's app host.
    { url: 'https://www.hubspot.com/contacts/48628516/record/0-1/147182272479', why: 'marketing site' },
    { url: 'https://knowledge.hubspot.com/contacts/48628516/record/0-1/147182272479', why: 'knowledge base' },
    { url: 'https://app.hubspotqa.com/contacts/48628516/record/0-1/147182272479', why: "HubSpot's internal QA environment" },
    { url: 'https://app.hubspot.com.evil.io/contacts/48628516/record/0-1/147182272479', why: 'look-alike host' },
    { url: 'https://app-eu1.hubspot.com.example.net/contacts/48628516/record/0-2/9876543210', why: 'look-alike host' },
    { url: 'https://evilapp.hubspot.com/contacts/48628516/record/0-1/147182272479', why: 'not an app host' },
  ],
};
