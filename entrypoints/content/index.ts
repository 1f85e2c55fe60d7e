import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CRM_MATCHES, detectRecord } from '../../lib/crm/index';
import { recordKey } from '../../lib/model/record-key';
import type { CrmId } from '../../lib/model/crm-ids';
import { request } from '../../lib/messaging/client';
import type { PanelServerMessage } from '../../lib/messaging/port';
import { PanelConnection } from './connection';
import { LazyPanel } from './lazy-panel';
import { watchRecord } from './watcher';

const CUSTOM_HOSTS_KEY = 'customHosts';

async function customHosts(): Promise<Map<string, CrmId>> {
  const stored = (await browser.storage.local.get(CUSTOM_HOSTS_KEY))[CUSTOM_HOSTS_KEY];
  const map = new Map<string, CrmId>();
  if (!Array.isArray(stored)) return map;
  for (const entry of stored as { origin?: unknown; crm?: unknown }[]) {
    if (typeof entry?.origin !== 'string' || typeof entry.crm !== 'string') continue;
    try {
      map.set(new URL(entry.origin).host, entry.crm as CrmId);
    } catch {
      // A malformed entry is skipped; the options page shows and fixes the list.
    }
  }
  return map;
}

export default defineContentScript({
  // The CRMs' cloud hosts; self-hosted CRMs get this same script registered at run time.
  matches: [...CRM_MATCHES],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  async main(ctx) {
    // Not in the task that evaluated this script: on a busy CRM page that task already carries the
    // compile and the libraries' start-up, and together they came near 10 ms (bench/RESULTS.md, 6).
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (ctx.isInvalid) return;
    let watcher: ReturnType<typeof watchRecord> | undefined;
    // The panel's UI is a second script, injected by the background only once this page shows a record:
    // every CRM page pays for this small watcher, record pages for the panel too (bench/RESULTS.md, 1).
    const panel = new LazyPanel(ctx, {
      onRetry: () => connection.refresh(),
      onSyncNow: () => void request('panel.sync-now', {}).catch(() => undefined),
      onOpenOptions: () => void request('options.open', {}).catch(() => undefined),
      onChange: (change) => {
        const watched = connection.current();
        if (!watched) return;
        // The background answers at once (the change is in its outbox); the panel then shows it pending.
        request('record.change', { ref: watched.ref, facts: watched.facts, change }).catch((error: Error) =>
          panel.notify(`Your change was not kept: ${error.message}`),
        );
      },
      onResolve: (mutationId, choice) =>
        void request('conflict.resolve', { mutationId, choice }).catch((error: Error) => panel.notify(error.message)),
    }, () => request('panel.load', {}));
    // A record page by its URL alone (the cloud CRMs): the panel's UI starts loading now, beside the
    // settings read and the first read of the page below, instead of after them.
    if (detectRecord(location.href)) panel.preload();
    const connection = new PanelConnection(
      (state) => {
        panel.update(state);
        // The rule pack names page fields to read (segment, region...): the watcher reads them from now on.
        if (state.status === 'ready') watcher?.setLabels(state.view.fieldLabels ?? []);
      },
      () => {
        panel.remove();
        ctx.abort();
      },
    );
    ctx.onInvalidated(() => {
      connection.close();
      panel.remove();
    });

    browser.runtime.onMessage.addListener((message: PanelServerMessage, sender) => {
      // Only the background (no tab) of this extension may toggle the panel.
      if (sender.id !== browser.runtime.id || sender.tab) return;
      if (message?.type === 'toggle') panel.toggle();
    });

    watcher = watchRecord(
      ctx,
      { customHosts: await customHosts() },
      {
        onRecord(ref, facts) {
          if (!ref) {
            connection.close();
            panel.remove();
            return;
          }
          // Issue 7: the benchmarks time the panel from here (bench/panel-latency.ts).
          performance.mark('ownersight:record-known');
          void panel.show(recordKey(ref), { status: 'loading', ref });
          connection.watch(ref, facts);
        },
        onFacts(facts) {
          connection.updateFacts(facts);
        },
      },
      (node) => panel.owns(node),
    );
  },
});
