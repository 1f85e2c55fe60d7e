import type { OwnersightDb } from '../db/database';
import type { Mutation } from '../model/sync';
import { readSyncMeta, writeSyncMeta } from './state';

/** A mutation before it has its number. */
export type NewMutation = Omit<Mutation, 'id'>;

/**
 * Records a local change: the outbox row and the mutation counter move in one transaction, so a change is
 * either kept whole or not at all, and no two changes share an id. There is no other local write: the
 * panel lays the outbox over what the service confirmed (overlay.ts). No fetch happens in here.
 */
export async function enqueue(db: OwnersightDb, change: NewMutation, now: number): Promise<number> {
  return db.transaction('rw', [db.outbox, db.meta], async () => {
    const { nextMutationId } = await readSyncMeta(db);
    const mutation = { ...change, id: nextMutationId } as Mutation;
    await db.outbox.add({ mutationId: nextMutationId, recordKey: mutation.args.recordKey, createdAt: now, mutation });
    await writeSyncMeta(db, { nextMutationId: nextMutationId + 1 });
    return nextMutationId;
  });
}

/**
 * Gives the pending mutations new consecutive ids from `first` (a new client id, or a service that lost
 * what it knew of this client), keeping their order. Nothing pending is dropped.
 */
export async function renumberOutbox(db: OwnersightDb, first: number): Promise<void> {
  await db.transaction('rw', [db.outbox, db.meta], async () => {
    const rows = await db.outbox.orderBy('mutationId').toArray();
    await db.outbox.clear();
    await db.outbox.bulkAdd(
      rows.map((row, i) => ({ ...row, mutationId: first + i, mutation: { ...row.mutation, id: first + i } as Mutation })),
    );
    await writeSyncMeta(db, { nextMutationId: first + rows.length });
  });
}
