import type { CrmUrlTable } from './types';

// Org names are made up; every host and path shape is from the source named on its row.
const NEW_URL_FORMAT =
  'developer.salesforce.com/blogs/2018/01/heres-need-know-new-url-format-lightning.html: record view https://<lightning.domain.com>/lightning/r/Account/<recordID>/view';
const DOMAINS = 'forcedotcom/sfdx-core test/unit/util/sfdcUrlTest.ts, "official test cases from domains team" (toLightningDomain)';
const CLASSIC = 'tprouvot/Salesforce-Inspector-reloaded addon/popup.js getRecordId: Classic path /<15- or 18-char id> on the org host';
const CONSOLE =
  'public Selenium test: https://<org>--sittest.lightning.force.com/lightning/r/Account/001c000002JvBrCAAV/view?ws=%2Flightning%2Fr%2FOrder%2F8013K000000EBx3QAG%2Fview (ws = the workspace tab, path = the focused tab)';

const ACCOUNT = '0010c00001vlGl5AAE';
const ACCOUNT_15 = '001D000000IqhSL';
const CONTACT = '0035i0000KEia8dAQB';
const CONTACT_15 = '003D000000QOMHK';
const LEAD = '00Q2w00000U1CNTEA3';
const OPPORTUNITY = '0068c00000ZvCDnAAN';

export const urls: CrmUrlTable = {
  crm: 'salesforce',
  records: [
    // Lightning Experience, production My Domain.
    {
      url: `https://acme.lightning.force.com/lightning/r/Account/${ACCOUNT}/view`,
      kind: 'account',
      recordId: ACCOUNT,
      objectType: 'Account',
      source: NEW_URL_FORMAT,
    },
    {
      url: `https://acme.lightning.force.com/lightning/r/Contact/${CONTACT}/view`,
      kind: 'contact',
      recordId: CONTACT,
      objectType: 'Contact',
      source: NEW_URL_FORMAT + '; Contact: public Java test https://<org>-dev-ed.develop.lightning.force.com/lightning/r/Contact/0035i0000KEia8dAQB/view',
    },
    {
      // A lead is a person not yet converted: a contact.
      url: `https://acme.lightning.force.com/lightning/r/Lead/${LEAD}/view`,
      kind: 'contact',
      recordId: LEAD,
      objectType: 'Lead',
      source: NEW_URL_FORMAT + '; Lead: public Selenium test .../lightning/r/Lead/00Q2w00000U1CNTEA3/view',
    },
    {
      // A person account has the same URL as a business account (help.salesforce.com, person accounts are Accounts).
      url: 'https://acme.lightning.force.com/lightning/r/Account/001D000000IqhSLIAZ/view',
      kind: 'account',
      recordId: '001D000000IqhSLIAZ',
      objectType: 'Account',
      source: NEW_URL_FORMAT + '; person accounts live on the Account object (crm-dom-notes.md, Person Account vs business Account)',
    },
    {
      // No object name: Salesforce resolves the object from the id's key prefix.
      url: `https://acme.lightning.force.com/lightning/r/${CONTACT}/view`,
      kind: 'contact',
      recordId: CONTACT,
      objectType: 'Contact',
      source: 'public Playwright scraper: "Contact record URLs in the list view use the form /lightning/r/{RecordId}/view (no object-type name in the path)"',
    },
    {
      url: `https://acme.lightning.force.com/lightning/app/06m5g000001KXqPAAW/r/Account/${ACCOUNT}/view`,
      kind: 'account',
      recordId: ACCOUNT,
      objectType: 'Account',
      source:
        'developer.salesforce.com Lightning Aura Components guide, pageReference types: standard__app URL format /lightning/app/{appTarget}{...pageRef}, "Navigate to an object record\'s page in the app using the appId"',
    },
    {
      url: `https://acme.lightning.force.com/lightning/r/Contact/${CONTACT}/view/`,
      kind: 'contact',
      recordId: CONTACT,
      objectType: 'Contact',
      source: NEW_URL_FORMAT + ' (trailing slash)',
    },
    {
      url: `https://acme.lightning.force.com/lightning/r/Account/${ACCOUNT}/view?ws=%2Flightning%2Fr%2FOrder%2F8013K000000EBx3QAG%2Fview`,
      kind: 'account',
      recordId: ACCOUNT,
      objectType: 'Account',
      source: CONSOLE,
    },
    {
      // Console subtab: the focused Contact inside an Account workspace tab.
      url: `https://acme--sittest.lightning.force.com/lightning/r/Contact/${CONTACT}/view?ws=%2Flightning%2Fr%2FAccount%2F${ACCOUNT}%2Fview`,
      kind: 'contact',
      recordId: CONTACT,
      objectType: 'Contact',
      source: CONSOLE + '; sandbox host without enhanced domains <org>--<sandbox>.lightning.force.com (same test; sfdx-core org62--sbox1)',
    },
    {
      url: `https://acme.lightning.force.com/one/one.app#/sObject/${ACCOUNT}/view`,
      kind: 'account',
      recordId: ACCOUNT,
      objectType: 'Account',
      source: NEW_URL_FORMAT + ' (original format /one/one.app#/sObject/<recordID>/view)',
    },
    // Enhanced domains: sandbox, Developer Edition, scratch, demo, Trailhead playground partitions.
    {
      url: `https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/${ACCOUNT}/view`,
      kind: 'account',
      recordId: ACCOUNT,
      objectType: 'Account',
      source: DOMAINS + ': org62--sbox1.sandbox.lightning.force.com; public Playwright test .../lightning/r/Account/0010c00001vlGl5AAE/view on <org>--sit.sandbox.lightning.force.com',
    },
    {
      url: `https://acme-dev-ed.develop.lightning.force.com/lightning/r/Lead/${LEAD}/view`,
      kind: 'contact',
      recordId: LEAD,
      objectType: 'Lead',
      source: DOMAINS + ': org62.develop.lightning.force.com; Developer Edition names end in -dev-ed (public Selenium test <org>-dev-ed.develop.lightning.force.com/lightning/r/Lead/…)',
    },
    {
      url: `https://site-flow-1234.scratch.lightning.force.com/lightning/r/Contact/${CONTACT}/view`,
      kind: 'contact',
      recordId: CONTACT,
      objectType: 'Contact',
      source: DOMAINS + ': org62.scratch.lightning.force.com',
    },
    {
      url: `https://acme.demo.lightning.force.com/lightning/r/Account/${ACCOUNT}/view`,
      kind: 'account',
      recordId: ACCOUNT,
      objectType: 'Account',
      source: DOMAINS + ': org62.demo.lightning.force.com',
    },
    {
      url: `https://curious-otter-abc123.trailblaze.lightning.force.com/lightning/r/Contact/${CONTACT}/view`,
      kind: 'contact',
      recordId: CONTACT,
      objectType: 'Contact',
      source: DOMAINS + ': org62.trailblaze.lightning.force.com (Trailhead playgrounds)',
    },
    // Government Cloud Plus and the China edition.
    {
      url: `https://acme.lightning.crmforce.mil/lightning/r/Account/${ACCOUNT}/view`,
      kind: 'account',
      recordId: ACCOUNT,
      objectType: 'Account',
      source: DOMAINS + ': org62.my.salesforce.mil -> org62.lightning.crmforce.mil',
    },
    {
      url: `https://acme--sbx.sandbox.lightning.crmforce.mil/lightning/r/Lead/${LEAD}/view`,
      kind: 'contact',
      recordId: LEAD,
      objectType: 'Lead',
      source: DOMAINS + ': org62--sbox1.sandbox.lightning.crmforce.mil',
    },
    {
      url: `https://acme.lightning.sfcrmapps.cn/lightning/r/Contact/${CONTACT}/view`,
      kind: 'contact',
      recordId: CONTACT,
      objectType: 'Contact',
      source: DOMAINS + ' (cnEdition): foo.my.sfcrmproducts.cn -> foo.lightning.sfcrmapps.cn',
    },
    // Salesforce Classic: the id is the path.
    {
      url: `https://acme.my.salesforce.com/${ACCOUNT_15}`,
      kind: 'account',
      recordId: ACCOUNT_15,
      objectType: 'Account',
      source: CLASSIC,
    },
    {
      url: `https://acme.my.salesforce.com/${CONTACT_15}`,
      kind: 'contact',
      recordId: CONTACT_15,
      objectType: 'Contact',
      source: CLASSIC,
    },
    {
      url: 'https://acme.my.salesforce.com/00Q2w00000U1CNT',
      kind: 'contact',
      recordId: '00Q2w00000U1CNT',
      objectType: 'Lead',
      source: CLASSIC,
    },
    {
      url: `https://acme--uat.sandbox.my.salesforce.com/${ACCOUNT}`,
      kind: 'account',
      recordId: ACCOUNT,
      objectType: 'Account',
      source: CLASSIC + '; ' + DOMAINS + ': org62--sbox1.sandbox.my.salesforce.com',
    },
    {
      url: `https://acme--uat.my.salesforce.com/${CONTACT_15}`,
      kind: 'contact',
      recordId: CONTACT_15,
      objectType: 'Contact',
      source: CLASSIC + '; ' + DOMAINS + ': sandbox without enhanced domains org62--sbox1.my.salesforce.com',
    },
    {
      url: `https://acme-dev-ed.develop.my.salesforce.com/${ACCOUNT_15}`,
      kind: 'account',
      recordId: ACCOUNT_15,
      objectType: 'Account',
      source: CLASSIC + '; ' + DOMAINS + ': org62.develop.my.salesforce.com',
    },
    {
      url: `https://acme.my.salesforce.mil/${CONTACT_15}`,
      kind: 'contact',
      recordId: CONTACT_15,
      objectType: 'Contact',
      source: CLASSIC + ' (checks .salesforce.mil); ' + DOMAINS + ': org62.my.salesforce.mil',
    },
    {
      url: `https://acme.my.sfcrmproducts.cn/${ACCOUNT_15}`,
      kind: 'account',
      recordId: ACCOUNT_15,
      objectType: 'Account',
      source: CLASSIC + ' ("Hyperforce China Lightning & Classic", .sfcrmproducts.cn); ' + DOMAINS + ': foo.my.sfcrmproducts.cn',
    },
  ],
  nearMisses: [
    // Gotcha: Lightning object pages name the object but no record.
    { url: 'https://acme.lightning.force.com/lightning/o/Account/list?filterName=Recent', why: 'list view' },
    { url: 'https://acme.lightning.force.com/lightning/o/Contact/home', why: 'object home (the new-format /lightning/o/Account/home)' },
    { url: 'https://acme.lightning.force.com/lightning/o/Account/new?count=1', why: 'new-record form' },
    { url: 'https://acme.lightning.force.com/lightning/o/Lead/new', why: 'new-lead form' },
    // Gotcha: a record id in the path does not make a record view.
    { url: `https://acme.lightning.force.com/lightning/r/Account/${ACCOUNT}/edit`, why: 'edit form' },
    { url: `https://acme.lightning.force.com/lightning/r/Contact/${CONTACT}/clone`, why: 'clone form' },
    { url: `https://acme.lightning.force.com/lightning/r/Account/${ACCOUNT}/related/Contacts/view`, why: 'related list of an account' },
    {
      url: `https://acme.lightning.force.com/lightning/r/${ACCOUNT}/related/Contacts/view?ws=%2Flightning%2Fr%2FAccount%2F${ACCOUNT}%2Fview`,
      why: 'related list in a console subtab (ws names the account workspace, the path is the list)',
    },
    {
      url: `https://acme.lightning.force.com/lightning/r/Opportunity/${OPPORTUNITY}/view?ws=%2Flightning%2Fr%2FAccount%2F${ACCOUNT}%2Fview`,
      why: 'opportunity subtab inside an account workspace: ws is not the focused record',
    },
    { url: `https://acme.lightning.force.com/lightning/r/Opportunity/${OPPORTUNITY}/view`, why: 'opportunity (a deal)' },
    { url: `https://acme.lightning.force.com/lightning/r/${OPPORTUNITY}/view`, why: 'opportunity id without object name' },
    { url: 'https://acme.lightning.force.com/lightning/r/Case/5005g00000AbCdEAAV/view', why: 'case' },
    { url: 'https://acme.lightning.force.com/lightning/r/User/0058e000001VnJ5AAK/view', why: 'a user (an owner), not an account' },
    { url: `https://acme.lightning.force.com/lightning/r/Contact/${ACCOUNT}/view`, why: 'object name and id prefix disagree' },
    { url: 'https://acme.lightning.force.com/lightning/r/Report/00O5g000004ABCDEA2/view', why: 'report' },
    { url: 'https://acme.lightning.force.com/lightning/r/Dashboard/01Zfj000004qUPVEA2/view', why: 'dashboard' },
    { url: 'https://acme.lightning.force.com/lightning/setup/ObjectManager/Account/FieldsAndRelationships/view', why: 'setup' },
    { url: 'https://acme.lightning.force.com/lightning/setup/SetupOneHome/home', why: 'setup home' },
    { url: 'https://acme.lightning.force.com/lightning/page/home', why: 'home page' },
    { url: 'https://acme.lightning.force.com/lightning/page/chatter', why: 'chatter' },
    { url: 'https://acme.lightning.force.com/lightning/n/Account_Health', why: 'custom tab' },
    {
      url: `https://acme.lightning.force.com/lightning/cmp/c__relatedRecordsPage?c__id=${ACCOUNT}`,
      why: 'component page carrying an account id in its query',
    },
    { url: 'https://acme.lightning.force.com/one/one.app#/sObject/Account/home', why: 'old-format object home' },
    // Gotcha: Classic tab homes, forms and list views start with the key prefix too.
    { url: 'https://acme.my.salesforce.com/001/o', why: 'Classic accounts tab home' },
    { url: 'https://acme.my.salesforce.com/003/o', why: 'Classic contacts tab home' },
    { url: 'https://acme.my.salesforce.com/001/e?retURL=%2F001%2Fo', why: 'Classic new-account form' },
    { url: `https://acme.my.salesforce.com/${ACCOUNT_15}/e?retURL=%2F${ACCOUNT_15}`, why: 'Classic edit form' },
    { url: 'https://acme.my.salesforce.com/001?fcf=00B5g00000ABCDE', why: 'Classic list view' },
    { url: `https://acme.my.salesforce.com/${ACCOUNT_15}/p`, why: 'Classic printable view' },
    { url: 'https://acme.my.salesforce.com/006D000000AbCdE', why: 'Classic opportunity' },
    { url: 'https://acme.my.salesforce.com/00OD0000001ABCD', why: 'Classic report' },
    { url: 'https://acme.my.salesforce.com/home/home.jsp', why: 'Classic home' },
    { url: 'https://acme.my.salesforce.com/_ui/search/ui/UnifiedSearchResults?str=acme', why: 'Classic search results' },
    { url: `https://acme.my.salesforce.com/apex/AccountSummary?id=${ACCOUNT_15}`, why: 'Visualforce page on the org host' },
    // Gotcha: Salesforce hosts that never show the record page, and look-alikes.
    { url: `https://acme--c.vf.force.com/apex/AccountSummary?id=${ACCOUNT}`, why: 'Visualforce host' },
    { url: `https://acme.my.site.com/s/account/${ACCOUNT}/acme-corporation`, why: 'Experience Cloud site, not the CRM' },
    { url: 'https://acme.my.salesforce-setup.com/lightning/setup/SetupOneHome/home', why: 'Setup host' },
    { url: `https://na123.salesforce.com/${ACCOUNT_15}`, why: 'instanced host: redirects to the org My Domain, where the record renders' },
    { url: `https://login.salesforce.com/${ACCOUNT_15}`, why: 'login host' },
    { url: `https://www.salesforce.com/lightning/r/Account/${ACCOUNT}/view`, why: 'marketing site' },
    { url: `https://acme.cloudforce.com/${ACCOUNT_15}`, why: 'legacy cloudforce.com My Domain, retired by enhanced domains (enforced Winter 24)' },
    { url: `https://lightning.force.com/lightning/r/Account/${ACCOUNT}/view`, why: 'no My Domain name' },
    { url: `https://acme.lightning.force.com.evil.io/lightning/r/Account/${ACCOUNT}/view`, why: 'look-alike host' },
    { url: `https://lightning.force.com.example.net/lightning/r/Account/${ACCOUNT}/view`, why: 'look-alike host' },
    { url: `https://salesforce.com.evil.io/${ACCOUNT_15}`, why: 'look-alike host' },
    { url: `https://acme.my.salesforce.com.example.net/${ACCOUNT_15}`, why: 'look-alike host' },
    { url: `https://evilmy.salesforce.com/${ACCOUNT_15}`, why: 'not a My Domain host' },
    { url: `http://acme.lightning.force.com/lightning/r/Account/${ACCOUNT}/view`, why: 'plain HTTP' },
  ],
};
