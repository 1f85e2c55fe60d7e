import { html, initials, type SafeHtml } from '../html';
import { ALL_RECORDS, SALESFORCE, TEAM, type DemoRecord } from '../records';
import { notFound, shell, type DemoSite, type DemoView } from './site';

// Salesforce Lightning Experience, shaped after crm-dom-notes.md: `records-highlights2` with the name in
// `[slot=primaryField]` (`lightning-formatted-name` for people), fields carrying
// `data-target-selection-name="sfdc:RecordField.<Object>.<Field>"`, related lists in
// `force-related-list-*`, and Lightning's habit of keeping earlier record views in the DOM, hidden, with
// only `.windowViewMode-normal.active` showing. The demo renders one such cached record *before* the
// active one, so a reader that takes the first match in `document` reads the wrong record. As in
// test/fixtures/crm/salesforce/lightning-account.html, the Lightning base components that show values
// (`lightning-formatted-*`, the lookup link of `force-lookup`) keep them in open shadow roots, written as
// declarative shadow DOM: `document.querySelector(...).textContent` does not see them.

const HOST = 'acme.lightning.force.com';
const LABEL = 'Salesforce';

const sfRecords: DemoRecord[] = ALL_RECORDS.filter((r) => r.crm === 'salesforce');
const accounts = sfRecords.filter((r) => r.kind === 'account');
const contacts = sfRecords.filter((r) => r.kind === 'contact');

/** Owners are Users: `005…` ids, shown as lookups. */
const USER_IDS: Record<string, string> = {
  [TEAM.grace.name]: '005Dn00000GrHpAIAV',
  [TEAM.alan.name]: '005Dn00000AlTuAIAV',
  [TEAM.katherine.name]: '005Dn00000KaJoAIAV',
};

export const recordPath = (record: DemoRecord): string =>
  `/lightning/r/${record.kind === 'account' ? 'Account' : 'Contact'}/${record.id}/view`;
const userPath = (name: string): string => `/lightning/r/User/${USER_IDS[name] ?? '005Dn00000UnknAIAV'}/view`;
const listPath = (object: 'Account' | 'Contact'): string => `/lightning/o/${object}/list?filterName=Recent`;

/** The inside of a Lightning base component: an open shadow root, styled on its own. */
const LINK_STYLE = html`<style>a { color: #0176d3; text-decoration: none; } a:hover { text-decoration: underline; }</style>`;
function shadow(content: SafeHtml | string): SafeHtml {
  return html`<template shadowrootmode="open">${content}</template>`;
}

function lookup(href: string, text: string): SafeHtml {
  return html`<force-lookup>${shadow(html`${LINK_STYLE}<records-hoverable-link><a data-navigation="enable" class="slds-truncate outputLookupLink" href="${href}"><slot></slot></a></records-hoverable-link>`)}<span>${text}</span></force-lookup>`;
}

function field(object: string, apiName: string, label: string, value: SafeHtml | string | undefined): SafeHtml {
  return html`<records-record-layout-item field-label="${label}" class="slds-form-element_readonly slds-grid slds-col slds-has-flexi-truncate">
  <div class="slds-form-element slds-form-element_stacked slds-hint-parent" data-target-selection-name="sfdc:RecordField.${object}.${apiName}">
    <span class="slds-form-element__label test-id__field-label">${label}</span>
    <div class="slds-form-element__control"><span data-output-element-id="output-field" class="test-id__field-value slds-form-element__static">${value ?? ''}</span></div>
  </div>
</records-record-layout-item>`;
}

function highlightItem(label: string, value: SafeHtml | string | undefined): SafeHtml {
  return html`<records-highlights-details-item class="slds-page-header__detail-block">
  <p class="slds-text-title slds-truncate" title="${label}">${label}</p>
  <p class="fieldComponent slds-text-body--regular slds-show_inline-block slds-truncate">${value ?? ''}</p>
</records-highlights-details-item>`;
}

const text = (value: string | undefined): SafeHtml => html`<lightning-formatted-text>${shadow(value ?? '')}</lightning-formatted-text>`;
const name = (value: string, slot?: string): SafeHtml => html`<lightning-formatted-name${slot ? html` slot="${slot}"` : ''}>${shadow(value)}</lightning-formatted-name>`;
const url = (value: string | undefined): SafeHtml =>
  value ? html`<lightning-formatted-url>${shadow(html`${LINK_STYLE}<a href="${value}" target="_blank" rel="noopener">${value.replace(/^https?:\/\//, '')}</a>`)}</lightning-formatted-url>` : html``;
const email = (value: string | undefined): SafeHtml =>
  value ? html`<lightning-formatted-email>${shadow(html`${LINK_STYLE}<a href="mailto:${value}">${value}</a>`)}</lightning-formatted-email>` : html``;
const phone = (value: string | undefined): SafeHtml =>
  value ? html`<lightning-formatted-phone>${shadow(html`${LINK_STYLE}<a href="tel:${value}">${value}</a>`)}</lightning-formatted-phone>` : html``;

function relatedList(title: string, rows: DemoRecord[]): SafeHtml {
  return html`<force-related-list-single-container class="forceRelatedListContainer">
  <article class="slds-card slds-card_boundary forceRelatedListCardDesktop">
    <div class="slds-card__header"><h2 class="slds-card__header-title"><span class="demo-sf-icon demo-sf-icon-contact" aria-hidden="true"></span><span>${title} (${rows.length})</span></h2></div>
    <div class="slds-card__body">
      <lightning-datatable><table class="slds-table slds-table_bordered slds-table_cell-buffer" role="grid">
        <thead><tr><th scope="col">Name</th><th scope="col">Title</th><th scope="col">Email</th></tr></thead>
        <tbody>${rows.map(
          (row) => html`<tr><th scope="row"><a href="${recordPath(row)}" data-navigation="enable">${row.name}</a></th><td>${row.title ?? ''}</td><td>${row.email ?? ''}</td></tr>`,
        )}</tbody>
      </table></lightning-datatable>
    </div>
  </article>
</force-related-list-single-container>`;
}

function recordView(record: DemoRecord): DemoView {
  const object = record.kind === 'account' ? 'Account' : 'Contact';
  const account = record.accountId ? sfRecords.find((r) => r.id === record.accountId) : undefined;
  const ownerLink = lookup(userPath(record.owner), record.owner);
  const primary =
    record.kind === 'contact'
      ? name(record.name, 'primaryField')
      : html`<lightning-formatted-text slot="primaryField">${shadow(record.name)}</lightning-formatted-text>`;
  const secondary =
    record.kind === 'account'
      ? [highlightItem('Type', text('Customer - Direct')), highlightItem('Phone', phone(record.phone)), highlightItem('Website', url(record.website)), highlightItem('Account Owner', ownerLink)]
      : [highlightItem('Title', text(record.title)), highlightItem('Account Name', account ? lookup(recordPath(account), account.name) : undefined), highlightItem('Phone', phone(record.phone)), highlightItem('Email', email(record.email)), highlightItem('Contact Owner', ownerLink)];
  const details =
    record.kind === 'account'
      ? [
          field(object, 'Name', 'Account Name', text(record.name)),
          field(object, 'OwnerId', 'Account Owner', ownerLink),
          field(object, 'Website', 'Website', url(record.website)),
          field(object, 'Phone', 'Phone', phone(record.phone)),
          field(object, 'Industry', 'Industry', text(record.industry)),
          field(object, 'BillingAddress', 'Billing Address', text(record.city)),
        ]
      : [
          field(object, 'Name', 'Name', name(record.name)),
          field(object, 'OwnerId', 'Contact Owner', ownerLink),
          field(object, 'AccountId', 'Account Name', account ? lookup(recordPath(account), account.name) : undefined),
          field(object, 'Title', 'Title', text(record.title)),
          field(object, 'Email', 'Email', email(record.email)),
          field(object, 'Phone', 'Phone', phone(record.phone)),
        ];
  const related =
    record.kind === 'account'
      ? relatedList('Contacts', contacts.filter((c) => c.accountId === record.id))
      : relatedList('Other contacts at this account', contacts.filter((c) => c.accountId === record.accountId && c.id !== record.id));
  return {
    title: `${record.name} | ${object} | Salesforce`,
    key: record.id,
    body: html`<one-record-home-flexipage2 class="record-home">
  <records-lwc-highlights-panel>
    <records-highlights2>
      <div class="highlights slds-clearfix slds-page-header slds-page-header_record-home forceHighlightsPanel">
        <div class="slds-grid primaryFieldRow">
          <div class="slds-grid slds-col slds-has-flexi-truncate slds-media">
            <div class="slds-media__figure"><span class="demo-sf-icon demo-sf-icon-${record.kind}" aria-hidden="true"></span></div>
            <div class="slds-media__body">
              <h1>
                <div class="entityNameTitle slds-line-height_reset"><slot name="entityLabel"><records-entity-label>${object}</records-entity-label></slot></div>
                <div class="slds-page-header__title slds-m-right--small slds-align-middle"><slot name="primaryField">${primary}</slot></div>
              </h1>
            </div>
          </div>
          <div class="slds-col slds-no-flex slds-grid slds-align-top actionsContainer">
            <ul class="slds-button-group-row">
              <li><lightning-button><button class="slds-button slds-button_neutral" type="button">Follow</button></lightning-button></li>
              <li><lightning-button><button class="slds-button slds-button_neutral" type="button">${record.kind === 'account' ? 'New Contact' : 'Log a Call'}</button></lightning-button></li>
              <li><lightning-button><button class="slds-button slds-button_neutral" type="button">Edit</button></lightning-button></li>
              <li><lightning-button-menu><button class="slds-button slds-button_icon-border-filled" type="button" aria-label="Show more actions">&#9662;</button></lightning-button-menu></li>
            </ul>
          </div>
        </div>
        <div class="secondaryFields slds-page-header__detail-row"><slot name="secondaryFields">${secondary}</slot></div>
      </div>
    </records-highlights2>
  </records-lwc-highlights-panel>
  <div class="slds-grid slds-wrap record-body">
    <div class="slds-col main-col">
      <flexipage-tabset2>
        <lightning-tabset class="slds-tabs_default">
          <ul class="slds-tabs_default__nav" role="tablist">
            <li class="slds-tabs_default__item" role="presentation"><a class="slds-tabs_default__link" role="tab" aria-selected="false" href="javascript:void(0)">Related</a></li>
            <li class="slds-tabs_default__item slds-is-active" role="presentation"><a class="slds-tabs_default__link" role="tab" aria-selected="true" href="javascript:void(0)">Details</a></li>
          </ul>
          <section class="slds-tabs_default__content" role="tabpanel">
            <records-record-layout-section class="slds-section slds-is-open">
              <h3 class="slds-section__title"><span class="slds-truncate">${object} Information</span></h3>
              <div class="slds-form slds-grid slds-wrap" role="list">${details}</div>
            </records-record-layout-section>
          </section>
        </lightning-tabset>
      </flexipage-tabset2>
    </div>
    <div class="slds-col side-col">${related}</div>
  </div>
</one-record-home-flexipage2>`,
  };
}

function listView(object: 'Account' | 'Contact'): DemoView {
  const rows = object === 'Account' ? accounts : contacts;
  const plural = object === 'Account' ? 'Accounts' : 'Contacts';
  return {
    title: `Recently Viewed | ${plural} | Salesforce`,
    key: `list:${object}`,
    body: html`<force-list-view-manager class="forceListViewManager">
  <div class="slds-page-header forceListViewManagerHeader">
    <div class="slds-media"><div class="slds-media__figure"><span class="demo-sf-icon demo-sf-icon-${object.toLowerCase()}" aria-hidden="true"></span></div>
    <div class="slds-media__body"><nav class="entityNameTitle">${plural}</nav><h1 class="slds-page-header__title">Recently Viewed</h1></div></div>
    <p class="slds-text-body_small">${rows.length} items &bull; Sorted by ${object === 'Account' ? 'Account Name' : 'Name'} &bull; Updated a few seconds ago</p>
  </div>
  <force-lst-common-list-view>
    <lightning-datatable><table class="slds-table slds-table_bordered slds-table_cell-buffer" role="grid">
      <thead><tr><th scope="col">${object === 'Account' ? 'Account Name' : 'Name'}</th><th scope="col">${object === 'Account' ? 'Phone' : 'Title'}</th><th scope="col">${object === 'Account' ? 'Account Owner Alias' : 'Contact Owner Alias'}</th></tr></thead>
      <tbody>${rows.map(
        (row) => html`<tr><th scope="row"><a href="${recordPath(row)}" data-navigation="enable">${row.name}</a></th><td>${object === 'Account' ? row.phone ?? '' : row.title ?? ''}</td><td>${initials(row.owner).toLowerCase()}</td></tr>`,
      )}</tbody>
    </table></lightning-datatable>
  </force-lst-common-list-view>
</force-list-view-manager>`,
  };
}

function homeView(): DemoView {
  return {
    title: 'Home | Salesforce',
    key: 'home',
    body: html`<div class="slds-card demo-sf-home"><div class="slds-card__header"><h1 class="slds-card__header-title">Quarterly Performance</h1></div>
<div class="slds-card__body slds-card__body_inner"><p>Recent records:</p><ul>${sfRecords.map((r) => html`<li><a href="${recordPath(r)}">${r.name}</a></li>`)}</ul></div></div>`,
  };
}

function userView(name: string): DemoView {
  return {
    title: `${name} | User | Salesforce`,
    key: `user:${name}`,
    body: html`<div class="slds-page-header"><div class="entityNameTitle">User</div><h1 class="slds-page-header__title">${name}</h1></div>`,
  };
}

function view(u: URL): DemoView {
  const path = u.pathname.replace(/\/+$/, '');
  if (path === '' || path === '/lightning' || path === '/lightning/page/home') return homeView();
  const list = /^\/lightning\/o\/(Account|Contact)\/list$/.exec(path);
  if (list) return listView(list[1] as 'Account' | 'Contact');
  const rec = /^\/lightning\/r\/(Account|Contact|User)\/([A-Za-z0-9]{15,18})\/view$/.exec(path);
  if (rec) {
    if (rec[1] === 'User') {
      const name = Object.entries(USER_IDS).find(([, id]) => id === rec[2])?.[0];
      if (name) return userView(name);
    } else {
      const record = sfRecords.find((r) => r.id === rec[2] && (r.kind === 'account') === (rec[1] === 'Account'));
      if (record) return recordView(record);
    }
  }
  return notFound(LABEL, u.pathname);
}

/** The record a freshly loaded page keeps hidden in its cache: as if the user came from there. */
function cachedBefore(key: string): DemoView[] {
  const earlier = key === SALESFORCE.globex.id ? SALESFORCE.northwind : SALESFORCE.globex;
  return sfRecords.some((r) => r.id === key) ? [recordView(earlier)] : [];
}

function stackView(v: DemoView, active: boolean): SafeHtml {
  return html`<div class="windowViewMode-normal oneContent lafPageHost${active ? ' active' : ''}" data-demo-view="${v.key}"${active ? '' : html` style="display: none"`}>${v.body}</div>`;
}

function page(_u: URL, v: DemoView): SafeHtml {
  const nav = [
    { label: 'Home', href: '/lightning/page/home', active: v.key === 'home' },
    { label: 'Accounts', href: listPath('Account'), active: v.key === 'list:Account' || accounts.some((a) => a.id === v.key) },
    { label: 'Contacts', href: listPath('Contact'), active: v.key === 'list:Contact' || contacts.some((c) => c.id === v.key) },
  ];
  return shell(
    'salesforce',
    v.title,
    html`<div id="auraLoadingBox" class="auraLoadingBox" style="display: none"></div>
<div class="desktop container forceStyle oneOne navexDesktopLayoutContainer lafAppLayoutHost forceAccess">
  <div class="viewport">
    <header class="slds-global-header_container oneHeader">
      <div class="slds-global-header slds-grid slds-grid_align-spread">
        <div class="slds-global-header__item"><span class="demo-sf-logo" aria-label="Salesforce"></span></div>
        <div class="slds-global-header__item slds-global-header__item_search"><input class="slds-input demo-sf-search" type="search" placeholder="Search..." aria-label="Search"></div>
        <div class="slds-global-header__item"><span class="slds-avatar slds-avatar_circle demo-sf-me" title="Grace Hopper">GH</span></div>
      </div>
    </header>
    <div class="navexWorkspaceManager">
      <one-app-nav-bar class="slds-context-bar">
        <div class="slds-context-bar__primary"><span class="slds-context-bar__label-action demo-sf-app-launcher" aria-hidden="true">&#8943;</span><span class="appName slds-context-bar__label-action slds-context-bar__app-name">Sales</span></div>
        <nav class="slds-context-bar__secondary" role="navigation"><ul class="slds-grid">${nav.map(
          (item) => html`<li class="slds-context-bar__item${item.active ? ' slds-is-active' : ''}"><a class="slds-context-bar__label-action" href="${item.href}">${item.label}</a></li>`,
        )}</ul></nav>
      </one-app-nav-bar>
    </div>
    <div class="slds-template__container">
      <div class="lafSinglePaneWindowManager" data-demo-outlet="stack">${cachedBefore(v.key).map((c) => stackView(c, false))}${stackView(v, true)}</div>
    </div>
  </div>
</div>`,
  );
}

export const salesforceSite: DemoSite = {
  crm: 'salesforce',
  label: 'Salesforce Lightning',
  host: HOST,
  resolve: '*.lightning.force.com',
  links: [
    ...sfRecords.map((r) => ({ label: `${r.name} (${r.kind})`, path: recordPath(r), record: r })),
    { label: 'Accounts list view', path: listPath('Account'), noPanel: 'list view' },
    { label: 'Contacts list view', path: listPath('Contact'), noPanel: 'list view' },
    { label: 'Home', path: '/lightning/page/home', noPanel: 'home page' },
  ],
  recordPath,
  view,
  page,
  fragment: (v) => stackView(v, true),
};

export const salesforcePaths = { recordPath, listPath, userPath };
