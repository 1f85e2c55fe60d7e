import type { Migration } from './types';

// Adds flags, the append-only history, checklists, rule packs and the sync outbox; indexes records by
// email and web domain so one person or company seen in two CRMs can be found. Version-1 rows were
// written with emails and domains as the page showed them, so they are normalised here, once, or the
// new indexes would miss them.
export const migration002: Migration = {
  version: 2,
  stores: {
    records: 'key, crm, ownerId, updatedAt, email, domain',
    owners: 'id, email',
    flags: 'id, recordKey, [recordKey+type], until',
    history: 'id, recordKey, [recordKey+at], at',
    checklists: 'recordKey',
    rulePacks: 'id, version',
    outbox: '++seq, createdAt',
  },
  async upgrade(tx) {
    await tx
      .table('records')
      .toCollection()
      .modify((row: { email?: string; domain?: string; supportingOwnerIds?: string[]; consent?: object; version?: number }) => {
        if (row.email) row.email = row.email.trim().toLowerCase();
        if (row.domain) row.domain = row.domain.trim().toLowerCase().replace(/^www\./, '');
        row.supportingOwnerIds ??= [];
        row.consent ??= {};
        row.version ??= 0;
      });
    await tx
      .table('owners')
      .toCollection()
      .modify((row: { email?: string; active?: boolean }) => {
        if (row.email) row.email = row.email.trim().toLowerCase();
        row.active ??= true;
      });
  },
};
