import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoCert } from './cert';
import { FIXTURE_HOSTS, FIXTURE_PAGES, fixturePageFor, readFixturePage } from './fixture-pages';
import { html } from './html';
import { recordKey } from './records';
import { DEMO_SITES, demoUrl, siteForHost } from './sites/index';

// The demo CRM server: one HTTPS listener that answers for every demo CRM host, choosing the site by the
// Host header. The browser reaches it under the CRMs' real names through resolver flags
// (Chromium `--host-resolver-rules`, Firefox `network.dns.localDomains`), so the extension's real
// manifest matches and adapters run unchanged. A request with `x-demo-fragment: 1` gets the view as
// JSON for the in-page router; anything else gets the whole page.

const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'public');
const ASSET = /^\/__demo\/([a-z0-9-]+\.(?:css|js))$/;
const CONTENT_TYPES: Record<string, string> = { css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8' };

export interface DemoServer {
  port: number;
  /** The loopback address the server listens on. */
  address: string;
  /** The demo CRM host names, all served here. */
  hostnames: readonly string[];
  /** Path of the throwaway certificate (PEM), for browsers that want to be told about it. */
  certPath: string;
  close(): Promise<void>;
}

export interface DemoServerOptions {
  /** Where the throwaway certificate is written; a temporary folder of the caller's. */
  tlsDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only by default: this is a test server with a throwaway key. */
  address?: string;
  /** Called for each request, for debugging (`OWNERSIGHT_DEMO_LOG=1` in scripts/start.ts). */
  log?: (line: string) => void;
}

function indexPage(): string {
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ownersight demo CRMs</title>
<link rel="stylesheet" href="/__demo/demo.css"></head><body class="demo-index"><main>
<h1>Ownersight demo CRMs</h1>
<p>Fake CRM pages served under the CRMs' real host names. Records marked "no panel" must not get one.</p>
${DEMO_SITES.map(
  (site) => html`<section><h2>${site.label} <small>${site.host}</small></h2><ul>${site.links.map(
    (link) => html`<li><a href="${demoUrl(site, link.path)}">${link.label}</a> <small>${link.record ? recordKey(link.record) : `no panel: ${link.noPanel}`}</small></li>`,
  )}</ul></section>`,
)}
<section><h2>Adapter fixtures <small>test/fixtures/crm/, served as they are</small></h2><ul>${FIXTURE_PAGES.map(
  (page) => html`<li><a href="https://${page.host}${page.path}">${page.file}</a> <small>${page.expectKey}</small></li>`,
)}</ul></section>
</main></body></html>`.value;
}

export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const hostnames = [...new Set([...DEMO_SITES.map((site) => site.host), ...FIXTURE_HOSTS])];
  const { key, cert, certPath } = createDemoCert(options.tlsDir, hostnames);
  const server: Server = createServer({ key, cert }, (req, res) => {
    void (async () => {
      const hostHeader = req.headers.host ?? '';
      const url = new URL(req.url ?? '/', `https://${hostHeader || 'localhost'}`);
      options.log?.(`${req.method} ${url.href}`);
      const asset = ASSET.exec(url.pathname);
      if (asset) {
        const name = asset[1]!;
        try {
          const body = await readFile(join(PUBLIC_DIR, name));
          res.writeHead(200, { 'content-type': CONTENT_TYPES[name.split('.').pop()!]!, 'cache-control': 'no-store' });
          res.end(body);
        } catch {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('no such demo asset');
        }
        return;
      }
      const fixture = fixturePageFor(url.hostname, url.pathname + url.search);
      if (fixture) {
        const body = await readFixturePage(fixture);
        res.writeHead(body === null ? 404 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(body ?? `The fixture test/fixtures/crm/${fixture.file} is missing.`);
        return;
      }
      const site = siteForHost(url.hostname);
      if (!site) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(indexPage());
        return;
      }
      const view = site.view(url);
      if (req.headers['x-demo-fragment'] === '1') {
        const fragment = (site.fragment?.(view) ?? view.body).value;
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ title: view.title, key: view.key, html: fragment }));
        return;
      }
      res.writeHead(view.status ?? 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(site.page(url, view).value);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`demo server error: ${String(error)}`);
    });
  });
  // TLS errors from browsers probing the throwaway certificate are expected; keep them out of the way.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.address ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    port,
    address,
    hostnames,
    certPath,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
