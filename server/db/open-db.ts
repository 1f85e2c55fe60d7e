import { resolve } from 'node:path';
import type { Db } from './db';
import { lockDataDir } from './data-dir-lock';
import { openPglite } from './pglite-db';
import { openPostgres } from './postgres-db';

export const DEFAULT_DATA_DIR = '.data/pglite';

export interface OpenDbOptions {
  /** PostgreSQL when given; else the embedded database. */
  databaseUrl?: string;
  /** The embedded database's folder (`memory://` for one that vanishes on close). */
  dataDir?: string;
  /** PostgreSQL only: keep every table in this schema (tests). */
  schema?: string;
}

export async function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, { ...(options.schema ? { schema: options.schema } : {}) });
  const dir = options.dataDir ?? DEFAULT_DATA_DIR;
  if (dir.startsWith('memory://')) return openPglite(dir);
  const path = resolve(dir);
  const unlock = lockDataDir(path);
  try {
    const db = await openPglite(path);
    return { ...db, close: () => db.close().finally(unlock) };
  } catch (error) {
    unlock();
    throw error;
  }
}
