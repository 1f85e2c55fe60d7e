import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { quoteIdent } from '../db/postgres-db';

// Which databases the server suites run on. PGlite always. PostgreSQL at OWNERSIGHT_TEST_DATABASE_URL
// (default: the role and database scripts/setup-debian.sh creates); unreachable, it FAILS the run under
// CI=true and is skipped with a loud message elsewhere. Each suite gets its own schema, dropped after.

export const POSTGRES_URL = process.env.OWNERSIGHT_TEST_DATABASE_URL ?? 'postgres://ownersight:ownersight@127.0.0.1:5432/ownersight_test';
export const IN_CI = process.env.CI === 'true';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  /** createService options for a fresh database (or schema), and how to drop it afterwards. */
  open(): Promise<{ options: { dataDir: string } | { databaseUrl: string; schema: string }; drop(): Promise<void> }>;
}

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const postgresProblem = await probePostgres();

if (postgresProblem && !IN_CI) {
  console.warn(
    `\n${'!'.repeat(100)}\n!! PostgreSQL at ${POSTGRES_URL} is unreachable (${postgresProblem}).\n` +
      `!! The server suites run on PGlite ONLY. Run \`bash scripts/setup-debian.sh\` to set PostgreSQL up,\n` +
      `!! or set OWNERSIGHT_TEST_DATABASE_URL. With CI=true this fails the run.\n${'!'.repeat(100)}\n`,
  );
}

export const PGLITE: TestDatabase = {
  name: 'pglite',
  open: async () => ({ options: { dataDir: 'memory://' }, drop: async () => undefined }),
};

export const POSTGRES: TestDatabase = {
  name: 'postgres',
  async open() {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    return {
      options: { databaseUrl: POSTGRES_URL, schema },
      async drop() {
        const client = new pg.Client({ connectionString: POSTGRES_URL });
        await client.connect();
        try {
          await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
        } finally {
          await client.end();
        }
      },
    };
  },
};

/** The databases a shared suite runs on here: PostgreSQL joins when reachable, or under CI (where it then fails loudly). */
export const TEST_DATABASES: TestDatabase[] = postgresProblem && !IN_CI ? [PGLITE] : [PGLITE, POSTGRES];
