import { browser } from 'wxt/browser';
import type { OwnersightDb } from '../db/database';
import { importOwnership } from '../db/queries';
import { parseOwnersCsv } from '../import/owners-csv';
import type { Handlers } from '../messaging/dispatch';
import { RequestError } from '../messaging/dispatch';
import type { ImportSummary, RequestOf, SyncSummary } from '../messaging/protocol';
import { identityDomain, identityEmail } from '../model/identity';
import { storedRecordKey } from '../model/record-key';
import { applyFlagPolicy } from '../ownership/flag-policy';
import { panelFlagPolicy } from '../ownership/rule-insights';
import { readActivePack } from '../rulepack-install/active';
import type { Mutation, RecordDescriptor } from '../model/sync';
import { connect, disconnect, testConnection } from '../sync/connect';
import { enqueue, type NewMutation } from '../sync/outbox';
import type { SyncScheduler } from '../sync/scheduler';
import { readSyncMeta } from '../sync/state';
import { SyncError, type Fetch } from '../sync/transport';
import { addCustomHost, listCustomHosts, removeCustomHost } from './custom-hosts';
import { createRulePackHandlers } from '../rulepack-install/handlers';
import { createHealthHandlers } from './health-handlers';

export interface HandlerDeps {
  db: OwnersightDb;
  now(): number;
  fetch: Fetch;
  sync: SyncScheduler;
}

/** The sync state pages may see. The token stays in the background. */
export async function syncSummary(db: OwnersightDb): Promise<SyncSummary> {
  const [meta, pending, conflicts] = await Promise.all([readSyncMeta(db), db.outbox.count(), db.conflicts.count()]);
  return {
    connected: !!meta.connection,
    ...(meta.connection ? { serverUrl: meta.connection.serverUrl } : {}),
    ...(meta.me ? { user: meta.me.user, team: meta.me.team } : {}),
    ...(meta.lastSyncedAt !== undefined ? { lastSyncedAt: meta.lastSyncedAt } : {}),
    ...(meta.lastError ? { lastError: meta.lastError } : {}),
    pending,
    conflicts,
  };
}

const asRequestError = (error: unknown): never => {
  if (error instanceof SyncError) throw new RequestError(error.code, error.message);
  throw error;
};

const MAX_ERRORS_SHOWN = 200;

function parse(request: RequestOf<'import.preview'>, now: number) {
  const parsed = parseOwnersCsv(request.csv, {
    ...(request.crm ? { crm: request.crm } : {}),
    ...(request.kind ? { kind: request.kind } : {}),
    now,
  });
  const summary: ImportSummary = {
    format: parsed.format
      ? { crm: parsed.format.crm, kind: parsed.format.kind, objectType: parsed.format.objectType }
      : null,
    records: parsed.records.length,
    owners: parsed.owners.length,
    unowned: parsed.records.filter((r) => r.ownerId === null).length,
    skipped: parsed.skipped,
    errors: parsed.errors.slice(0, MAX_ERRORS_SHOWN),
  };
  return { parsed, summary };
}

/** What the background does for each route; validation and sender checks happened in dispatch. */
export function createHandlers({ db, now, fetch, sync }: HandlerDeps): Handlers {
  return {
    ...createRulePackHandlers({ db, fetch, now, sync }),
    ...createHealthHandlers({ db, fetch }),
    async 'import.preview'(request) {
      return parse(request, now()).summary;
    },
    async 'import.commit'(request) {
      const at = now();
      const { parsed, summary } = parse(request, at);
      const viewer = (await db.meta.get('viewer'))?.value;
      const actor = typeof viewer === 'string' && viewer ? viewer : 'CSV import';
      const result = await importOwnership(db, parsed.owners, parsed.records, actor, at);
      await db.meta.put({ key: 'lastImportAt', value: at });
      return { ...summary, written: result.written };
    },
    async 'status.get'() {
      const [records, owners, viewer, lastImportAt, customHosts, syncState] = await Promise.all([
        db.records.count(),
        db.owners.count(),
        db.meta.get('viewer'),
        db.meta.get('lastImportAt'),
        listCustomHosts(),
        syncSummary(db),
      ]);
      return {
        sync: syncState,
        records,
        owners,
        viewer: typeof viewer?.value === 'string' ? viewer.value : undefined,
        lastImportAt: typeof lastImportAt?.value === 'number' ? lastImportAt.value : undefined,
        customHosts,
      };
    },
    async 'viewer.set'({ viewer }) {
      if (viewer) await db.meta.put({ key: 'viewer', value: viewer.toLowerCase() });
      else await db.meta.delete('viewer');
      return { viewer: viewer ? viewer.toLowerCase() : undefined };
    },
    async 'hosts.add'(host) {
      return addCustomHost(host);
    },
    async 'hosts.remove'({ origin }) {
      return { removed: await removeCustomHost(origin) };
    },
    async 'panel.sync-now'() {
      const outcome = await sync.request('manual');
      if (outcome.status === 'not-connected') return { started: false, reason: 'Not connected to a team service. Open the options to connect.' };
      if (outcome.status === 'failed') return { started: true, reason: outcome.error.message };
      return { started: true };
    },
    async 'sync.test'({ serverUrl, token }) {
      const me = await testConnection(fetch, serverUrl, token).catch(asRequestError);
      return { user: me.user, team: me.team };
    },
    async 'sync.connect'({ serverUrl, token }) {
      const me = await connect(db, fetch, serverUrl, token).catch(asRequestError);
      const outcome = await sync.request('configured');
      return {
        user: me.user,
        team: me.team,
        synced: outcome.status === 'synced',
        ...(outcome.status === 'failed' ? { message: outcome.error.message } : {}),
      };
    },
    async 'sync.disconnect'() {
      await disconnect(db);
      return { disconnected: true };
    },
    async 'record.change'({ ref, facts, change }) {
      const recordKey = storedRecordKey(ref);
      const record: RecordDescriptor = {
        crm: ref.crm,
        kind: ref.kind,
        recordId: ref.recordId,
        objectType: ref.objectType,
        ...(facts.name ? { name: facts.name } : {}),
        ...(facts.email ? { email: identityEmail(facts.email) } : {}),
        ...(facts.domain ? { domain: identityDomain(facts.domain) } : {}),
      };
      // The team's flag policy (rule pack) narrows what may be queued; the service checks the role again.
      const [active, meta] = await Promise.all([readActivePack(db), readSyncMeta(db)]);
      const checked = applyFlagPolicy(change, active ? panelFlagPolicy(active.pack) : null, meta.me?.user.role, now() + meta.clockOffset);
      if ('problem' in checked) throw new RequestError('policy', checked.problem);
      const mutation = { name: change.name, args: { ...checked.change.args, recordKey, record }, clientTime: now() } as NewMutation;
      const mutationId = await enqueue(db, mutation, now());
      void sync.request('write');
      return { mutationId };
    },
    async 'conflict.resolve'({ mutationId, choice }) {
      const conflict = await db.conflicts.get(mutationId);
      if (!conflict) return { resolved: false };
      const mutation: Mutation = conflict.mutation;
      if (choice === 'mine') {
        if (conflict.status !== 'conflict' || mutation.name !== 'owner.set' || !conflict.current) {
          throw new RequestError('bad-request', 'Only an owner change that someone else overtook can be sent again.');
        }
        // Sent again on top of what the service holds now: the user has seen both values and chosen.
        const { id: _id, ...rest } = mutation;
        await enqueue(db, { ...rest, args: { ...mutation.args, expectedVersion: conflict.current.version }, clientTime: now() } as NewMutation, now());
        void sync.request('write');
      }
      await db.conflicts.delete(mutationId);
      return { resolved: true };
    },
    async 'options.open'() {
      await browser.runtime.openOptionsPage();
      return { opened: true };
    },
    async 'panel.load'(_request, { sender }) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new RequestError('bad-request', 'The panel loads into a tab.');
      // Into the sender's isolated world (same tab and frame), where its content script waits for it.
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [sender.frameId ?? 0] },
        files: ['/panel.js'],
        // The page has long been parsed (the watcher asked from document_idle): no reason to queue.
        injectImmediately: true,
      });
      return { loaded: true };
    },
  };
}
