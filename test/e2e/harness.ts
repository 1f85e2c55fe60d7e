import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Locator, type Page } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import { FIXTURE_HOSTS } from '../../demo/fixture-pages';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { DEMO_SITES } from '../../demo/sites/index';
import type { UserRole } from '../../lib/model/sync';
import { serve, type Serving } from '../../server/serve';
import { createService, type Service } from '../../server/service';

// The end-to-end harness, shared by every suite and by scripts/start.ts: the demo CRM server under the
// CRMs' real host names, Chromium with the built extension, and what a test does through the extension's
// own UI (import owners on the options page, find the panel). No Vitest in here: start.ts uses it too.

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM_PATH = process.env.OWNERSIGHT_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.OWNERSIGHT_FIREFOX ?? '/usr/bin/firefox-esr';
export const RESULTS_DIR = join(ROOT, 'test-results', 'e2e');
export const BUILDS = {
  chrome: { dir: join(ROOT, '.output', 'chrome-mv3'), script: 'build' },
  firefox: { dir: join(ROOT, '.output', 'firefox-mv2'), script: 'build:firefox' },
} as const;

/** The panel host's selector; `data-ownersight-record` is `<crm>:<kind>:<recordId>`. */
export const PANEL_HOST = '[data-ownersight-record]';
/** The panel itself, inside the host's open shadow root (Playwright's CSS engine pierces open roots). */
export const PANEL = `${PANEL_HOST} aside[aria-label="Ownership"]`;

/**
 * Whether a browser binary is there. Missing: with `CI=true` it throws, so CI fails instead of going
 * green on nothing; elsewhere it says so loudly and the suite is skipped.
 */
export function browserAvailable(name: string, path: string): boolean {
  if (existsSync(path)) return true;
  const message = `${name} is not installed at ${path}: the end-to-end tests cannot run. Install it with scripts/setup-debian.sh (never a downloaded browser).`;
  if (process.env.CI === 'true') throw new Error(message);
  const bar = '!'.repeat(100);
  console.warn(`\n${bar}\n!!! SKIPPED: ${message}\n${bar}\n`);
  return false;
}

/** What the builds are made of: a change here after a build means the build is stale. */
const SOURCES = ['entrypoints', 'components', 'lib', 'wxt.config.ts', 'package.json'];

function newestSourceChange(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSourceChange(join(path, name))));
}

/**
 * The built extension for `target`. `npm test` builds before the end-to-end run; on its own, a missing or
 * stale build (sources changed since) is built here, so a test never runs yesterday's extension.
 */
export function ensureBuilt(target: keyof typeof BUILDS): string {
  const { dir, script } = BUILDS[target];
  const manifest = join(dir, 'manifest.json');
  const builtAt = statSync(manifest, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (builtAt < Math.max(...SOURCES.map((source) => newestSourceChange(join(ROOT, source))))) {
    execFileSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  if (!existsSync(manifest)) throw new Error(`npm run ${script} did not write ${manifest}`);
  return dir;
}

/** A temporary folder of the caller's own, removed by the returned function. */
export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `ownersight-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Resolves `promise` or rejects after `ms`, and clears its timer either way (Node waits for live timers). */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Chromium flags that load `extensionDir` and send every demo CRM host to the demo server. The last rule
 * makes any other host fail to resolve, so a test can never reach a real CRM by mistake.
 */
export function chromiumArgs(extensionDir: string, port: number): string[] {
  const patterns = new Set([...DEMO_SITES.map((site) => site.resolve), ...FIXTURE_HOSTS]);
  const rules = [...patterns].map((pattern) => `MAP ${pattern} 127.0.0.1:${port}`);
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--ignore-certificate-errors',
    `--host-resolver-rules=${[...rules, 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost'].join(', ')}`,
  ];
}

/** The demo CRM server with its throwaway certificate in a temporary folder. */
export async function startDemo(options: { port?: number; log?: (line: string) => void } = {}): Promise<DemoServer & { dispose(): Promise<void> }> {
  const tls = tempDir('tls');
  try {
    const server = await startDemoServer({ tlsDir: tls.path, ...options });
    return {
      ...server,
      async dispose() {
        await server.close();
        tls.remove();
      },
    };
  } catch (error) {
    tls.remove();
    throw error;
  }
}

export interface ChromiumSession {
  ctx: BrowserContext;
  extensionId: string;
  demo: DemoServer;
  /** A new tab at `url`, waiting for the document to load. */
  open(url: string): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Imports an owners CSV through the options page, as a person would; returns the status text. */
  importCsv(file: string | { name: string; text: string }): Promise<string>;
  /** Stops the extension's service worker through CDP (it starts again on the next event). */
  restartServiceWorker(): Promise<void>;
  /** The extension service worker's running status as CDP reports it (`running`, `stopped`…). */
  serviceWorkerStatus(): Promise<string | undefined>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** An already running demo server; otherwise the session starts (and stops) its own. */
  demo?: DemoServer;
  extensionDir?: string;
  /** Chromium's own log on stderr (why an extension did not load: toolchain-notes.md). */
  verbose?: boolean;
}

/** Chromium with the built extension, its service worker up, the demo CRMs reachable under their real hosts. */
export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumSession> {
  const extensionDir = options.extensionDir ?? ensureBuilt('chrome');
  const profile = tempDir('chromium-profile');
  const ownDemo = options.demo ? undefined : await startDemo();
  const demo = (options.demo ?? ownDemo)!;
  let ctx: BrowserContext | undefined;
  try {
    ctx = await chromium.launchPersistentContext(profile.path, {
      executablePath: CHROMIUM_PATH,
      headless: options.headless ?? true,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [...chromiumArgs(extensionDir, demo.port), ...(options.verbose ? ['--enable-logging=stderr', '--v=0'] : [])],
      // Headless: a fixed viewport, so screenshots compare; headed: the window's own size.
      viewport: options.headless === false ? null : { width: 1440, height: 900 },
    });
    const context = ctx;
    // No service worker within 20 s usually means Chromium refused the extension: `verbose` shows why.
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const extensionId = new URL(worker.url()).host;

    const open = async (url: string) => {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    };
    const openOptions = () => open(`chrome-extension://${extensionId}/options.html`);

    const session: ChromiumSession = {
      ctx: context,
      extensionId,
      demo,
      open,
      openOptions,
      async importCsv(file) {
        const page = await openOptions();
        try {
          return await importThroughOptionsPage(page, file);
        } finally {
          await page.close();
        }
      },
      async restartServiceWorker() {
        await withServiceWorkerEvents(context, extensionId, async (cdp, versions) => {
          await cdp.send('ServiceWorker.stopAllWorkers');
          await withTimeout(versions.until((status) => status === 'stopped'), 15_000, 'the extension service worker to stop');
        });
      },
      serviceWorkerStatus() {
        return withServiceWorkerEvents(context, extensionId, async (_cdp, versions) => {
          // Enabling the domain reports every live version at once.
          await versions.until((status) => status !== undefined).catch(() => undefined);
          return versions.latest();
        });
      },
      async close() {
        await context.close().catch(() => undefined);
        await ownDemo?.dispose();
        profile.remove();
      },
    };
    return session;
  } catch (error) {
    await ctx?.close().catch(() => undefined);
    await ownDemo?.dispose();
    profile.remove();
    throw error;
  }
}

interface VersionWatch {
  latest(): string | undefined;
  until(done: (status: string | undefined) => boolean): Promise<void>;
}

/** A CDP session with the ServiceWorker domain on, watching the running status of the extension's worker. */
async function withServiceWorkerEvents<T>(
  context: BrowserContext,
  extensionId: string,
  body: (cdp: CDPSession, versions: VersionWatch) => Promise<T>,
): Promise<T> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const scope = `chrome-extension://${extensionId}/`;
  let status: string | undefined;
  const waiters = new Set<() => void>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    const ours = versions.filter((v) => v.scriptURL.startsWith(scope));
    if (!ours.length) return;
    status = ours[ours.length - 1]!.runningStatus;
    for (const wake of waiters) wake();
  });
  const watch: VersionWatch = {
    latest: () => status,
    until: (done) =>
      withTimeout(
        new Promise<void>((resolveDone) => {
          const check = () => {
            if (!done(status)) return;
            waiters.delete(check);
            resolveDone();
          };
          waiters.add(check);
          check();
        }),
        15_000,
        'a service worker status',
      ),
  };
  try {
    await cdp.send('ServiceWorker.enable');
    return await body(cdp, watch);
  } finally {
    waiters.clear();
    await cdp.detach().catch(() => undefined);
  }
}

// ── Firefox ──────────────────────────────────────────────────────────────────────────────────────

export interface FirefoxSession {
  browser: PuppeteerBrowser;
  demo: DemoServer;
  /**
   * A demo page's URL for Firefox. It has no --host-resolver-rules: `network.dns.localDomains` sends the
   * CRM host names to loopback, so the URL names the demo server's port. Match patterns and the
   * adapters look at the host name only, so the page is still the CRM's as far as the extension knows.
   */
  url(host: string, path: string): string;
  open(url: string): Promise<PuppeteerPage>;
  /**
   * Opens the options page as a person would, with the panel's Settings button on `page` (WebDriver BiDi
   * may not navigate to moz-extension:// itself), imports `file` there and returns the status text.
   */
  importCsvFromPanel(page: PuppeteerPage, file: string): Promise<string>;
  close(): Promise<void>;
}

/** Firefox ESR with the built add-on installed as a temporary add-on, its temporary files in a folder of its own. */
export async function launchFirefox(options: { demo?: DemoServer; extensionDir?: string } = {}): Promise<FirefoxSession> {
  const extensionDir = options.extensionDir ?? ensureBuilt('firefox');
  const tmp = tempDir('firefox');
  const ownDemo = options.demo ? undefined : await startDemo();
  const demo = (options.demo ?? ownDemo)!;
  const savedTmp = process.env.TMPDIR;
  let browser: PuppeteerBrowser | undefined;
  try {
    // Puppeteer makes its temporary profile under os.tmpdir(): point it at our folder for the launch.
    process.env.TMPDIR = tmp.path;
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      acceptInsecureCerts: true,
      env: { ...process.env, TMPDIR: tmp.path },
      extraPrefsFirefox: {
        'network.dns.localDomains': demo.hostnames.join(','),
        'datareporting.policy.dataSubmissionEnabled': false,
        'browser.shell.checkDefaultBrowser': false,
      },
    });
    await browser.installExtension(extensionDir);
    const b = browser;
    const open = async (url: string) => {
      const page = await b.newPage();
      await page.setViewport({ width: 1440, height: 900 });
      await page.goto(url, { waitUntil: 'load' });
      return page;
    };
    return {
      browser: b,
      demo,
      url: (host, path) => `https://${host}:${demo.port}${path}`,
      open,
      async importCsvFromPanel(page, file) {
        const before = new Set(await b.pages());
        const clicked = await page.evaluate((selector) => {
          const settings = document.querySelector(selector)?.shadowRoot?.querySelector<HTMLButtonElement>('aside[aria-label="Ownership"] button[aria-label="Settings"]');
          settings?.click();
          return !!settings;
        }, PANEL_HOST);
        if (!clicked) throw new Error(`No Settings button in the panel on ${page.url()}`);
        let options: PuppeteerPage | undefined;
        for (const deadline = Date.now() + 10_000; !options && Date.now() < deadline; await sleep(200)) {
          for (const candidate of await b.pages()) {
            if (before.has(candidate)) continue;
            const href = await candidate.evaluate(() => location.href).catch(() => '');
            if (href.startsWith('moz-extension://') && href.includes('options')) options = candidate;
          }
        }
        if (!options) throw new Error('The panel\'s Settings button opened no options page');
        try {
          const input = await options.waitForSelector('input#csv[type="file"]');
          await input!.uploadFile(file);
          await options.waitForFunction(() => !document.querySelector('button[aria-busy="true"]') && /Ready to import|could not be read/.test(document.body.innerText), { timeout: 10_000 });
          const [button] = await options.$$('xpath/.//button[normalize-space()="Import owners"]');
          if (!button) throw new Error('No "Import owners" button on the options page');
          await button.click();
          await options.waitForFunction(() => /Imported/.test(document.body.innerText), { timeout: 20_000 });
          return await options.evaluate(() => /Imported[^\n]*/.exec(document.body.innerText)?.[0] ?? '');
        } finally {
          await options.close();
        }
      },
      async close() {
        await b.close().catch(() => undefined);
        await ownDemo?.dispose();
        tmp.remove();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await ownDemo?.dispose();
    tmp.remove();
    throw error;
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  }
}

/** On an open options page: choose the CSV in "Owners CSV file", press "Import owners", wait for "Imported". */
export async function importThroughOptionsPage(page: Page, file: string | { name: string; text: string }): Promise<string> {
  const input = page.getByLabel('Owners CSV file');
  await input.setInputFiles(
    typeof file === 'string' ? file : { name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.text, 'utf8') },
  );
  const button = page.getByRole('button', { name: 'Import owners' });
  await button.waitFor({ state: 'visible' });
  // The file is read and previewed first; the import runs once the button is enabled again.
  await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('button[aria-busy="true"]'));
  await button.click();
  const status = page.getByText(/Imported/).first();
  try {
    await status.waitFor({ state: 'visible', timeout: 20_000 });
  } catch (error) {
    const alert = await page.getByRole('alert').allTextContents().catch(() => []);
    throw new Error(`The options page never said "Imported"${alert.length ? `; it says: ${alert.join(' | ')}` : ''}`, { cause: error });
  }
  return (await status.textContent()) ?? '';
}

// ── The panel, seen from the page ──────────────────────────────────────────────────────────────────

export interface PanelSnapshot {
  /** How many panel hosts the page holds (the contract: never two). */
  hosts: number;
  key: string | null;
  /** The panel's visible text (the shadow root's aside), whitespace collapsed. */
  text: string;
  /** True when it shows the collapsed tab rather than the panel. */
  collapsed: boolean;
}

/** What the panel helpers need of a page; Playwright's (Chromium) and Puppeteer's (Firefox) pages both fit. */
export interface PageLike {
  url(): string;
  evaluate(fn: (hostSelector: string) => PanelSnapshot, hostSelector: string): Promise<PanelSnapshot>;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** What the page shows of the panel right now. Runs in the page's main world: open shadow roots are visible there. */
export function panelSnapshot(page: PageLike): Promise<PanelSnapshot> {
  return page.evaluate((hostSelector) => {
    const hosts = [...document.querySelectorAll(hostSelector)];
    const host = hosts[0];
    const aside = host?.shadowRoot?.querySelector('aside[aria-label="Ownership"]');
    const text = ((aside as HTMLElement | null | undefined)?.innerText ?? '').replace(/\s+/g, ' ').trim();
    return {
      hosts: hosts.length,
      key: host?.getAttribute('data-ownersight-record') ?? null,
      text,
      // The panel's own toggle (named for the panel; History and other disclosures are not): the collapse
      // button says aria-expanded="true", the collapsed tab "false".
      collapsed: aside?.querySelector('button[aria-expanded][aria-label*="panel" i]')?.getAttribute('aria-expanded') === 'false',
    };
  }, PANEL_HOST);
}

export interface PanelExpectation {
  /** The record key the host must carry; `null`: no host at all. */
  key: string | RegExp | null;
  /** Texts the panel must show (the owner's name, the record's name). */
  shows?: readonly (string | RegExp)[];
  /** Texts it must not show (the previous record's owner, "Unowned" after an import). */
  hides?: readonly (string | RegExp)[];
  collapsed?: boolean;
}

function matches(snapshot: PanelSnapshot, want: PanelExpectation): boolean {
  if (snapshot.hosts > 1) return false;
  if (want.key === null) return snapshot.hosts === 0;
  if (typeof want.key === 'string' ? snapshot.key !== want.key : !want.key.test(snapshot.key ?? '')) return false;
  const has = (t: string | RegExp) => (typeof t === 'string' ? snapshot.text.includes(t) : t.test(snapshot.text));
  if (want.shows && !want.shows.every(has)) return false;
  if (want.hides && want.hides.some(has)) return false;
  if (want.collapsed !== undefined && snapshot.collapsed !== want.collapsed) return false;
  return true;
}

/**
 * Waits until the page's panel is as expected, and fails with what it last saw. Two hosts at any poll
 * fail at once: the contract is one panel per tab, whatever the SPA does.
 */
export async function expectPanel(page: PageLike, want: PanelExpectation, timeoutMs = 10_000): Promise<PanelSnapshot> {
  const deadline = Date.now() + timeoutMs;
  let last: PanelSnapshot | undefined;
  for (;;) {
    last = await panelSnapshot(page);
    if (last.hosts > 1) throw new Error(`Two panel hosts on ${page.url()}: ${JSON.stringify(last)}`);
    if (matches(last, want)) return last;
    if (Date.now() > deadline) {
      throw new Error(`Panel on ${page.url()} is not as expected.\n  wanted: ${JSON.stringify(want, (_, v: unknown) => (v instanceof RegExp ? String(v) : v))}\n  saw:    ${JSON.stringify(last)}`);
    }
    await sleep(100);
  }
}

/** The panel's aside, for clicks and keys. */
export function panel(page: Page): Locator {
  return page.locator(PANEL);
}

/**
 * The area the panel paints: its aside lays nothing out itself (the panel and the collapsed tab are
 * fixed to the viewport's edge), so this is the union of its visible children, with room for the shadow.
 */
export async function panelClip(page: Page, margin = 12): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.evaluate((selector) => {
    const aside = document.querySelector(selector)?.shadowRoot?.querySelector('aside[aria-label="Ownership"]');
    const rects = [...(aside?.children ?? [])].map((child) => child.getBoundingClientRect()).filter((r) => r.width > 1 && r.height > 1);
    if (!rects.length) return null;
    const left = Math.min(...rects.map((r) => r.left));
    const top = Math.min(...rects.map((r) => r.top));
    return { left, top, right: Math.max(...rects.map((r) => r.right)), bottom: Math.max(...rects.map((r) => r.bottom)) };
  }, PANEL_HOST);
  if (!box) throw new Error(`No visible panel on ${page.url()}`);
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const x = Math.max(0, box.left - margin);
  const y = Math.max(0, box.top - margin);
  return { x, y, width: Math.min(viewport.width, box.right + margin) - x, height: Math.min(viewport.height, box.bottom + margin) - y };
}

/** Saves a screenshot of the viewport, or with `panelOnly` of the panel, under test-results/e2e/; returns its path. */
export async function screenshot(page: Page, name: string, options: { panelOnly?: boolean } = {}): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  const clip = options.panelOnly ? await panelClip(page) : undefined;
  await page.screenshot({ path, animations: 'disabled', ...(clip ? { clip } : {}) });
  return path;
}

// ── The team service, seen from the options page ───────────────────────────────────────────────────

/** On the options page: Server URL, Access token, Save and connect; returns the connection status text. */
export async function connectThroughOptions(s: ChromiumSession, serverUrl: string, token: string, options: { test?: boolean } = {}): Promise<string> {
  const page = await s.openOptions();
  try {
    await page.getByLabel('Server URL').fill(serverUrl);
    await page.getByLabel('Access token').fill(token);
    if (options.test) {
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.getByText(/The token works/).waitFor({ timeout: 15_000 });
    }
    await page.getByRole('button', { name: 'Save and connect' }).click();
    const status = page.getByTestId('team-status');
    await status.waitFor({ timeout: 20_000 });
    return (await status.textContent()) ?? '';
  } finally {
    await page.close();
  }
}

/** "Sync now" in the panel of `page`. */
export async function syncNow(page: Page): Promise<void> {
  await panel(page).getByRole('button', { name: 'Sync now' }).click();
}

// ── A team: the service in-process, its people, and a Chromium profile per person ────────────────────

export interface TeamPerson {
  email: string;
  name: string;
  role: UserRole;
  /** Launch a Chromium profile for this person (connected through the options page unless `connect: false`). */
  browser?: boolean;
}

export interface TeamWorld {
  service: Service;
  server: Serving;
  demo: DemoServer & { dispose(): Promise<void> };
  team: string;
  tokens: Record<string, string>;
  browsers: Record<string, ChromiumSession>;
  close(): Promise<void>;
}

/**
 * The setting every team suite needs: an in-process service on a throw-away embedded database (its clock
 * `now`), a team with `people` and a token each, `seed` run before anyone connects, the service on
 * loopback, the demo CRMs, and a Chromium profile per person with `browser: true`, connected as they
 * would through the options page.
 */
export async function startTeamWorld(options: {
  people: Record<string, TeamPerson>;
  now?: () => number;
  seed?: (service: Service, team: string) => Promise<void>;
  connect?: boolean;
}): Promise<TeamWorld> {
  const service = await createService({ dataDir: 'memory://', ...(options.now ? { now: options.now } : {}) });
  const browsers: Record<string, ChromiumSession> = {};
  let server: Serving | undefined;
  let demo: (DemoServer & { dispose(): Promise<void> }) | undefined;
  const close = async () => {
    for (const session of Object.values(browsers)) await session.close();
    await demo?.dispose();
    await server?.close();
    await service.close();
  };
  try {
    const { id: team } = await service.admin.createTeam({ name: 'Acme Demo' });
    const tokens: Record<string, string> = {};
    for (const [key, person] of Object.entries(options.people)) {
      await service.admin.addUser({ team, email: person.email, name: person.name, role: person.role });
      tokens[key] = (await service.admin.createToken({ team, email: person.email })).token;
    }
    await options.seed?.(service, team);
    server = await serve(service, { port: 0, hostname: '127.0.0.1' });
    demo = await startDemo();
    for (const [key, person] of Object.entries(options.people)) {
      if (!person.browser) continue;
      browsers[key] = await launchChromium({ demo });
      if (options.connect !== false) await connectThroughOptions(browsers[key]!, server.url, tokens[key]!);
    }
    return { service, server, demo, team, tokens, browsers, close };
  } catch (error) {
    await close();
    throw error;
  }
}
