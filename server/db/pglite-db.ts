import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import type { Db, Isolation, Sql } from './db';

const INT8 = 20;

/** The embedded database: a folder on disk (or `memory://` for tests), one connection, no server to install. */
export async function openPglite(dataDir: string): Promise<Db> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create({ dataDir, parsers: { [INT8]: (value: string) => Number(value) } });
  const wrap = (runner: { query: PGlite['query'] }): Sql => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await runner.query<T>(text, [...params])).rows;
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: <T>(fn: (tx: Sql) => Promise<T>, isolation: Isolation = 'read committed') =>
      pg.transaction(async (tx) => {
        // One connection serialises everything anyway; the statement keeps the SQL the same as PostgreSQL's.
        await tx.query(`SET TRANSACTION ISOLATION LEVEL ${isolation.toUpperCase()}`);
        return fn(wrap(tx));
      }),
    close: () => pg.close(),
  };
}
