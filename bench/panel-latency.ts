import type { Page } from 'playwright-core';
import type { Db } from '../server/db/db';
import type { BenchBrowser } from './browser';
import { benchOwnerName, benchRecordUrl } from './crm-page';
import { changeOwners } from './service-seed';

// Measures 2 and 3: from the content script's `ownersight:record-known` mark (the watcher has the
// record) to its `ownersight:panel-visible` mark (the panel rendered a ready state: owner and flags from
// the background). Both marks are on the page's performance timeline, read from the main world.

/**
 * ms from the last record-known mark to the first panel-visible after it (waits up to 10 s). A
 * PerformanceObserver in the page waits for the marks (the isolated world's marks are on the document's
 * timeline): no polling, so the measurement adds no tasks of its own to the main thread it measures.
 */
export async function panelDelay(page: Page, after = -1): Promise<number> {
  // A string, not a function: tsx would wrap the inner named functions in a helper the page lacks.
  return page.evaluate(`new Promise((resolve, reject) => {
    const since = ${Number(after)};
    const answer = () => {
      const known = performance.getEntriesByName('ownersight:record-known').filter((m) => m.startTime > since).at(-1);
      if (!known) return null;
      const visible = performance.getEntriesByName('ownersight:panel-visible').find((m) => m.startTime >= known.startTime);
      return visible ? visible.startTime - known.startTime : null;
    };
    const now = answer();
    if (now !== null) return resolve(now);
    const observer = new PerformanceObserver(() => {
      const found = answer();
      if (found === null) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(found);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('The panel did not show a ready state within 10 s.'));
    }, 10000);
    observer.observe({ type: 'mark' });
  })`) as Promise<number>;
}

const loadTime = (page: Page) =>
  page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? Number.NaN);

/** Measure 2, full page loads: `n` record pages opened one after another in one tab, data cached. */
export async function cachedPanel(b: BenchBrowser, records: readonly number[]): Promise<{ delays: number[]; loads: number[] }> {
  const page = await b.ctx.newPage();
  const delays: number[] = [];
  const loads: number[] = [];
  try {
    for (const i of records) {
      await page.goto(benchRecordUrl(i), { waitUntil: 'load' });
      if (b.withExtension) delays.push(await panelDelay(page));
      loads.push(await loadTime(page));
    }
  } finally {
    await page.close();
  }
  return { delays, loads };
}

/** Measure 2, in-app navigations (pushState): `n` record changes in one page. */
export async function cachedPanelSpa(b: BenchBrowser, n: number): Promise<number[]> {
  const page = await b.open(benchRecordUrl(1));
  const delays: number[] = [];
  try {
    await panelDelay(page);
    for (let k = 2; k < n + 2; k++) {
      const before = await page.evaluate(() => performance.now());
      await page.evaluate((to) => (window as unknown as { __benchNavigate(i: number): void }).__benchNavigate(to), k);
      delays.push(await panelDelay(page, before));
    }
  } finally {
    await page.close();
  }
  return delays;
}

/**
 * Measure 3a: first visit of a record this profile never opened, with the extension's service worker
 * stopped first, so the visit pays the worker's start, the database's open and the first query.
 */
export async function coldFirstVisit(b: BenchBrowser, records: readonly number[]): Promise<number[]> {
  const delays: number[] = [];
  for (const i of records) {
    await b.session!.restartServiceWorker();
    const page = await b.open(benchRecordUrl(i));
    try {
      delays.push(await panelDelay(page));
    } finally {
      await page.close();
    }
  }
  return delays;
}

/**
 * Measure 3b: the service changes a record's owner; the user presses "Sync now" in the panel; time until
 * the panel shows the new owner (push, pull from the service on loopback, IndexedDB write, liveQuery,
 * port message, render). Timed in the page, from the click to the mutation that shows the name.
 */
export async function syncNowRoundTrip(b: BenchBrowser, db: Db, team: string, owners: number, records: readonly number[]): Promise<number[]> {
  const samples: number[] = [];
  let round = 1;
  for (const i of records) {
    const page = await b.open(benchRecordUrl(i));
    try {
      await panelDelay(page);
      // A new owner, never the page's own "Bench Owner 0" nor the current one.
      let ownerIndex = 1 + ((round++ * 7) % (owners - 1));
      if (ownerIndex === i % owners) ownerIndex = 1 + (ownerIndex % (owners - 1));
      await changeOwners(db, team, [i], ownerIndex, Date.now());
      const ms = await page.evaluate(
        ({ want, host }) =>
          new Promise<number>((resolve, reject) => {
            const root = document.querySelector(host)?.shadowRoot;
            if (!root) return reject(new Error('no panel'));
            const button = [...root.querySelectorAll('button')].find((el) => el.textContent?.trim() === 'Sync now');
            if (!button) return reject(new Error('no Sync now button'));
            const start = performance.now();
            const observer = new MutationObserver(() => {
              if (new RegExp(`${want}(?!\\d)`).test(root.textContent ?? '')) {
                observer.disconnect();
                resolve(performance.now() - start);
              }
            });
            observer.observe(root, { subtree: true, childList: true, characterData: true });
            setTimeout(() => reject(new Error(`"${want}" never showed`)), 10_000);
            button.click();
          }),
        { want: benchOwnerName(ownerIndex), host: '[data-ownersight-record]' },
      );
      samples.push(ms);
    } finally {
      await page.close();
    }
  }
  return samples;
}
