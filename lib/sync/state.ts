import type { OwnersightDb } from '../db/database';
import type { MeReply } from '../model/sync';
import type { Connection } from './transport';

// The sync worker's own rows in `meta`. They live in the extension's IndexedDB, which no content script
// and no web page can open: the access token is stored here and nowhere else.

export interface SyncMeta {
  connection?: Connection;
  clientId?: string;
  /** The next mutation id to hand out (the service expects 1, 2, 3... from each client). */
  nextMutationId: number;
  cookie: string | null;
  /** serverNow − Date.now() at the last pull: server time decides expiry, never the local clock alone. */
  clockOffset: number;
  me?: Pick<MeReply, 'user' | 'team'>;
  lastSyncedAt?: number;
  lastError?: { code: string; message: string; at: number };
}

export const META_KEYS = {
  connection: 'sync.connection',
  clientId: 'sync.clientId',
  nextMutationId: 'sync.nextMutationId',
  cookie: 'sync.cookie',
  clockOffset: 'sync.clockOffset',
  me: 'sync.me',
  lastSyncedAt: 'lastSyncedAt',
  lastError: 'sync.lastError',
} as const satisfies Record<keyof SyncMeta, string>;

const ORDER = Object.keys(META_KEYS) as (keyof SyncMeta)[];

/** All sync rows at once (one read). Call inside a transaction that includes `meta` for a consistent view. */
export async function readSyncMeta(db: OwnersightDb): Promise<SyncMeta> {
  const rows = await db.meta.bulkGet(ORDER.map((k) => META_KEYS[k]));
  const value = (k: keyof SyncMeta) => rows[ORDER.indexOf(k)]?.value;
  const nextMutationId = value('nextMutationId');
  const cookie = value('cookie');
  const clockOffset = value('clockOffset');
  const meta: SyncMeta = {
    nextMutationId: typeof nextMutationId === 'number' ? nextMutationId : 1,
    cookie: typeof cookie === 'string' ? cookie : null,
    clockOffset: typeof clockOffset === 'number' ? clockOffset : 0,
  };
  for (const k of ['connection', 'clientId', 'me', 'lastSyncedAt', 'lastError'] as const) {
    const v = value(k);
    if (v !== undefined) (meta as unknown as Record<string, unknown>)[k] = v;
  }
  return meta;
}

export async function writeSyncMeta(db: OwnersightDb, patch: Partial<{ [K in keyof SyncMeta]: SyncMeta[K] | undefined }>): Promise<void> {
  const puts = [];
  const deletes = [];
  for (const [k, v] of Object.entries(patch) as [keyof SyncMeta, unknown][]) {
    if (v === undefined) deletes.push(META_KEYS[k]);
    else puts.push({ key: META_KEYS[k], value: v });
  }
  await db.meta.bulkPut(puts);
  await db.meta.bulkDelete(deletes);
}

/** A fresh client id: the service keeps one mutation counter per client id. */
export function newClientId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}
