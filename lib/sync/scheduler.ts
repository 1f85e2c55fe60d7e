import type { SyncOutcome } from './engine';

export type SyncReason = 'startup' | 'write' | 'alarm' | 'online' | 'manual' | 'retry' | 'configured';

export interface SchedulerDeps {
  run(): Promise<SyncOutcome>;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** 0 ≤ x < 1; jitter spreads the retries of a whole team after the service comes back. */
  random(): number;
}

/** The first retry after a failure waits about this long; each next one doubles, up to MAX_BACKOFF_MS. */
export const BASE_BACKOFF_MS = 2_000;
export const MAX_BACKOFF_MS = 5 * 60_000;

/** "Full jitter" backoff: a uniform wait between half and all of the doubled delay. */
export function backoffDelay(failures: number, random: number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/**
 * One sync at a time. A request while a run is going marks one more run to follow it (so a write made
 * during a pull is pushed), never a second concurrent run. Transient failures retry with backoff; the
 * periodic alarm is the safety net when the service worker was stopped in between.
 */
export function createSyncScheduler(deps: SchedulerDeps) {
  let running: Promise<SyncOutcome> | null = null;
  let again = false;
  let failures = 0;
  let retry: unknown = null;

  const loop = async (): Promise<SyncOutcome> => {
    let outcome: SyncOutcome;
    do {
      again = false;
      outcome = await deps.run();
    } while (again);
    if (outcome.status === 'failed' && outcome.error.transient) {
      failures++;
      retry = deps.setTimer(() => {
        retry = null;
        void request('retry');
      }, backoffDelay(failures, deps.random()));
    } else {
      failures = 0;
    }
    return outcome;
  };

  function request(reason: SyncReason): Promise<SyncOutcome> {
    // A retry waits its turn; anything else (the user, a write, the network coming back) goes now.
    if (reason !== 'retry' && retry !== null) {
      deps.clearTimer(retry);
      retry = null;
    }
    if (running) {
      again = true;
      return running;
    }
    running = loop().finally(() => {
      running = null;
    });
    return running;
  }

  return { request, get failures() { return failures; } };
}

export type SyncScheduler = ReturnType<typeof createSyncScheduler>;
