import type { CrmId } from '../../lib/model/crm-ids';
import type { DemoRecord } from '../records';
import { html, type SafeHtml } from '../html';

/** One view of a demo CRM app: what its in-page router swaps into the outlet. */
export interface DemoView {
  /** document.title while the view shows. */
  title: string;
  /** Identity of the view; a stacking outlet (Salesforce) reuses a cached view with the same key. */
  key: string;
  body: SafeHtml;
  status?: number;
}

/** A page worth opening, and what the panel must do there. */
export interface DemoLink {
  label: string;
  path: string;
  /** The record the page shows (the panel's `data-ownersight-record` is its key), or none: no panel. */
  record?: DemoRecord;
  /** Pages without a record: why there must be no panel. */
  noPanel?: string;
}

/** A fake CRM served under the CRM's real host name. */
export interface DemoSite {
  crm: CrmId;
  label: string;
  host: string;
  /** A Chromium --host-resolver-rules host pattern that covers `host`. */
  resolve: string;
  /** Pages worth opening: every demo record of this CRM, then list views and other negatives. */
  links: readonly DemoLink[];
  /** Path of a demo record's page. */
  recordPath(record: DemoRecord): string;
  /** The view for a URL (a not-found view for unknown paths, as an SPA would show). */
  view(url: URL): DemoView;
  /** The full document around a view: the CRM's chrome, the outlet, the router. */
  page(url: URL, view: DemoView): SafeHtml;
  /** What the router inserts for a view on SPA navigation; the view's body unless the outlet wraps views. */
  fragment?(view: DemoView): SafeHtml;
}

/** The shared document shell: stylesheets, the CRM's chrome (which holds the outlet), the in-page router. */
export function shell(crm: CrmId, title: string, chrome: SafeHtml, bodyClass = ''): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/__demo/${crm}.css">
<link rel="stylesheet" href="/__demo/demo.css">
</head>
<body class="${bodyClass}">
${chrome}
<script type="module" src="/__demo/router.js"></script>
</body>
</html>
`;
}

/** The outlet most CRMs have: the router swaps the view inside it. */
export function replaceOutlet(view: DemoView): SafeHtml {
  return html`<div data-demo-outlet="replace" data-demo-view="${view.key}">${view.body}</div>`;
}

export function notFound(label: string, path: string): DemoView {
  return {
    title: `Page not found | ${label}`,
    key: `not-found:${path}`,
    status: 404,
    body: html`<div class="demo-not-found"><h1>Page not found</h1><p>The demo ${label} has no page at ${path}.</p></div>`,
  };
}
