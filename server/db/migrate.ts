import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db';

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
const NAME = /^(\d{3})_[a-z0-9_]+\.sql$/;

export interface MigrationFile {
  name: string;
  sql: string;
}

/** `server/migrations/NNN_name.sql`, in number order. A gap or a repeated number is a mistake, not a plan. */
export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  return files.map((name, i) => {
    const match = NAME.exec(name);
    if (!match) throw new Error(`Migration file ${name} is not named NNN_words.sql`);
    if (Number(match[1]) !== i + 1) throw new Error(`Migration ${name} is out of sequence: expected number ${String(i + 1).padStart(3, '0')}`);
    return { name, sql: readFileSync(`${dir}/${name}`, 'utf8') };
  });
}

// Any fixed number: two servers starting at once on one PostgreSQL take turns instead of racing.
const MIGRATION_LOCK = 7_310_342;

/** Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction. Returns their names. */
export async function migrate(db: Db, migrations = readMigrations()): Promise<string[]> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [migration.name]);
      if (rows.length > 0) return false;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}

/**
 * Parameterised queries take one statement each, so a file is split at semicolons that end a line.
 * Migrations are plain DDL: no function bodies with semicolons inside.
 */
function splitStatements(sql: string): string[] {
  const withoutComments = sql.replace(/--[^\n]*/g, '');
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
