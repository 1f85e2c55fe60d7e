import type { Hono } from 'hono';
import { createAdmin, type Admin } from './admin/admin-api';
import type { Db } from './db/db';
import { migrate } from './db/migrate';
import { DEFAULT_DATA_DIR, openDb } from './db/open-db';
import { createApp } from './http/app';
import { WebhookSender } from './webhooks';

/**
 * The ownership service, in-process. A stable entry point: the extension's end-to-end tests and
 * server/main.ts both start it through here.
 *
 *   const service = await createService({ dataDir: 'memory://' });
 *   const { id: team } = await service.admin.createTeam({ name: 'Acme' });
 *   await service.admin.addUser({ team, email: 'ann@acme.test', name: 'Ann', role: 'marketer' });
 *   const { token } = await service.admin.createToken({ team, email: 'ann@acme.test' });
 *   const server = await serve(service, { port: 0 });   // server/serve.ts
 *   // ... fetch(`${server.url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } })
 *   await server.close(); await service.close();
 *
 * Database: `databaseUrl` (PostgreSQL) if given, else `dataDir` (embedded PGlite; `memory://` for a
 * throw-away one); with neither, the environment's DATABASE_URL, then OWNERSIGHT_DATA_DIR, then
 * `.data/pglite`. Migrations run before the promise resolves.
 */
export interface ServiceOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** The service's clock (epoch ms): serverNow, expiry, assignedAt, history times. Tests inject one. */
  now?: () => number;
  /** PostgreSQL only: keep all tables in this schema (created if missing). Tests give each run its own. */
  schema?: string;
  /** How long cleared flags are kept as tombstones; older cookies reset. Default 30 days (OWNERSIGHT_TOMBSTONE_DAYS). */
  tombstoneDays?: number;
  /** Webhook retry waits in ms (default 1 s, 5 s, 30 s) and the fetch used to deliver them. */
  webhookRetryDelaysMs?: readonly number[];
  webhookFetch?: typeof fetch;
  /** Pull page size (default MAX_PULL_ROWS); tests use small pages to exercise `more`. */
  pullPageSize?: number;
}

export interface Service {
  app: Hono;
  admin: Admin;
  db: Db;
  /** Resolves when all queued webhook deliveries have finished or given up. */
  webhooksIdle(): Promise<void>;
  close(): Promise<void>;
}

const DAY = 86_400_000;

export async function createService(options: ServiceOptions = {}): Promise<Service> {
  const now = options.now ?? Date.now;
  const explicit = options.databaseUrl !== undefined || options.dataDir !== undefined;
  const databaseUrl = options.databaseUrl ?? (explicit ? undefined : process.env.DATABASE_URL || undefined);
  const dataDir = options.dataDir ?? process.env.OWNERSIGHT_DATA_DIR ?? DEFAULT_DATA_DIR;
  const db = await openDb({ ...(databaseUrl ? { databaseUrl } : { dataDir }), ...(options.schema ? { schema: options.schema } : {}) });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const tombstoneDays = options.tombstoneDays ?? (Number(process.env.OWNERSIGHT_TOMBSTONE_DAYS) || 30);
  const webhooks = new WebhookSender(db, {
    now,
    ...(options.webhookFetch ? { fetch: options.webhookFetch } : {}),
    ...(options.webhookRetryDelaysMs ? { retryDelaysMs: options.webhookRetryDelaysMs } : {}),
  });
  const app = createApp({ db, now, webhooks, tombstoneMs: tombstoneDays * DAY, ...(options.pullPageSize ? { pullPageSize: options.pullPageSize } : {}) });
  let closed: Promise<void> | undefined;
  return {
    app: app as unknown as Hono,
    admin: createAdmin(db, now),
    db,
    webhooksIdle: () => webhooks.idle(),
    close: () => (closed ??= webhooks.close().then(() => db.close())),
  };
}
