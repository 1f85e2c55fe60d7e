import type { Transaction } from 'dexie';

/**
 * One numbered schema step. `stores` lists only the tables this step adds or changes (Dexie keeps the
 * rest); `upgrade` rewrites existing rows and runs once, inside the version-change transaction.
 */
export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}
