import type { CDPSession } from 'playwright-core';

// A Chromium performance trace of one page (CDP Tracing on the page's session), reduced to the renderer
// main thread's tasks and, inside each, how long scripts of the extension ran (events whose script URL
// is chrome-extension://...). That attributes main-thread time to the extension even inside the page's
// own tasks: a MutationObserver callback runs in the microtask checkpoint of the task that mutated.

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; scriptName?: string; functionName?: string; lineNumber?: number; stackTrace?: { url?: string }[] } };
}

export interface MainThreadTask {
  /** ms */
  duration: number;
  /** ms of extension script inside it */
  extension: number;
  /** The outermost extension script events inside it: what ran (for the report on the longest tasks). */
  parts: string[];
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel'].join(',');

export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES.split(',') } } as never);
  return async () => {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

function extensionUrl(event: TraceEvent): boolean {
  const data = event.args?.data;
  const url = data?.url ?? data?.scriptName ?? data?.stackTrace?.[0]?.url ?? '';
  return url.startsWith('chrome-extension://');
}

/** The tasks of every renderer main thread whose URL-bearing events show `pageHost`; the extension's share of each. */
export function mainThreadTasks(events: readonly TraceEvent[], pageHost: string): MainThreadTask[] {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  // The page's main thread: the one that ran the page's own scripts or parsed its HTML.
  const pageThreads = new Set(
    events.filter((e) => mains.has(`${e.pid}:${e.tid}`) && (e.args?.data?.url ?? '').includes(pageHost)).map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!pageThreads.has(key) || e.ph !== 'X' || e.dur === undefined) continue;
    (byThread.get(key) ?? byThread.set(key, []).get(key)!).push(e);
  }
  const tasks: MainThreadTask[] = [];
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const runs = list.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
    const scripts = list.filter((e) => extensionUrl(e) && (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.compile' || e.name === 'TimerFire' || e.name === 'FireAnimationFrame'));
    let s = 0;
    let lastEnd = -1;
    for (const task of runs) {
      if (task.ts < lastEnd) continue; // nested RunTask: counted in its parent
      lastEnd = task.ts + task.dur!;
      let ext = 0;
      let extEnd = -1;
      const parts: string[] = [];
      while (s < scripts.length && scripts[s]!.ts < task.ts) s++;
      for (let k = s; k < scripts.length && scripts[k]!.ts < lastEnd; k++) {
        const e = scripts[k]!;
        if (e.ts >= extEnd) {
          // Outermost extension event only (a FunctionCall inside a TimerFire is the same time).
          ext += Math.min(e.dur!, lastEnd - e.ts);
          extEnd = e.ts + e.dur!;
          const d = e.args?.data;
          const file = (d?.url ?? d?.scriptName ?? d?.stackTrace?.[0]?.url ?? '').replace(/^chrome-extension:\/\/[^/]+\//, '');
          parts.push(`${e.name} ${file}${d?.functionName ? ` ${d.functionName}` : ''}${d?.lineNumber !== undefined ? `:${d.lineNumber}` : ''} ${(e.dur! / 1000).toFixed(2)} ms`);
        }
      }
      tasks.push({ duration: task.dur! / 1000, extension: ext / 1000, parts });
    }
  }
  return tasks;
}
