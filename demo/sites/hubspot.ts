import { html, initials, type SafeHtml } from '../html';
import { ALL_RECORDS, HUBSPOT, HUBSPOT_DEAL, HUBSPOT_PORTAL, type DemoRecord } from '../records';
import { notFound, replaceOutlet, shell, type DemoSite, type DemoView } from './site';

// HubSpot's record page, shaped after crm-dom-notes.md: the three-pane layout (`left-sidebar`,
// `middle-pane`, `records-right-sidebar`), the highlight card with `[data-selenium-test=highlightTitle]`,
// the owner row `data-test-id="hubspot_owner_id"` with bare text, tab contents kept in the DOM but
// hidden, and association cards that name *other* records (the company on a contact page). Object type
// comes from the URL (`/record/0-1/` contact, `0-2` company, `0-3` deal). Tab switches re-render in
// place without changing the URL.

const HOST = 'app.hubspot.com';
const LABEL = 'HubSpot';
const P = HUBSPOT_PORTAL;

const hsRecords: DemoRecord[] = ALL_RECORDS.filter((r) => r.crm === 'hubspot');
const contacts = hsRecords.filter((r) => r.kind === 'contact');
const companies = hsRecords.filter((r) => r.kind === 'account');

const objectTypeOf = (record: DemoRecord): '0-1' | '0-2' => (record.kind === 'contact' ? '0-1' : '0-2');
export const recordPath = (record: DemoRecord): string => `/contacts/${P}/record/${objectTypeOf(record)}/${record.id}`;
const dealPath = `/contacts/${P}/record/0-3/${HUBSPOT_DEAL.id}`;
const listPath = (objectType: '0-1' | '0-2'): string => `/contacts/${P}/objects/${objectType}/views/all/list`;
const dealsBoardPath = `/contacts/${P}/objects/0-3/views/all/board`;

function property(name: string, label: string, value: string | undefined): SafeHtml {
  return html`<div class="hs-property" data-test-id="${name}" data-selenium-test="property-input-${name}">
  <span class="hs-property-label" data-selenium-test="property-label-${name}">${label}</span>
  <div class="hs-property-value">${value ?? '--'}</div>
</div>`;
}

function associationCard(title: string, items: { href: string; name: string; detail?: string }[]): SafeHtml {
  return html`<div class="hs-card" data-card-type="ASSOCIATION_V3" data-test-id="card-wrapper-ASSOCIATION_V3">
  <h2 class="hs-card-title">${title} (${items.length})</h2>
  ${items.map(
    (item) => html`<div class="hs-association"><a href="${item.href}">${item.name}</a>${item.detail ? html`<div class="hs-muted">${item.detail}</div>` : ''}</div>`,
  )}
</div>`;
}

function recordLayout(opts: {
  objectLabel: string;
  avatar: SafeHtml;
  highlightKind: 'contact' | 'company' | 'deal';
  title: string;
  subtitle: string;
  properties: SafeHtml[];
  overview: SafeHtml;
  right: SafeHtml[];
  back: { href: string; label: string };
}): SafeHtml {
  return html`<div class="hs-record" data-test-id="record-page">
  <aside data-test-id="left-sidebar" class="hs-left">
    <a class="hs-back" href="${opts.back.href}">&lsaquo; ${opts.back.label}</a>
    <div class="hs-card hs-highlight" data-card-type="OBJECT_HIGHLIGHT" data-test-id="card-wrapper-OBJECT_HIGHLIGHT">
      ${opts.avatar}
      <div data-selenium-test="${opts.highlightKind}-highlight-details">
        <h3 class="hs-title"><span data-selenium-test="highlightTitle">${opts.title}</span></h3>
        <div class="hs-muted" data-unit-test="highlightSubtitle">${opts.subtitle}</div>
      </div>
      <div class="hs-actions">${['Note', 'Email', 'Call', 'Task', 'Meeting', 'More'].map(
        (a) => html`<button type="button" class="hs-action"><span class="hs-action-dot" aria-hidden="true"></span>${a}</button>`,
      )}</div>
    </div>
    <div class="hs-card" data-test-id="card-wrapper-ABOUT">
      <h2 class="hs-card-title">About this ${opts.objectLabel}</h2>
      <div data-selenium-test="highlightedPropertySidebar">${opts.properties}</div>
    </div>
  </aside>
  <section data-test-id="middle-pane" class="hs-middle">
    <div class="hs-tabs" role="tablist">
      <button type="button" role="tab" aria-selected="true" data-demo-tab="0">Overview</button>
      <button type="button" role="tab" aria-selected="false" data-demo-tab="1">Activities</button>
    </div>
    <div data-test-id="tab-0-content" class="hs-tab-content">${opts.overview}</div>
    <div data-test-id="tab-1-content" class="hs-tab-content" hidden>
      <div class="hs-card"><h2 class="hs-card-title">Activities</h2><p class="hs-muted">No activities in the last 30 days.</p></div>
    </div>
  </section>
  <aside data-test-id="records-right-sidebar" class="hs-right">${opts.right}</aside>
</div>`;
}

function dataHighlights(items: [string, string | undefined][]): SafeHtml {
  return html`<div class="hs-card" data-test-id="card-wrapper-DATA_HIGHLIGHTS">
  <h2 class="hs-card-title">Data highlights</h2>
  <div class="hs-highlights-grid">${items.map(([label, value]) => html`<div><div class="hs-upper">${label}</div><div>${value ?? '--'}</div></div>`)}</div>
</div>`;
}

function contactView(record: DemoRecord): DemoView {
  const company = companies.find((c) => c.id === record.accountId);
  return {
    title: `${record.name} | HubSpot`,
    key: `0-1:${record.id}`,
    body: recordLayout({
      objectLabel: 'contact',
      avatar: html`<div class="hs-avatar" aria-hidden="true">${initials(record.name)}</div>`,
      highlightKind: 'contact',
      title: record.name,
      subtitle: [record.title, company && `at ${company.name}`].filter(Boolean).join(' '),
      properties: [
        property('email', 'Email', record.email),
        property('phone', 'Phone number', record.phone),
        property('hubspot_owner_id', 'Contact owner', record.owner),
        property('lifecyclestage', 'Lifecycle stage', record.lifecycleStage),
        property('hs_lead_status', 'Lead status', 'Open'),
      ],
      overview: dataHighlights([
        ['Create date', '10/02/2026 9:14 AM GMT'],
        ['Lifecycle stage', record.lifecycleStage],
        ['Last activity date', '11/18/2026 4:02 PM GMT'],
      ]),
      right: [
        associationCard('Companies', company ? [{ href: recordPath(company), name: company.name, detail: company.website?.replace(/^https?:\/\//, '') }] : []),
        associationCard('Deals', company?.id === HUBSPOT_DEAL.accountId ? [{ href: dealPath, name: HUBSPOT_DEAL.name, detail: `Amount: ${HUBSPOT_DEAL.amount}` }] : []),
      ],
      back: { href: listPath('0-1'), label: 'Contacts' },
    }),
  };
}

function companyView(record: DemoRecord): DemoView {
  const people = contacts.filter((c) => c.accountId === record.id);
  return {
    title: `${record.name} | HubSpot`,
    key: `0-2:${record.id}`,
    body: recordLayout({
      objectLabel: 'company',
      avatar: html`<div class="hs-avatar hs-avatar-company" aria-hidden="true">${initials(record.name)}</div>`,
      highlightKind: 'company',
      title: record.name,
      subtitle: record.website?.replace(/^https?:\/\//, '') ?? '',
      properties: [
        property('domain', 'Company domain name', record.website?.replace(/^https?:\/\//, '')),
        property('industry', 'Industry', record.industry),
        property('hubspot_owner_id', 'Company owner', record.owner),
        property('city', 'City', record.city),
        property('lifecyclestage', 'Lifecycle stage', record.lifecycleStage),
      ],
      overview: dataHighlights([
        ['Create date', '09/14/2026 11:30 AM GMT'],
        ['Lifecycle stage', record.lifecycleStage],
        ['Last activity date', '11/20/2026 2:45 PM GMT'],
      ]),
      right: [
        associationCard('Contacts', people.map((p) => ({ href: recordPath(p), name: p.name, detail: p.email }))),
        associationCard('Deals', record.id === HUBSPOT_DEAL.accountId ? [{ href: dealPath, name: HUBSPOT_DEAL.name, detail: `Amount: ${HUBSPOT_DEAL.amount}` }] : []),
      ],
      back: { href: listPath('0-2'), label: 'Companies' },
    }),
  };
}

// Gotcha: a deal record has the same skeleton, highlight title and owner row as a contact, but it is
// neither an account nor a contact: no panel.
function dealView(): DemoView {
  const company = companies.find((c) => c.id === HUBSPOT_DEAL.accountId);
  return {
    title: `${HUBSPOT_DEAL.name} | HubSpot`,
    key: `0-3:${HUBSPOT_DEAL.id}`,
    body: recordLayout({
      objectLabel: 'deal',
      avatar: html`<div class="hs-avatar hs-avatar-deal" aria-hidden="true">$</div>`,
      highlightKind: 'deal',
      title: HUBSPOT_DEAL.name,
      subtitle: `Amount: ${HUBSPOT_DEAL.amount}`,
      properties: [
        property('dealstage', 'Deal stage', HUBSPOT_DEAL.stage),
        property('amount', 'Amount', HUBSPOT_DEAL.amount),
        property('hubspot_owner_id', 'Deal owner', HUBSPOT_DEAL.owner),
      ],
      overview: dataHighlights([
        ['Create date', '10/21/2026 10:00 AM GMT'],
        ['Deal stage', HUBSPOT_DEAL.stage],
        ['Close date', '12/15/2026'],
      ]),
      right: [associationCard('Companies', company ? [{ href: recordPath(company), name: company.name }] : [])],
      back: { href: dealsBoardPath, label: 'Deals' },
    }),
  };
}

function indexView(objectType: '0-1' | '0-2'): DemoView {
  const rows = objectType === '0-1' ? contacts : companies;
  const plural = objectType === '0-1' ? 'Contacts' : 'Companies';
  return {
    title: `${plural} | HubSpot`,
    key: `list:${objectType}`,
    body: html`<div class="hs-index">
  <div class="hs-index-header"><h1>${plural}</h1><span class="hs-muted">${rows.length} records</span></div>
  <div data-test-id="filter-panel" class="hs-filter-panel"><button type="button">All ${plural.toLowerCase()}</button><button type="button">My ${plural.toLowerCase()}</button></div>
  <table data-test-id="table" class="hs-table">
    <thead><tr><th>Name</th><th>${objectType === '0-1' ? 'Email' : 'Domain'}</th><th>${objectType === '0-1' ? 'Contact owner' : 'Company owner'}</th></tr></thead>
    <tbody>${rows.map(
      (row) => html`<tr><td data-table-external-id="name-${row.id}"><a href="${recordPath(row)}"><span data-test-id="truncated-object-label">${row.name}</span></a></td><td>${row.email ?? row.website?.replace(/^https?:\/\//, '') ?? ''}</td><td>${row.owner}</td></tr>`,
    )}</tbody>
  </table>
</div>`,
  };
}

function dealsBoardView(): DemoView {
  const stages = ['Appointment scheduled', 'Qualified to buy', 'Contract sent', 'Closed won'];
  return {
    title: 'Deals | HubSpot',
    key: 'board:0-3',
    body: html`<div class="hs-index">
  <div class="hs-index-header"><h1>Deals</h1><span class="hs-muted">1 record</span></div>
  <div class="hs-board" data-test-id="board">${stages.map(
    (stage) => html`<div class="hs-board-column"><div class="hs-upper">${stage}</div>${
      stage === HUBSPOT_DEAL.stage ? html`<div class="hs-card hs-deal-card"><a href="${dealPath}">${HUBSPOT_DEAL.name}</a><div class="hs-muted">${HUBSPOT_DEAL.amount}</div></div>` : ''
    }</div>`,
  )}</div>
</div>`,
  };
}

function view(u: URL): DemoView {
  const path = u.pathname.replace(/\/+$/, '');
  if (path === '' || path === `/contacts/${P}`) return indexView('0-1');
  const record = /^\/contacts\/(\d+)\/record\/(0-[123])\/(\d+)$/.exec(path);
  if (record && record[1] === P) {
    if (record[2] === '0-3' && record[3] === HUBSPOT_DEAL.id) return dealView();
    const found = hsRecords.find((r) => r.id === record[3] && objectTypeOf(r) === record[2]);
    if (found) return found.kind === 'contact' ? contactView(found) : companyView(found);
  }
  const index = /^\/contacts\/(\d+)\/objects\/(0-[123])\/views\/all\/(list|board)$/.exec(path);
  if (index && index[1] === P) {
    if (index[2] === '0-3') return dealsBoardView();
    return indexView(index[2] as '0-1' | '0-2');
  }
  return notFound(LABEL, u.pathname);
}

function page(_u: URL, v: DemoView): SafeHtml {
  const nav = [
    { label: 'Contacts', href: listPath('0-1') },
    { label: 'Companies', href: listPath('0-2') },
    { label: 'Deals', href: dealsBoardPath },
  ];
  return shell(
    'hubspot',
    v.title,
    html`<header id="hs-nav-v4" class="hs-nav">
  <span class="hs-logo" aria-label="HubSpot"></span>
  <nav><ul>${nav.map((item) => html`<li><a href="${item.href}">${item.label}</a></li>`)}</ul></nav>
  <input class="hs-search" type="search" placeholder="Search HubSpot" aria-label="Search HubSpot">
  <span class="hs-me" title="Margaret Hamilton">MH</span>
</header>
<main class="hs-main">${replaceOutlet(v)}</main>`,
  );
}

export const hubspotSite: DemoSite = {
  crm: 'hubspot',
  label: 'HubSpot',
  host: HOST,
  resolve: '*.hubspot.com',
  links: [
    ...hsRecords.map((r) => ({ label: `${r.name} (${r.kind === 'account' ? 'company' : 'contact'})`, path: recordPath(r), record: r })),
    { label: `${HUBSPOT_DEAL.name} (deal)`, path: dealPath, noPanel: 'a deal is neither account nor contact' },
    { label: 'Deals board', path: dealsBoardPath, noPanel: 'deals board' },
    { label: 'Contacts index', path: listPath('0-1'), noPanel: 'list view' },
  ],
  recordPath,
  view,
  page,
};

export const hubspotPaths = { recordPath, listPath, dealPath, dealsBoardPath };
