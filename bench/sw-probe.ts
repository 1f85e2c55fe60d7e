import { OwnersightDb } from '../lib/db/database';
import { loadBundle } from '../lib/db/queries';
import type { Ownership } from '../lib/model/ownership';
import { syncOnce } from '../lib/sync/engine';
import { writeSyncMeta } from '../lib/sync/state';

// Bundled by sw-bundle.ts and evaluated inside the extension's own service worker (CDP), so lookups and
// syncs run on Chromium's IndexedDB with the product's code (Dexie schema, loadBundle, syncOnce). It uses
// a database of its own (`ownersight-bench`): the extension's background never opens it, so its alarm
// sync cannot interleave with a measured one.

const SUFFIX = 'YHA';
const rid = (i: number) => `001BENCH${String(i).padStart(7, '0')}${SUFFIX}`;
const oid = (o: number) => `005BENCH${String(o).padStart(7, '0')}`;

function record(i: number, owners: number, now: number): Ownership {
  return {
    key: `salesforce:account:${rid(i)}`,
    crm: 'salesforce',
    kind: 'account',
    recordId: rid(i),
    objectType: 'Account',
    name: `Bench Account ${i}`,
    domain: `bench${i}.example`,
    ownerId: oid(i % owners),
    supportingOwnerIds: [],
    assignedAt: now,
    consent: {},
    updatedAt: now,
    version: 1,
  };
}

let db: OwnersightDb | undefined;
const open = () => (db ??= new OwnersightDb('ownersight-bench'));

const probe = {
  /** Empties the bench database. */
  async reset(): Promise<void> {
    await open().delete();
    db = undefined;
    await open().open();
  },
  /** Writes records [from, from + count) with the same rows the service seed holds; returns ms taken. */
  async seed(from: number, count: number, owners: number, now: number): Promise<number> {
    const d = open();
    const start = performance.now();
    const CHUNK = 10_000;
    for (let s = from; s < from + count; s += CHUNK) {
      const rows: Ownership[] = [];
      for (let i = s; i < Math.min(from + count, s + CHUNK); i++) rows.push(record(i, owners, now));
      await d.records.bulkPut(rows);
    }
    if (from === 0) {
      await d.owners.bulkPut(Array.from({ length: owners }, (_, o) => ({ id: oid(o), name: `Bench Owner ${o}`, kind: 'person' as const, role: 'sales' as const, email: `owner${o}@acme-bench.example`, active: true })));
    }
    return performance.now() - start;
  },
  count: () => open().records.count(),
  /** Times `loadBundle` (the panel's read of one record) for each index; ms per lookup. */
  async lookups(indices: number[]): Promise<number[]> {
    const d = open();
    const out: number[] = [];
    for (const i of indices) {
      const start = performance.now();
      const bundle = await loadBundle(d, `salesforce:account:${rid(i)}`, 50);
      out.push(performance.now() - start);
      if (!bundle.record) throw new Error(`record ${i} missing`);
    }
    return out;
  },
  /** Makes this database a client of `team` that already holds everything up to `cookie`. */
  async connectAt(serverUrl: string, token: string, cookie: string, me: unknown): Promise<void> {
    await writeSyncMeta(open(), { connection: { serverUrl, token }, clientId: `bench${Date.now().toString(36)}`, cookie, me: me as never });
  },
  /** One sync run (push, then pull to the end); ms and what it did. */
  async sync(): Promise<{ ms: number; outcome: unknown }> {
    const start = performance.now();
    const outcome = await syncOnce({ db: open(), fetch: (input, init) => fetch(input, init), now: () => Date.now() });
    const error = outcome.status === 'failed' ? { code: outcome.error.code, message: outcome.error.message } : undefined;
    return { ms: performance.now() - start, outcome: { ...JSON.parse(JSON.stringify(outcome)), ...(error ? { error } : {}) } };
  },
  async ownerOf(i: number): Promise<string | null | undefined> {
    return (await open().records.get(`salesforce:account:${rid(i)}`))?.ownerId;
  },
};

(globalThis as unknown as { __ownersightBench: typeof probe }).__ownersightBench = probe;
