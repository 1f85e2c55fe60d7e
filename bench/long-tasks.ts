import type { BenchBrowser } from './browser';
import { BENCH_HOST, benchRecordUrl } from './crm-page';
import { mainThreadTasks, startTrace, type MainThreadTask } from './trace';
import { sleep } from './stats';

// Measure 4: the heavy CRM-like page (crm-page.ts: ~10,000 elements, the DOM changing every 16 ms) for
// `seconds`, traced, with and without the extension. Reported: the Long Tasks API's own entries (≥ 50 ms,
// all it can see), every main-thread task over 10 ms from the trace, and the extension's script time
// inside each task (the attribution; see trace.ts).

export interface LongTaskRun {
  longtaskApi: { count: number; max: number };
  over10: { count: number; max: number };
  /** The longest extension script time inside one task, ms. */
  extensionMax: number;
  /** Tasks where the extension ran over 10 ms. */
  extensionOver10: number;
  /** Extension script time per second of page life, ms. */
  extensionPerSecond: number;
  elements: number;
  tasks: number;
  /** The tasks where the extension ran longest: ms of extension script and what ran. */
  top: { extension: number; duration: number; parts: string[] }[];
}

export async function heavyPageRun(b: BenchBrowser, record: number, seconds: number): Promise<LongTaskRun> {
  b.pageOptions = { nodes: 10_000, mutate: true };
  const page = await b.ctx.newPage();
  try {
    await page.addInitScript(() => {
      const w = window as unknown as { __longtasks: number[] };
      w.__longtasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longtasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const cdp = await page.context().newCDPSession(page);
    const stop = await startTrace(cdp);
    await page.goto(benchRecordUrl(record), { waitUntil: 'load' });
    await sleep(seconds * 1000);
    const events = await stop();
    await cdp.detach();
    const { longtasks, elements } = await page.evaluate(() => ({
      longtasks: (window as unknown as { __longtasks: number[] }).__longtasks,
      elements: document.getElementsByTagName('*').length,
    }));
    const tasks: MainThreadTask[] = mainThreadTasks(events, BENCH_HOST);
    const over10 = tasks.filter((t) => t.duration > 10);
    const ext = tasks.map((t) => t.extension);
    return {
      longtaskApi: { count: longtasks.length, max: Math.max(0, ...longtasks) },
      over10: { count: over10.length, max: Math.max(0, ...over10.map((t) => t.duration)) },
      extensionMax: Math.max(0, ...ext),
      extensionOver10: ext.filter((x) => x > 10).length,
      extensionPerSecond: ext.reduce((a, x) => a + x, 0) / seconds,
      elements,
      tasks: tasks.length,
      top: [...tasks]
        .sort((a, b) => b.extension - a.extension)
        .slice(0, 3)
        .map((t) => ({ extension: Math.round(t.extension * 100) / 100, duration: Math.round(t.duration * 100) / 100, parts: t.parts.slice(0, 8) })),
    };
  } finally {
    await page.close();
    b.pageOptions = { nodes: 200, mutate: false };
  }
}
