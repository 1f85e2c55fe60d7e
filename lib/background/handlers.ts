import { browser } from 'wxt/browser';
import type { OwnersightDb } from '../db/database';
import { importOwnership } from '../db/queries';
import { parseOwnersCsv } from '../import/owners-csv';
import type { Handlers } from '../messaging/dispatch';
import type { ImportSummary, RequestOf } from '../messaging/protocol';
import { addCustomHost, listCustomHosts, removeCustomHost } from './custom-hosts';

export interface HandlerDeps {
  db: OwnersightDb;
  now(): number;
}

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
export function createHandlers({ db, now }: HandlerDeps): Handlers {
  return {
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
      const [records, owners, viewer, lastImportAt, customHosts] = await Promise.all([
        db.records.count(),
        db.owners.count(),
        db.meta.get('viewer'),
        db.meta.get('lastImportAt'),
        listCustomHosts(),
      ]);
      return {
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
      // Team sync arrives with issue #3; until then there is no service to sync with.
      return { started: false, reason: 'Not connected to a team service yet.' };
    },
    async 'options.open'() {
      await browser.runtime.openOptionsPage();
      return { opened: true };
    },
  };
}
