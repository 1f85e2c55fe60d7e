/**
 * The service's whole view of its database: parameterised queries and transactions. Two implementations,
 * PGlite (embedded, the default) and PostgreSQL (`pg`), run the same SQL; bigint columns come back as
 * numbers and jsonb as parsed JSON in both, so callers never ask which one they hold.
 */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export type Isolation = 'read committed' | 'repeatable read';

export interface Db extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction: commit when it resolves, roll back when it throws. Never call the Db
   * itself inside `fn` (PGlite has one connection: that would wait for the transaction forever).
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>, isolation?: Isolation): Promise<T>;
  close(): Promise<void>;
}

/** Throw it inside a transaction to roll back and still return `value` (dry runs, changes that change nothing). */
export class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('rollback');
  }
}

export async function withRollback<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Rollback) return error.value as T;
    throw error;
  }
}
