import { html, initials, type SafeHtml } from '../html';
import { ALL_RECORDS, DYNAMICS_APP_ID, type DemoRecord } from '../records';
import { notFound, replaceOutlet, shell, type DemoSite, type DemoView } from './site';

// A Dynamics 365 model-driven app: every page is `/main.aspx?appid=…&pagetype=…&etn=…&id=…`, navigation
// only changes the query. The form has the markers of test/fixtures/crm/dynamics/*.html: the root
// `[data-id=editFormRoot]` inside a `.session`, the title `h1[data-id=header_title]` ending in "- Saved",
// `span[data-id=entity_name_span]`, the header owner lookup
// `[data-id="header_ownerid.fieldControl-LookupResultsDropdown_ownerid_selected_tag_text"]` and field
// controls `<logicalname>.fieldControl-<control>`.

const HOST = 'acme.crm.dynamics.com';
const LABEL = 'Dynamics 365';

const dRecords: DemoRecord[] = ALL_RECORDS.filter((r) => r.crm === 'dynamics');
const etnOf = (record: DemoRecord): 'account' | 'contact' => record.kind;
export const recordPath = (record: DemoRecord): string =>
  `/main.aspx?appid=${DYNAMICS_APP_ID}&pagetype=entityrecord&etn=${etnOf(record)}&id=${record.id}`;
const listPath = (etn: 'account' | 'contact'): string =>
  `/main.aspx?appid=${DYNAMICS_APP_ID}&pagetype=entitylist&etn=${etn}&viewid=00000000-0000-0000-00aa-000010001001&viewType=1039`;

function textField(logical: string, label: string, value: string | undefined, control = 'text-box-text'): SafeHtml {
  return html`<div class="dx-field" data-id="${logical}"><label class="dx-label" for="id-${logical}">${label}</label><input class="dx-input" id="id-${logical}" data-id="${logical}.fieldControl-${control}" value="${value ?? ''}" readonly></div>`;
}

function lookupField(logical: string, label: string, value: string | undefined, href?: string): SafeHtml {
  return html`<div class="dx-field" data-id="${logical}"><span class="dx-label">${label}</span><div class="dx-lookup" data-id="${logical}.fieldControl-LookupResultsDropdown_${logical}_selected_tag_text">${href ? html`<a href="${href}">${value ?? ''}</a>` : value ?? '---'}</div></div>`;
}

function recordView(record: DemoRecord): DemoView {
  const entity = record.kind === 'account' ? 'Account' : 'Contact';
  const account = record.accountId ? dRecords.find((r) => r.id === record.accountId) : undefined;
  const people = dRecords.filter((r) => r.accountId === record.id);
  const fields =
    record.kind === 'account'
      ? [textField('name', 'Account Name', record.name), textField('telephone1', 'Phone', record.phone, 'phone-text-input'), textField('websiteurl', 'Website', record.website, 'url-text-input'), textField('address1_city', 'Address 1: City', record.city)]
      : [textField('fullname', 'Full Name', record.name), textField('jobtitle', 'Job Title', record.title), lookupField('parentcustomerid', 'Account Name', account?.name, account && recordPath(account)), textField('emailaddress1', 'Email', record.email, 'mail-text-input'), textField('mobilephone', 'Mobile Phone', record.phone, 'phone-text-input')];
  return {
    title: `${entity}: ${record.name} - Dynamics 365`,
    key: `${record.kind}:${record.id}`,
    body: html`<div class="dx-form" data-id="editFormRoot">
  <div class="dx-commandbar" role="menubar">${['Save', 'Save & Close', '+ New', 'Deactivate', 'Assign', 'Share'].map((c) => html`<button type="button" role="menuitem">${c}</button>`)}</div>
  <div data-id="form-header" id="headerContainer" class="dx-header">
    <div class="dx-entity-image" aria-hidden="true">${initials(record.name)}</div>
    <div class="dx-header-title">
      <h1 data-id="header_title" title="${record.name}">${record.name}<span class="dx-saved"> - Saved</span></h1>
      <span data-id="entity_name_span" class="dx-entity-name">${entity}</span> <span class="dx-muted">&middot; ${entity}${record.kind === 'contact' ? ' Form' : ''}</span>
    </div>
    <div class="dx-header-fields">
      ${record.kind === 'account' ? html`<div class="dx-header-field"><div class="dx-strong">${record.industry ?? '---'}</div><div class="dx-muted">Industry</div></div>` : ''}
      <div class="dx-header-field" data-id="header_ownerid"><div class="dx-strong"><span class="dx-owner-avatar" aria-hidden="true">${initials(record.owner)}</span><span data-id="header_ownerid.fieldControl-LookupResultsDropdown_ownerid_selected_tag_text">${record.owner}</span></div><div class="dx-muted">Owner</div></div>
    </div>
  </div>
  <div class="dx-tabs" role="tablist"><button type="button" role="tab" aria-selected="true">Summary</button><button type="button" role="tab" aria-selected="false">Details</button><button type="button" role="tab" aria-selected="false">Related</button></div>
  <div class="dx-body">
    <section class="dx-section"><h2>${entity.toUpperCase()} INFORMATION</h2>${fields}</section>
    <section class="dx-section"><h2>Timeline</h2><p class="dx-muted">Almost there: no activities yet.</p></section>
    ${record.kind === 'account'
      ? html`<section class="dx-section"><h2>Contacts</h2><ul class="dx-plain">${people.map((p) => html`<li><a href="${recordPath(p)}">${p.name}</a></li>`)}</ul></section>`
      : ''}
  </div>
</div>`,
  };
}

function listView(etn: 'account' | 'contact'): DemoView {
  const rows = dRecords.filter((r) => etnOf(r) === etn);
  const plural = etn === 'account' ? 'Accounts' : 'Contacts';
  return {
    title: `My Active ${plural} - Dynamics 365`,
    key: `list:${etn}`,
    body: html`<div class="dx-list"><h1>My Active ${plural}</h1><table class="dx-table" role="grid"><thead><tr><th>Name</th><th>Owner</th></tr></thead><tbody>${rows.map(
      (r) => html`<tr><td><a href="${recordPath(r)}">${r.name}</a></td><td>${r.owner}</td></tr>`,
    )}</tbody></table></div>`,
  };
}

function view(u: URL): DemoView {
  if (u.pathname === '/' || u.pathname === '') return listView('account');
  if (u.pathname !== '/main.aspx') return notFound(LABEL, u.pathname);
  const pagetype = u.searchParams.get('pagetype');
  const etn = u.searchParams.get('etn');
  if (pagetype === 'entitylist' && (etn === 'account' || etn === 'contact')) return listView(etn);
  if (pagetype === 'entityrecord') {
    const id = (u.searchParams.get('id') ?? '').replace(/[{}]/g, '').toLowerCase();
    const record = dRecords.find((r) => r.id === id && etnOf(r) === etn);
    if (record) return recordView(record);
  }
  return notFound(LABEL, `${u.pathname}${u.search}`);
}

function page(_u: URL, v: DemoView): SafeHtml {
  return shell(
    'dynamics',
    v.title,
    html`<header class="dx-top"><span class="dx-waffle" aria-hidden="true">&#9638;</span><span class="dx-app">Dynamics 365</span><span class="dx-divider">|</span><span>Sales Hub</span></header>
<div class="dx-shell">
  <nav class="dx-sitemap" aria-label="Site map"><h4>Customers</h4><a href="${listPath('account')}">Accounts</a><a href="${listPath('contact')}">Contacts</a></nav>
  <main class="dx-main" id="mainContent"><div class="session">${replaceOutlet(v)}</div></main>
</div>`,
  );
}

export const dynamicsSite: DemoSite = {
  crm: 'dynamics',
  label: 'Dynamics 365',
  host: HOST,
  resolve: '*.dynamics.com',
  links: [
    ...dRecords.map((r) => ({ label: `${r.name} (${r.kind})`, path: recordPath(r), record: r })),
    { label: 'My Active Accounts', path: listPath('account'), noPanel: 'list view' },
  ],
  recordPath,
  view,
  page,
};
