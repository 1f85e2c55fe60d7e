import type { Migration } from './types';

// The first schema: ownership per record, the owners, and a key/value meta table.
export const migration001: Migration = {
  version: 1,
  stores: {
    records: 'key, crm, ownerId, updatedAt',
    owners: 'id',
    meta: 'key',
  },
};
