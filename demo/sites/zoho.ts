import { html, initials, type SafeHtml } from '../html';
import { ALL_RECORDS, ZOHO_ORG, type DemoRecord } from '../records';
import { notFound, replaceOutlet, shell, type DemoSite, type DemoView } from './site';

// Zoho CRM Contacts and Accounts detail pages, with the markers of test/fixtures/crm/zoho/*.html (Zoho's
// Lyte "crux" detail page): `crm-detailview` > `crux-detailpage-wrapper`, the name in `#recHeader1`, and each
// field as a label `#field_label_<fieldId>[data-zcqa="dtVw_lbl_<COLUMN>"]` beside its value `#field_<fieldId>`.
// Column names (SMOWNERID, EMAIL, WEBSITE) are Zoho's own; the labels are what people read.

const HOST = 'crm.zoho.com';
const LABEL = 'Zoho CRM';

const zRecords: DemoRecord[] = ALL_RECORDS.filter((r) => r.crm === 'zoho');
const moduleOf = (record: DemoRecord): 'Contacts' | 'Accounts' => (record.kind === 'contact' ? 'Contacts' : 'Accounts');
export const recordPath = (record: DemoRecord): string => `/crm/${ZOHO_ORG}/tab/${moduleOf(record)}/${record.id}`;
const listPath = (module: 'Contacts' | 'Accounts'): string => `/crm/${ZOHO_ORG}/tab/${module}/custom-view/5124739000000087501/list`;

/** Zoho's field ids are org-wide numbers; the demo derives stable ones from the column name. */
const FIELD_IDS: Record<string, string> = {
  SMOWNERID: '5124739000000000553', FULLNAME: '5124739000000000555', ACCOUNTID: '5124739000000000557', EMAIL: '5124739000000000559',
  TITLE: '5124739000000000561', PHONE: '5124739000000000563', ACCOUNTNAME: '5124739000000000565', WEBSITE: '5124739000000000571',
  INDUSTRY: '5124739000000000573', BILLINGCITY: '5124739000000000575', ACCOUNTTYPE: '5124739000000000579',
};

function row(column: string, label: string, value: SafeHtml | string | undefined): SafeHtml {
  const id = FIELD_IDS[column]!;
  return html`<div class="cxDvBcInfoFormRow zc-field">
  <div class="cxDvInfoFormField zc-label" id="field_label_${id}" data-zcqa="dtVw_lbl_${column}">${label}</div>
  <div id="field_${id}" class="dvValueContainer cxDvInfoValue zc-value"><crux-detailpage-field-details>${value ?? '—'}</crux-detailpage-field-details></div>
</div>`;
}

function detailView(record: DemoRecord): DemoView {
  const account = record.accountId ? zRecords.find((r) => r.id === record.accountId) : undefined;
  const module = moduleOf(record);
  const fields =
    record.kind === 'contact'
      ? [
          row('SMOWNERID', 'Contact Owner', record.owner),
          row('FULLNAME', 'Contact Name', record.name),
          row('ACCOUNTID', 'Account Name', account ? html`<a class="cxLookupCompLink" href="${recordPath(account)}">${account.name}</a>` : undefined),
          row('EMAIL', 'Email', record.email ? html`<a href="mailto:${record.email}">${record.email}</a>` : undefined),
          row('TITLE', 'Title', record.title),
          row('PHONE', 'Phone', record.phone),
        ]
      : [
          row('SMOWNERID', 'Account Owner', record.owner),
          row('ACCOUNTNAME', 'Account Name', record.name),
          row('WEBSITE', 'Website', record.website ? html`<a href="${record.website}" target="_blank">${record.website.replace(/^https?:\/\//, '')}</a>` : undefined),
          row('ACCOUNTTYPE', 'Account Type', 'Customer'),
          row('INDUSTRY', 'Industry', record.industry),
          row('PHONE', 'Phone', record.phone),
        ];
  const contactsHere = zRecords.filter((r) => r.accountId === record.id);
  return {
    title: `${record.name} - ${module} - Zoho CRM`,
    key: recordPath(record),
    body: html`<crm-detailview class="zc-detail" data-module="${module}">
  <crux-detailpage-wrapper>
    <crux-detailpage-header class="zc-actions">
      <a class="zc-back" data-zcqa="backOneLevel" href="${listPath(module)}">&larr;</a>
      <div id="recordDetails" class="zc-bc"><span class="zc-avatar" aria-hidden="true">${initials(record.name)}</span>
        <div class="cxDvRecordRight">
          <span id="recHeader1" class="cxDvRecordHeader1 zc-name"><crux-detailpage-field-details data-zcqa="value_${record.kind === 'contact' ? 'FULLNAME' : 'ACCOUNTNAME'}">${record.name}</crux-detailpage-field-details></span>${record.kind === 'contact' && account ? html` <span class="zc-muted">- ${account.name}</span>` : ''}
          <div class="cxDvRecordEmail zc-muted">${record.email ?? ''}</div>
          <div class="zc-tags"><crm-tag-component><a href="javascript:void(0)">Add Tags</a></crm-tag-component></div>
        </div>
      </div>
      <crm-detailview-actions class="zc-buttons"><lyte-button><button type="button" class="zc-primary">Send Email</button></lyte-button><lyte-button data-zcqa="edit"><button type="button">Edit</button></lyte-button><button type="button" aria-label="More">&middot;&middot;&middot;</button></crm-detailview-actions>
    </crux-detailpage-header>
    <div class="zc-body">
      <nav class="zc-related"><h4>Related List</h4><a href="javascript:void(0)">Notes</a><a href="javascript:void(0)">Open Activities</a><a href="javascript:void(0)">Deals</a>${record.kind === 'account' ? html`<a href="javascript:void(0)">Contacts</a>` : ''}</nav>
      <div class="zc-main" id="detail_tab_content">
        <crux-detailpage-sections class="zc-section"><h3 class="cxDvSectionName">${record.kind === 'contact' ? 'Contact' : 'Account'} Information</h3><div class="zc-grid">${fields}</div></crux-detailpage-sections>
        ${record.kind === 'account'
          ? html`<crux-related-list-wrapper class="zc-section"><h3>Contacts</h3><ul class="zc-plain">${contactsHere.map((c) => html`<li><a href="${recordPath(c)}">${c.name}</a> <span class="zc-muted">${c.email ?? ''}</span></li>`)}</ul></crux-related-list-wrapper>`
          : ''}
      </div>
    </div>
  </crux-detailpage-wrapper>
</crm-detailview>`,
  };
}

function listView(module: 'Contacts' | 'Accounts'): DemoView {
  const rows = zRecords.filter((r) => moduleOf(r) === module);
  return {
    title: `${module} - Zoho CRM`,
    key: listPath(module),
    body: html`<div class="zc-list"><h1>All ${module}</h1><table class="zc-table"><thead><tr><th>Name</th><th>Owner</th></tr></thead><tbody>${rows.map(
      (r) => html`<tr><td><a href="${recordPath(r)}">${r.name}</a></td><td>${r.owner}</td></tr>`,
    )}</tbody></table></div>`,
  };
}

function view(u: URL): DemoView {
  const path = u.pathname.replace(/\/+$/, '');
  if (path === '' || path === `/crm/${ZOHO_ORG}`) return listView('Contacts');
  const list = new RegExp(`^/crm/${ZOHO_ORG}/tab/(Contacts|Accounts)/custom-view/\\d+/list$`).exec(path);
  if (list) return listView(list[1] as 'Contacts' | 'Accounts');
  const match = new RegExp(`^/crm/${ZOHO_ORG}/tab/(Contacts|Accounts)/(\\d+)$`).exec(path);
  const record = match && zRecords.find((r) => r.id === match[2] && moduleOf(r) === match[1]);
  return record ? detailView(record) : notFound(LABEL, u.pathname);
}

function page(_u: URL, v: DemoView): SafeHtml {
  return shell(
    'zoho',
    v.title,
    html`<header class="zc-top"><span class="zc-logo">CRM</span><nav><a href="/crm/${ZOHO_ORG}/tab/Home">Home</a><a href="${listPath('Contacts')}">Contacts</a><a href="${listPath('Accounts')}">Accounts</a><a href="javascript:void(0)">Deals</a></nav></header>
<main class="zc-page">${replaceOutlet(v)}</main>`,
  );
}

export const zohoSite: DemoSite = {
  crm: 'zoho',
  label: 'Zoho CRM',
  host: HOST,
  resolve: 'crm.zoho.com',
  links: [
    ...zRecords.map((r) => ({ label: `${r.name} (${moduleOf(r)})`, path: recordPath(r), record: r })),
    { label: 'All Contacts', path: listPath('Contacts'), noPanel: 'list view' },
  ],
  recordPath,
  view,
  page,
};
