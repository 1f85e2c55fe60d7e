import type { Migration } from './types';

// Team sync (issue #3) keys the outbox by the client's mutation id, and IndexedDB cannot change a
// table's primary key in place. Version 2's outbox (`++seq`) was never written by any release, but a row
// of unknown shape is still set aside in `meta`, never dropped, before the table goes. Step 4 makes the
// new one.
export const migration003: Migration = {
  version: 3,
  stores: { outbox: null },
  async upgrade(tx) {
    const legacy = await tx.table('outbox').toArray();
    if (legacy.length) await tx.table('meta').put({ key: 'outbox.legacy', value: legacy });
  },
};
