import Dexie, { type Table } from 'dexie';
import type { Checklist, Flag, HistoryEntry, Owner, Ownership } from '../model/ownership';
import type { Mutation } from '../model/sync';
import { MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/types';

export interface MetaRow {
  key: string;
  value: unknown;
}

/** One local change waiting for the service: written in the same transaction as the user's action. */
export interface OutboxRow {
  /** The client's own counter, the id the service dedupes on. */
  mutationId: number;
  recordKey: string;
  createdAt: number;
  mutation: Mutation;
}

/** A change the service found stale (owner conflict) or refused; kept until the user deals with it. */
export interface ConflictRow {
  mutationId: number;
  recordKey: string;
  status: 'conflict' | 'rejected';
  mutation: Mutation;
  message: string;
  /** On an owner conflict: what the service holds now. */
  current?: { ownerId: string | null; version: number };
  at: number;
}

export interface RulePackRow {
  id: string;
  version: number;
  pack: unknown;
}

export const DB_NAME = 'ownersight';

/**
 * The extension's database. Background only: opened in a content script it would be the CRM site's
 * IndexedDB, not ours.
 */
export class OwnersightDb extends Dexie {
  records!: Table<Ownership, string>;
  owners!: Table<Owner, string>;
  flags!: Table<Flag, string>;
  history!: Table<HistoryEntry, string>;
  checklists!: Table<Checklist, string>;
  rulePacks!: Table<RulePackRow, string>;
  outbox!: Table<OutboxRow, number>;
  conflicts!: Table<ConflictRow, number>;
  meta!: Table<MetaRow, string>;
  /**
   * Goes up whenever a write to `records` is requested and again when its transaction commits (or
   * fails), so a figure derived from all records (pool loads) and stamped with the count read before it
   * began is known stale once any write touched records since. Counts writes through this connection: the
   * background is the only writer.
   */
  recordsWrites = 0;

  /** `migrations` is cut short only by the migration tests, to build a database of an older version. */
  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1], migrations: readonly Migration[] = MIGRATIONS) {
    super(name, options);
    for (const migration of migrations) {
      const version = this.version(migration.version).stores(migration.stores);
      if (migration.upgrade) version.upgrade(migration.upgrade);
    }
    this.use({
      stack: 'dbcore',
      name: 'records-writes',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'records') return table;
          return {
            ...table,
            mutate: (req) => {
              this.recordsWrites++;
              // The native transaction under Dexie's DBCore: bump again once the write is visible to readers.
              const trans = req.trans as unknown as Partial<Pick<IDBTransaction, 'addEventListener'>>;
              const settled = () => void this.recordsWrites++;
              trans.addEventListener?.('complete', settled);
              trans.addEventListener?.('abort', settled);
              return table.mutate(req);
            },
          };
        },
      }),
    });
  }
}

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
