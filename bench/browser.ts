import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_PATH, chromiumArgs, launchChromium, tempDir, type ChromiumSession } from '../test/e2e/harness';
import type { DemoServer } from '../demo/server';
import { BENCH_ROUTE, benchPageHtml, type PageOptions } from './crm-page';

// Chromium for the benchmarks, with the extension (the e2e harness's launch) or without it (the same
// flags minus --load-extension), so every browser figure can be compared with the same run on a bare
// browser. Bench pages are served by a route on the context (see crm-page.ts).

export interface BenchBrowser {
  withExtension: boolean;
  ctx: BrowserContext;
  /** The extension's service worker (with the extension only). */
  worker?: Worker;
  extensionId?: string;
  session?: ChromiumSession;
  /** Page options for the bench pages this browser serves from now on. */
  pageOptions: PageOptions;
  /** A new tab at `url`, waiting for `load`. */
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBench(withExtension: boolean, demo: DemoServer, extensionDir: string): Promise<BenchBrowser> {
  let ctx: BrowserContext;
  let session: ChromiumSession | undefined;
  let profile: ReturnType<typeof tempDir> | undefined;
  if (withExtension) {
    session = await launchChromium({ demo, extensionDir });
    ctx = session.ctx;
  } else {
    profile = tempDir('bench-plain');
    const args = chromiumArgs(extensionDir, demo.port).filter((arg) => !/^--(load-extension|disable-extensions-except)=/.test(arg));
    ctx = await chromium.launchPersistentContext(profile.path, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args,
      viewport: { width: 1440, height: 900 },
    });
  }
  const browser: BenchBrowser = {
    withExtension,
    ctx,
    ...(session ? { session, extensionId: session.extensionId } : {}),
    pageOptions: { nodes: 200, mutate: false },
    async open(url) {
      const page = await ctx.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async close() {
      if (session) await session.close();
      else {
        await ctx.close().catch(() => undefined);
        profile?.remove();
      }
    },
  };
  if (session) {
    const extensionId = session.extensionId;
    browser.worker = ctx.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  }
  await ctx.route(BENCH_ROUTE, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: benchPageHtml(route.request().url(), browser.pageOptions) }),
  );
  return browser;
}

/** The extension's service worker now (it may have been restarted since launch). */
export async function serviceWorker(b: BenchBrowser): Promise<Worker> {
  const scope = `chrome-extension://${b.extensionId}/`;
  const live = b.ctx.serviceWorkers().find((w) => w.url().startsWith(scope));
  if (live) return live;
  return b.ctx.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(scope), timeout: 20_000 });
}

/** A CDP session on a page, closed by the caller. */
export function cdp(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}
