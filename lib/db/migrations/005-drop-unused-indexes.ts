import type { Migration } from './types';

// Every secondary index costs a write per row on every put, and the initial sync puts every record and
// history row of the team (bench note 9: ~5,000 rows/s in Chromium IndexedDB with 5 + 3 indexes). These
// are the indexes nothing reads (checked: every `.where(` and `.orderBy(` in lib/, entrypoints/ and
// components/, November 2026):
// - records `crm`, `updatedAt`: never queried (kept: ownerId for pool load, email and domain for
//   related records);
// - owners `email`: never queried (names by email are built from the owners already read);
// - flags `[recordKey+type]`, `until`: a record's flags are read by `recordKey`, expiry is decided in
//   memory against server time;
// - history `recordKey`, `at`: the panel reads `[recordKey+at]`, which Dexie also serves for
//   `where('recordKey')` (a compound index answers queries on its first part).
// Only indexes go; every row stays.
export const migration005: Migration = {
  version: 5,
  stores: {
    records: 'key, ownerId, email, domain',
    owners: 'id',
    flags: 'id, recordKey',
    history: 'id, [recordKey+at]',
  },
};
