import pg from 'pg';
import type { Db, Isolation, Sql } from './db';

const INT8 = 20;

/**
 * PostgreSQL through a `pg` pool. `schema` (tests) puts every table in that schema via search_path, so
 * concurrent runs against one database do not meet.
 */
export async function openPostgres(connectionString: string, options: { schema?: string; max?: number } = {}): Promise<Db> {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error('ownersight: idle PostgreSQL connection failed:', error.message));
  const wrap = (runner: { query: pg.Pool['query'] }): Sql => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await runner.query(text, [...params])).rows as T[];
    },
  });
  if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`);
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction<T>(fn: (tx: Sql) => Promise<T>, isolation: Isolation = 'read committed') {
      const client = await pool.connect();
      try {
        await client.query(`BEGIN ISOLATION LEVEL ${isolation.toUpperCase()}`);
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Not a plain identifier: ${name}`);
  return `"${name}"`;
}
