import { html, initials, type SafeHtml } from '../html';
import { ALL_RECORDS, type DemoRecord } from '../records';
import { notFound, replaceOutlet, shell, type DemoSite, type DemoView } from './site';

// Pipedrive person and organization pages, with the markers of test/fixtures/crm/pipedrive/*.html (the DOM
// the adapter's reader is tested on): `.viewContainer` > `.detailView.personDetails` /
// `.organizationDetails`, the name in the `[data-testid=header-title]` textarea, the owner in
// `[data-test=owner-name]`, email and website in `[data-test=email-label]` / `[data-test=website-label]`.

const HOST = 'acme.pipedrive.com';
const LABEL = 'Pipedrive';

const pdRecords: DemoRecord[] = ALL_RECORDS.filter((r) => r.crm === 'pipedrive');

export const recordPath = (record: DemoRecord): string => `/${record.kind === 'contact' ? 'person' : 'organization'}/${record.id}`;
const DEAL = { id: '1002', title: 'Umbrella Corporation deal', value: '€12,500' };

function infoRow(label: string, value: SafeHtml | string | undefined): SafeHtml {
  return html`<div class="item pd-info-row"><span class="label pd-info-label">${label}</span><span class="pd-info-value">${value ?? ''}</span></div>`;
}

function detailView(record: DemoRecord): DemoView {
  const org = record.accountId ? pdRecords.find((r) => r.id === record.accountId) : undefined;
  const people = pdRecords.filter((r) => r.accountId === record.id);
  const kindClass = record.kind === 'contact' ? 'personDetails' : 'organizationDetails';
  return {
    title: `${record.name} - ${record.kind === 'contact' ? 'person' : 'organization'} - Pipedrive`,
    key: recordPath(record),
    body: html`<div class="detailView ${kindClass}">
  <header class="pd-header" data-testid="detail-header">
    <div class="pd-avatar" aria-hidden="true">${initials(record.name)}</div>
    <div data-testid="header-title" class="pd-header-title"><textarea aria-label="Name" rows="1" readonly>${record.name}</textarea></div>
    <div class="pd-owner"><span class="pd-owner-avatar" aria-hidden="true">${initials(record.owner)}</span><span data-test="owner-name" class="pd-owner-name">${record.owner}</span><span class="pd-muted">Owner</span></div>
    <button type="button" class="pd-button pd-button-primary">+ Deal</button>
  </header>
  <div class="pd-body">
    <div class="pd-sidebar">
      <div class="infoBlock"><h3>Summary</h3>
        ${record.kind === 'contact'
          ? [
              infoRow('Organization', org ? html`<a href="${recordPath(org)}">${org.name}</a>` : undefined),
              infoRow('Phone', record.phone ? html`<a data-test="phone-label" href="callto:${record.phone}">${record.phone}</a>` : undefined),
              infoRow('Email', record.email ? html`<span data-test="email-label"><a href="mailto:${record.email}">${record.email}</a></span>` : undefined),
            ]
          : [
              infoRow('Address', record.city),
              infoRow('Website', record.website ? html`<span data-test="website-label"><a href="${record.website}">${record.website.replace(/^https?:\/\//, '')}</a></span>` : undefined),
            ]}
      </div>
      ${record.kind === 'account' ? html`<section class="infoBlock relatedItems"><h3>People</h3>${people.map((p) => html`<div><a href="${recordPath(p)}">${p.name}</a> <span class="pd-muted">${p.email ?? ''}</span></div>`)}</section>` : ''}
      <section class="infoBlock relatedItems"><h3>Deals</h3><a href="/deal/${DEAL.id}">${DEAL.title}</a> <span class="pd-muted">${DEAL.value}</span></section>
    </div>
    <div class="pd-main"><div class="pd-card"><h3>History</h3><p class="pd-muted">Focus items and history will appear here.</p></div></div>
  </div>
</div>`,
  };
}

// Gotcha: a deal has the same header and owner button; it is not an account or a contact.
function dealView(): DemoView {
  return {
    title: `${DEAL.title} - Deal - Pipedrive`,
    key: `/deal/${DEAL.id}`,
    body: html`<div class="detailView dealDetails"><header class="pd-header" data-testid="detail-header"><div data-testid="header-title" class="pd-header-title"><textarea aria-label="Title" rows="1" readonly>${DEAL.title}</textarea></div><div class="pd-muted">${DEAL.value}</div></header></div>`,
  };
}

function listView(kind: 'persons' | 'organizations'): DemoView {
  const rows = pdRecords.filter((r) => (kind === 'persons' ? r.kind === 'contact' : r.kind === 'account'));
  return {
    title: `${kind === 'persons' ? 'People' : 'Organizations'} - Pipedrive`,
    key: `/${kind}/list`,
    body: html`<div class="pd-list"><h1>${kind === 'persons' ? 'People' : 'Organizations'}</h1><table class="pd-table"><thead><tr><th>Name</th><th>Owner</th></tr></thead><tbody>${rows.map(
      (r) => html`<tr><td><a href="${recordPath(r)}">${r.name}</a></td><td>${r.owner}</td></tr>`,
    )}</tbody></table></div>`,
  };
}

function view(u: URL): DemoView {
  const path = u.pathname.replace(/\/+$/, '');
  if (path === '' || path === '/persons/list') return listView('persons');
  if (path === '/organizations/list') return listView('organizations');
  if (path === `/deal/${DEAL.id}`) return dealView();
  const match = /^\/(person|organization)\/(\d+)$/.exec(path);
  const record = match && pdRecords.find((r) => r.id === match[2] && (r.kind === 'contact') === (match[1] === 'person'));
  return record ? detailView(record) : notFound(LABEL, u.pathname);
}

function page(_u: URL, v: DemoView): SafeHtml {
  return shell(
    'pipedrive',
    v.title,
    html`<div class="pd-app">
  <nav class="pd-nav" aria-label="Main"><span class="pd-logo" aria-label="Pipedrive">P</span>
    <a href="/persons/list" title="Contacts">&#9786;</a><a href="/organizations/list" title="Organizations">&#9636;</a><a href="/deal/${DEAL.id}" title="Deals">$</a></nav>
  <div class="pd-content"><div class="pd-topbar"><input type="search" placeholder="Search Pipedrive" aria-label="Search Pipedrive"></div>
    <div class="viewContainer">${replaceOutlet(v)}</div>
  </div>
</div>`,
  );
}

export const pipedriveSite: DemoSite = {
  crm: 'pipedrive',
  label: 'Pipedrive',
  host: HOST,
  resolve: '*.pipedrive.com',
  links: [
    ...pdRecords.map((r) => ({ label: `${r.name} (${r.kind === 'contact' ? 'person' : 'organization'})`, path: recordPath(r), record: r })),
    { label: 'A deal', path: `/deal/${DEAL.id}`, noPanel: 'deal' },
    { label: 'People list', path: '/persons/list', noPanel: 'list view' },
  ],
  recordPath,
  view,
  page,
};
