import type { OwnersightDb } from '../db/database';
import type { MeReply } from '../model/sync';
import { renumberOutbox } from './outbox';
import { checkToken, parseServerUrl } from './server-url';
import { newClientId, readSyncMeta, writeSyncMeta } from './state';
import { service, SyncError, type Fetch } from './transport';

/** Asks the service who the token belongs to, without storing anything. */
export async function testConnection(fetchFn: Fetch, serverUrl: string, token: string): Promise<MeReply> {
  const parsed = parseServerUrl(serverUrl);
  if ('problem' in parsed) throw new SyncError('bad-request', parsed.problem);
  const tokenProblem = checkToken(token);
  if (tokenProblem) throw new SyncError('bad-request', tokenProblem);
  return service.me(fetchFn, { serverUrl: parsed.url, token: token.trim() });
}

/**
 * Stores a working connection. A different service or team starts a new client (its own mutation
 * numbering) and drops the data synced from the old one; changes still waiting are kept and go to the new
 * one, renumbered from 1.
 */
export async function connect(db: OwnersightDb, fetchFn: Fetch, serverUrl: string, token: string): Promise<MeReply> {
  const me = await testConnection(fetchFn, serverUrl, token);
  const parsed = parseServerUrl(serverUrl) as { url: string };
  const before = await readSyncMeta(db);
  const sameTeam = before.connection?.serverUrl === parsed.url && before.me?.team.id === me.team.id;
  await writeSyncMeta(db, { connection: { serverUrl: parsed.url, token: token.trim() }, me: { user: me.user, team: me.team }, lastError: undefined });
  if (!sameTeam) {
    await db.transaction('rw', [db.records, db.owners, db.flags, db.checklists, db.history, db.conflicts, db.meta], async () => {
      if (before.connection) await Promise.all([db.records, db.owners, db.flags, db.checklists, db.history, db.conflicts].map((t) => t.clear()));
      await writeSyncMeta(db, { clientId: newClientId(), cookie: null, lastSyncedAt: undefined });
    });
    await renumberOutbox(db, 1);
  }
  return me;
}

/** Forgets the token. Changes not yet sent stay in the outbox for the next connection. */
export async function disconnect(db: OwnersightDb): Promise<void> {
  await writeSyncMeta(db, { connection: undefined, me: undefined, lastError: undefined });
}
