import type { Migration } from './types';

// The sync outbox, keyed by the client's own mutation id (the number the service dedupes on) and indexed
// by record, so a panel can lay a record's pending changes over what the service confirmed.
// `conflicts` keeps what the service refused or found stale until the user has dealt with it.
export const migration004: Migration = {
  version: 4,
  stores: {
    outbox: 'mutationId, recordKey',
    conflicts: 'mutationId, recordKey',
  },
};
