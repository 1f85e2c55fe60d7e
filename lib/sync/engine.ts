import type { OwnersightDb } from '../db/database';
import { MAX_PUSH_MUTATIONS, type PullReply, type PushReply } from '../model/sync';
import { renumberOutbox } from './outbox';
import { newClientId, readSyncMeta, writeSyncMeta } from './state';
import { service, SyncError, type Fetch } from './transport';

export interface SyncDeps {
  db: OwnersightDb;
  fetch: Fetch;
  now(): number;
}

export type SyncOutcome =
  | { status: 'synced'; pushed: number; pulled: number }
  | { status: 'not-connected' }
  | { status: 'failed'; error: SyncError };

/** Past this many pull pages in one run the rest waits for the next run (the worker must not run forever). */
const MAX_PULL_PAGES = 200;

/** Writes one pull page: the confirmed rows, the cookie, and the outbox rows the service has now applied. */
export async function applyPull(db: OwnersightDb, reply: PullReply, now: number): Promise<number> {
  const synced = [db.records, db.owners, db.flags, db.checklists, db.history];
  return db.transaction('rw', [...synced, db.outbox, db.meta], async () => {
    if (reply.reset) await Promise.all(synced.map((table) => table.clear()));
    // Issued together (one transaction, requests queue in order); an empty list is not sent at all.
    const puts: Promise<unknown>[] = [];
    if (reply.records.length) puts.push(db.records.bulkPut(reply.records));
    if (reply.owners.length) puts.push(db.owners.bulkPut(reply.owners));
    if (reply.flags.length) puts.push(db.flags.bulkPut(reply.flags));
    if (reply.deletedFlags.length) puts.push(db.flags.bulkDelete(reply.deletedFlags));
    if (reply.checklists.length) puts.push(db.checklists.bulkPut(reply.checklists));
    if (reply.history.length) puts.push(db.history.bulkPut(reply.history));
    // Their effects are in the rows above now (or in earlier pages): stop laying them over.
    puts.push(db.outbox.where('mutationId').belowOrEqual(reply.lastMutationId).delete());
    // In service time, like every time the panel measures against.
    puts.push(writeSyncMeta(db, { cookie: reply.cookie, clockOffset: reply.serverNow - now, lastSyncedAt: reply.serverNow, lastError: undefined }));
    await Promise.all(puts);
    return reply.records.length + reply.owners.length + reply.flags.length + reply.deletedFlags.length + reply.checklists.length + reply.history.length;
  });
}

/** Files what the service said of each pushed mutation: conflicts and refusals leave the outbox for the user to see. */
async function applyPushReply(db: OwnersightDb, reply: PushReply, now: number): Promise<void> {
  await db.transaction('rw', [db.outbox, db.conflicts], async () => {
    for (const result of reply.results) {
      if (result.status !== 'conflict' && result.status !== 'rejected') continue;
      const row = await db.outbox.get(result.id);
      if (!row) continue;
      await db.conflicts.put({
        mutationId: row.mutationId,
        recordKey: row.recordKey,
        status: result.status,
        mutation: row.mutation,
        message: result.message ?? (result.status === 'conflict' ? 'Someone changed this first.' : 'The service refused this change.'),
        ...(result.current ? { current: result.current } : {}),
        at: now,
      });
      await db.outbox.delete(result.id);
    }
  });
}

async function push(deps: SyncDeps, clientId: string): Promise<number> {
  const { db } = deps;
  const connection = (await readSyncMeta(db)).connection!;
  let pushed = 0;
  // Applied rows stay in the outbox (laid over the view) until a pull carries their effects; within one
  // run, each page starts after what the service has acknowledged.
  let acked = 0;
  for (;;) {
    const rows = await db.outbox.where('mutationId').above(acked).limit(MAX_PUSH_MUTATIONS).toArray();
    if (!rows.length) return pushed;
    let reply: PushReply;
    try {
      reply = await service.push(deps.fetch, connection, { clientId, mutations: rows.map((row) => row.mutation) });
    } catch (error) {
      // The service lost what it knew of this client (restored from a backup, say): number the pending
      // changes from where it stands and send them again. Nothing pending is dropped.
      if (error instanceof SyncError && error.code === 'mutation-gap' && error.expected !== undefined && error.expected < rows[0]!.mutationId) {
        await renumberOutbox(db, error.expected);
        acked = 0;
        continue;
      }
      throw error;
    }
    await applyPushReply(db, reply, deps.now());
    pushed += rows.length;
    if (reply.lastMutationId < rows[rows.length - 1]!.mutationId) return pushed;
    acked = reply.lastMutationId;
  }
}

/**
 * One sync run: push the outbox, then pull until the service has nothing more. Never throws; a failure is
 * recorded in meta (the panel shows it) and returned for the scheduler's backoff.
 */
export async function syncOnce(deps: SyncDeps): Promise<SyncOutcome> {
  const { db } = deps;
  let meta = await readSyncMeta(db);
  if (!meta.connection) return { status: 'not-connected' };
  let clientId = meta.clientId;
  if (!clientId) {
    clientId = newClientId();
    await writeSyncMeta(db, { clientId });
  }
  try {
    const pushed = await push(deps, clientId);
    let pulled = 0;
    meta = await readSyncMeta(db);
    const connection = meta.connection!;
    const pullFrom = (cookie: string | null) => service.pull(deps.fetch, connection, { clientId, cookie });
    let next = pullFrom(meta.cookie);
    for (let page = 0; page < MAX_PULL_PAGES; page++) {
      const reply = await next;
      // Ask for the next page while this one is written: the service builds it while IndexedDB writes.
      // Pages are still written one after another, in order, each with its own cookie; a page fetched
      // but not written (this write failed) is dropped and asked for again next run.
      if (reply.more && page + 1 < MAX_PULL_PAGES) {
        next = pullFrom(reply.cookie);
        next.catch(() => undefined);
      }
      pulled += await applyPull(db, reply, deps.now());
      if (!reply.more) break;
    }
    return { status: 'synced', pushed, pulled };
  } catch (error) {
    const failure = error instanceof SyncError ? error : new SyncError('server', error instanceof Error ? error.message : 'Sync failed.');
    if (!(error instanceof SyncError)) console.error('[ownersight] sync failed', error);
    await writeSyncMeta(db, { lastError: { code: failure.code, message: failure.message, at: deps.now() } });
    return { status: 'failed', error: failure };
  }
}
