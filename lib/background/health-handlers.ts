import type { OwnersightDb } from '../db/database';
import { RequestError, type Handlers } from '../messaging/dispatch';
import { readSyncMeta } from '../sync/state';
import { SyncError, type Connection, type Fetch } from '../sync/transport';
import { healthService } from './health-service';

type HealthRoutes = Pick<Handlers, 'health.get' | 'health.records' | 'health.reassign'>;

/**
 * The dashboard's routes: the page never sees the token; the background adds it and validates the
 * service's reply. Whether the user may see or change anything is the service's decision (admins only),
 * and its refusal is passed on in its own words.
 */
export function createHealthHandlers({ db, fetch }: { db: OwnersightDb; fetch: Fetch }): HealthRoutes {
  const connection = async (): Promise<Connection> => {
    const meta = await readSyncMeta(db);
    if (!meta.connection) throw new RequestError('not-connected', 'Not connected to a team service. Connect in the options (Team service) first.');
    return meta.connection;
  };
  const asRequestError = (error: unknown): never => {
    if (error instanceof SyncError) throw new RequestError(error.code, error.message);
    throw error;
  };
  return {
    async 'health.get'(filters) {
      return healthService.get(fetch, await connection(), filters).catch(asRequestError);
    },
    async 'health.records'({ list, format, ...filters }) {
      const conn = await connection();
      if (format === 'csv') {
        const csv = await healthService.csv(fetch, conn, filters, list).catch(asRequestError);
        return { format, csv, filename: `ownership-${list}.csv` };
      }
      return { format, reply: await healthService.list(fetch, conn, filters, list).catch(asRequestError) };
    },
    async 'health.reassign'(request) {
      return healthService.reassign(fetch, await connection(), request).catch(asRequestError);
    },
  };
}
