import { salesforceId18 } from '../lib/model/salesforce-id';
import { storedRecordKey } from '../lib/model/record-key';

// Bench-only Salesforce Lightning record pages, served to Chromium through a Playwright route (no server):
// the URL is a real Lightning record URL on a host the manifest matches, so the extension runs exactly as
// on a CRM. The record view carries the markers the Salesforce reader looks for (active view, record
// home, primary field, owner field by API name, shadow roots), and `nodes` filler elements inside the
// view, so the reader walks a page of realistic size. `mutate` keeps the DOM changing like a live CRM
// (timers re-rendering cells, rows appearing and going). `window.__benchNavigate(i)` is an in-app
// navigation: pushState to another record and a re-render of the header, as Lightning does. Like a real
// CRM record page, it shows a date and an amount formatted in the user's locale with Intl (Lightning's
// lightning-formatted-date-time and lightning-formatted-number do): the page, not the extension, pays
// the renderer's ICU start-up (bench/RESULTS.md, 3).

export const BENCH_HOST = 'acme.lightning.force.com';
/** Bench record ids: `001` (Account) + `BENCH` + 7 digits = a 15-character id; URLs carry its 18-character form. */
export const BENCH_ROUTE = /^https:\/\/acme\.lightning\.force\.com\/lightning\/r\/Account\/001BENCH\w+\/view/;

export function benchRecordId(i: number): string {
  return salesforceId18(`001BENCH${String(i).padStart(7, '0')}`)!;
}
export function benchRecordUrl(i: number, query = ''): string {
  return `https://${BENCH_HOST}/lightning/r/Account/${benchRecordId(i)}/view${query}`;
}
export function benchRecordKey(i: number): string {
  return storedRecordKey({ crm: 'salesforce', kind: 'account', recordId: benchRecordId(i) });
}
export const benchRecordName = (i: number) => `Bench Account ${i}`;
export const benchOwnerName = (o: number) => `Bench Owner ${o}`;
export const benchOwnerId = (o: number) => `005BENCH${String(o).padStart(7, '0')}`;
/** Which owner a bench record has, everywhere (service seed, client seed, expectations). */
export const ownerOf = (i: number, owners: number) => i % owners;

export interface PageOptions {
  /** Filler elements inside the record view (the page's total node count is a little higher). */
  nodes: number;
  /** Keep mutating the DOM (every 16 ms: 20 cells re-rendered, a row added and one removed). */
  mutate: boolean;
}

/** The page for `url` (bench record id taken from it). */
export function benchPageHtml(url: string, options: PageOptions): string {
  const id = /\/Account\/(001BENCH\w+)\/view/.exec(url)?.[1] ?? benchRecordId(0);
  const n = Number(id.slice(8, 15));
  // 7 elements per row (tr, 4 td, span, a): `nodes` counts elements, as DevTools' "DOM nodes" roughly does.
  const rows = Math.max(1, Math.ceil(options.nodes / 7));
  const row = (r: number) =>
    `<tr><td>${r}</td><td>Opportunity ${r}</td><td><span class="amt">${(r * 37) % 10000}</span></td><td><a href="#o${r}">Open</a></td></tr>`;
  // A few dozen Lightning-style custom elements with open shadow roots, as the reader walks them.
  const shadowed = Array.from({ length: 40 }, (_, k) =>
    `<records-record-layout-item field-label="Field ${k}"><template shadowrootmode="open"><div class="slds-form-element"><span class="slds-form-element__label">Field ${k}</span><div class="slds-form-element__static">Value ${k}</div></div></template></records-record-layout-item>`,
  ).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${benchRecordName(n)} | Account | Salesforce</title>
<style>body{font:14px system-ui;margin:0} table{border-collapse:collapse} td{padding:2px 6px;border-bottom:1px solid #eee}</style></head>
<body><div class="oneAppNavContainer"><div class="windowViewMode-normal active"><one-record-home-flexipage2>
<header class="slds-page-header"><h1 class="slds-page-header__title"><lightning-formatted-text slot="primaryField" id="bench-name">${benchRecordName(n)}</lightning-formatted-text></h1></header>
<div data-target-selection-name="sfdc:RecordField.Account.OwnerId"><span class="slds-form-element__label">Account Owner</span><div class="slds-form-element__static"><a href="/lightning/r/User/x/view" id="bench-owner">${benchOwnerName(0)}</a></div></div>
<div data-target-selection-name="sfdc:RecordField.Account.LastModifiedDate"><span class="slds-form-element__label">Last Modified</span><div class="slds-form-element__static"><lightning-formatted-date-time id="bench-modified"></lightning-formatted-date-time></div></div>
<div data-target-selection-name="sfdc:RecordField.Account.AnnualRevenue"><span class="slds-form-element__label">Annual Revenue</span><div class="slds-form-element__static"><lightning-formatted-number id="bench-revenue"></lightning-formatted-number></div></div>
<section id="bench-fields">${shadowed}</section>
<table><tbody id="bench-rows">${Array.from({ length: rows }, (_, r) => row(r)).join('')}</tbody></table>
</one-record-home-flexipage2></div></div>
<script>
(() => {
  const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });
  const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' });
  const formatted = (k) => {
    document.getElementById('bench-modified').textContent = when.format(Date.UTC(2026, 0, 1 + (k % 28), 9, 30));
    document.getElementById('bench-revenue').textContent = money.format(1000 * (k % 997));
  };
  formatted(${n});
  const ids = ${JSON.stringify(Array.from({ length: 64 }, (_, k) => benchRecordId(k)))};
  window.__benchNavigate = (k) => {
    const rid = ids[k % ids.length];
    history.pushState({}, '', '/lightning/r/Account/' + rid + '/view');
    document.getElementById('bench-name').textContent = 'Bench Account ' + (k % ids.length);
    document.title = 'Bench Account ' + (k % ids.length) + ' | Account | Salesforce';
    formatted(k);
  };
  if (${options.mutate}) {
    const body = document.getElementById('bench-rows');
    let tick = 0;
    setInterval(() => {
      tick++;
      const cells = body.getElementsByClassName('amt');
      for (let k = 0; k < 20; k++) cells[(tick * 20 + k) % cells.length].textContent = String((tick * 7 + k) % 10000);
      const tr = document.createElement('tr');
      tr.innerHTML = '<td>new</td><td>Live row ' + tick + '</td><td><span class="amt">0</span></td><td><a href="#n">Open</a></td>';
      body.appendChild(tr);
      body.firstElementChild.remove();
    }, 16);
  }
})();
</script></body></html>`;
}
