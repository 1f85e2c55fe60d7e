import type { BenchBrowser } from './browser';
import { benchRecordUrl } from './crm-page';
import { sleep } from './stats';

// Measure 5: main-thread time of in-app navigations (pushState to another record and a header re-render,
// crm-page.ts), from CDP Performance.getMetrics (TaskDuration: all main-thread task time of the page's
// renderer, the content script's isolated world included; ScriptDuration: script only). The same page and
// navigations run with and without the extension; the difference per navigation is the extension's.

export interface NavRound {
  /** ms of main-thread task time per navigation (incl. the wait after it). */
  taskPerNav: number;
  scriptPerNav: number;
}

export async function navigationRound(b: BenchBrowser, navigations: number, gapMs: number): Promise<NavRound> {
  b.pageOptions = { nodes: 10_000, mutate: false };
  const page = await b.open(benchRecordUrl(3));
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await sleep(1500); // the first panel and the page's own start settle
    const metrics = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
      return { task: get('TaskDuration'), script: get('ScriptDuration') };
    };
    const before = await metrics();
    for (let k = 0; k < navigations; k++) {
      await page.evaluate((to) => (window as unknown as { __benchNavigate(i: number): void }).__benchNavigate(to), 10 + (k % 50));
      await sleep(gapMs);
    }
    const after = await metrics();
    await cdp.detach();
    return { taskPerNav: ((after.task - before.task) * 1000) / navigations, scriptPerNav: ((after.script - before.script) * 1000) / navigations };
  } finally {
    await page.close();
    b.pageOptions = { nodes: 200, mutate: false };
  }
}
