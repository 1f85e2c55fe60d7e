import type { BenchBrowser } from './browser';
import { heapAfterGc } from './cdp';
import { benchRecordUrl } from './crm-page';
import { panelDelay } from './panel-latency';
import { sleep } from './stats';

// Measure 11b: the content script's heap in one tab. The page's main world and the content script's
// isolated world share the renderer's V8 isolate, so CDP Runtime.getHeapUsage (after two forced GCs) on
// the same bench page with and without the extension differ by what the extension keeps: its isolated
// world, the Preact tree, the shadow root's DOM wrappers.

export async function tabHeaps(b: BenchBrowser, tabs: number): Promise<number[]> {
  const out: number[] = [];
  for (let t = 0; t < tabs; t++) {
    const page = await b.open(benchRecordUrl(20 + t));
    try {
      if (b.withExtension) await panelDelay(page);
      await sleep(1000);
      const cdp = await page.context().newCDPSession(page);
      out.push(await heapAfterGc(cdp));
      await cdp.detach();
    } finally {
      await page.close();
    }
  }
  return out;
}
