import type { Worker } from 'playwright-core';
import type { Db } from '../server/db/db';
import { encodeCookie } from '../server/sync/cookie';
import { changeOwners } from './service-seed';
import { swProbeScript } from './sw-bundle';

// Measures 6, 7 and 8 in the extension's service worker, on Chromium's IndexedDB, with the product's own
// code (sw-probe.ts: the Dexie schema, loadBundle, syncOnce) in a database of the probe's own.

type Probe = {
  reset(): Promise<void>;
  seed(from: number, count: number, owners: number, now: number): Promise<number>;
  count(): Promise<number>;
  lookups(indices: number[]): Promise<number[]>;
  connectAt(serverUrl: string, token: string, cookie: string | null, me: unknown): Promise<void>;
  sync(): Promise<{ ms: number; outcome: { status: string; pulled?: number; error?: { message?: string } } }>;
  ownerOf(i: number): Promise<string | null | undefined>;
};

export async function installProbe(worker: Worker): Promise<void> {
  await worker.evaluate(await swProbeScript());
}

const call = <K extends keyof Probe>(worker: Worker, name: K, ...args: Parameters<Probe[K]>): Promise<Awaited<ReturnType<Probe[K]>>> =>
  worker.evaluate(
    ([n, a]) => {
      const probe = (globalThis as unknown as { __ownersightBench: Record<string, (...x: unknown[]) => unknown> }).__ownersightBench;
      return probe[n as string]!(...(a as unknown[]));
    },
    [name, args] as const,
  ) as never;

const me = (email: string, team: string) => ({ user: { email, name: 'Bench Admin 0', role: 'admin' }, team: { id: team, name: 'bench' } });

/** Measure 7: `runs` initial syncs from an empty client (reset before each). */
export async function initialSyncs(worker: Worker, serverUrl: string, token: string, email: string, team: string, runs: number, expected: number): Promise<number[]> {
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    await call(worker, 'reset');
    await call(worker, 'connectAt', serverUrl, token, null, me(email, team));
    const { ms, outcome } = await call(worker, 'sync');
    if (outcome.status !== 'synced') throw new Error(`initial sync ${outcome.status}: ${outcome.error?.message ?? ''}`);
    const count = await call(worker, 'count');
    if (count !== expected) throw new Error(`initial sync left ${count} records, expected ${expected}`);
    samples.push(ms);
  }
  return samples;
}

/** Fills the probe database with `total` records; ms per chunk of `chunk`. */
export async function seedClient(worker: Worker, total: number, owners: number, now: number, onChunk?: (done: number, ms: number) => void): Promise<number> {
  await call(worker, 'reset');
  const chunk = 100_000;
  let ms = 0;
  for (let from = 0; from < total; from += chunk) {
    const t = await call(worker, 'seed', from, Math.min(chunk, total - from), owners, now);
    ms += t;
    onChunk?.(Math.min(total, from + chunk), t);
  }
  return ms;
}

/** Measure 6: loadBundle for `n` pseudo-random records among `total`, after a warm-up. */
export async function lookups(worker: Worker, total: number, n: number): Promise<number[]> {
  const pick = (k: number) => (k * 2_654_435_761) % total;
  await call(worker, 'lookups', Array.from({ length: 50 }, (_, k) => pick(k + 100_000)));
  return call(worker, 'lookups', Array.from({ length: n }, (_, k) => pick(k)));
}

/**
 * Measure 8: the client holds `total` records and the cookie of the service's head; each round the
 * service changes 100 owners (one team version) and one sync run pulls them.
 */
export async function deltaSyncs(
  worker: Worker,
  db: Db,
  options: { serverUrl: string; token: string; email: string; team: string; total: number; owners: number; rounds: number; changes: number },
): Promise<number[]> {
  const [state] = await db.query<{ v: number; epoch: string }>('SELECT tv.v, t.epoch FROM team_version tv JOIN teams t ON t.id = tv.team_id WHERE tv.team_id = $1', [options.team]);
  const cookie = encodeCookie({ v: state!.v, team: options.team, epoch: state!.epoch });
  await call(worker, 'connectAt', options.serverUrl, options.token, cookie, me(options.email, options.team));
  // A first run with nothing to pull: the client is registered and the connection warm, as in steady state.
  await call(worker, 'sync');
  const samples: number[] = [];
  for (let r = 0; r < options.rounds; r++) {
    const indices = Array.from({ length: options.changes }, (_, k) => ((r * options.changes + k) * 7919) % options.total);
    await changeOwners(db, options.team, indices, 1 + (r % (options.owners - 1)), Date.now());
    const { ms, outcome } = await call(worker, 'sync');
    if (outcome.status !== 'synced' || outcome.pulled !== options.changes * 2) throw new Error(`delta sync: ${JSON.stringify(outcome)}`);
    samples.push(ms);
  }
  return samples;
}
