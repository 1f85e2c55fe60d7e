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

  /** `migrations` is cut short only by the migration tests, to build a database of an older version. */
  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1], migrations: readonly Migration[] = MIGRATIONS) {
    super(name, options);
    for (const migration of migrations) {
      const version = this.version(migration.version).stores(migration.stores);
      if (migration.upgrade) version.upgrade(migration.upgrade);
    }
  }
}

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
