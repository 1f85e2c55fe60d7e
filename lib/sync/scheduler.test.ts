import { describe, expect, it } from 'vitest';
import type { SyncOutcome } from './engine';
import { backoffDelay, BASE_BACKOFF_MS, createSyncScheduler, MAX_BACKOFF_MS } from './scheduler';
import { SyncError } from './transport';

function harness(outcomes: SyncOutcome[]) {
  const timers: { callback: () => void; ms: number; cleared: boolean }[] = [];
  let runs = 0;
  let release: (() => void) | null = null;
  const scheduler = createSyncScheduler({
    run: async () => {
      runs++;
      await new Promise<void>((resolve) => (release = resolve));
      return outcomes.shift() ?? { status: 'synced', pushed: 0, pulled: 0 };
    },
    setTimer: (callback, ms) => {
      const t = { callback, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => void ((t as { cleared: boolean }).cleared = true),
    random: () => 0.5,
  });
  const finish = async () => {
    await Promise.resolve();
    release?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { scheduler, timers, runs: () => runs, finish };
}

describe('sync scheduler', () => {
  it('never runs twice at once; a request during a run makes exactly one more run', async () => {
    const h = harness([]);
    const first = h.scheduler.request('startup');
    const second = h.scheduler.request('write');
    const third = h.scheduler.request('write');
    expect(second).toBe(first);
    expect(third).toBe(first);
    await h.finish();
    expect(h.runs()).toBe(2);
    await h.finish();
    await first;
    expect(h.runs()).toBe(2);
  });

  it('retries a transient failure with growing, jittered waits, and stops after success', async () => {
    const offline = { status: 'failed', error: new SyncError('offline', 'down') } as const;
    const h = harness([offline, offline]);
    void h.scheduler.request('startup');
    await h.finish();
    expect(h.timers.map((t) => t.ms)).toEqual([backoffDelay(1, 0.5)]);
    h.timers[0]!.callback();
    await h.finish();
    expect(h.timers.map((t) => t.ms)).toEqual([backoffDelay(1, 0.5), backoffDelay(2, 0.5)]);
    h.timers[1]!.callback();
    await h.finish();
    expect(h.timers).toHaveLength(2);
    expect(h.scheduler.failures).toBe(0);
  });

  it('does not retry by itself what needs a person (a refused token)', async () => {
    const h = harness([{ status: 'failed', error: new SyncError('unauthorized', 'new token') }]);
    void h.scheduler.request('startup');
    await h.finish();
    expect(h.timers).toHaveLength(0);
  });

  it('a user action cancels the pending retry and syncs now', async () => {
    const h = harness([{ status: 'failed', error: new SyncError('timeout', 'slow') }]);
    void h.scheduler.request('startup');
    await h.finish();
    void h.scheduler.request('manual');
    expect(h.timers[0]!.cleared).toBe(true);
    await h.finish();
    expect(h.runs()).toBe(2);
  });

  it('backoff doubles from the base, is capped, and jitter keeps it within [half, all]', () => {
    expect(backoffDelay(1, 0)).toBe(BASE_BACKOFF_MS / 2);
    expect(backoffDelay(1, 0.999999)).toBeLessThanOrEqual(BASE_BACKOFF_MS);
    expect(backoffDelay(3, 0)).toBe(2 * BASE_BACKOFF_MS);
    expect(backoffDelay(50, 0.999999)).toBeLessThanOrEqual(MAX_BACKOFF_MS);
    expect(backoffDelay(50, 0)).toBe(MAX_BACKOFF_MS / 2);
  });
});
