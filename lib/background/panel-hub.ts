import { liveQuery, type Subscription } from 'dexie';
import type { Browser } from 'wxt/browser';
import type { OwnersightDb } from '../db/database';
import { loadBundle } from '../db/queries';
import { PanelClientMessageSchema, type PanelServerMessage } from '../messaging/protocol';
import { classifySender, type Self } from '../messaging/sender';
import type { PageFacts, RecordRef } from '../crm/types';
import { storedRecordKey } from '../model/record-key';
import type { SyncStatus } from '../model/panel-view';
import { buildPanelView, type RecordBundle } from '../ownership/build-view';
import type { OwnershipPolicy } from '../ownership/policy';

type Port = Browser.runtime.Port;

export interface PanelHubDeps {
  db: OwnersightDb;
  self: Self;
  policy: OwnershipPolicy;
  now(): number;
  online(): boolean;
}

interface Watched {
  ref: RecordRef;
  facts: PageFacts;
  bundle?: RecordBundle;
  viewer?: string;
  sync?: SyncStatus;
}

/**
 * Serves one panel's port: validates what the content script says it is looking at, and sends the
 * panel's state now and whenever the stored data for that record changes (Dexie liveQuery), until the
 * tab goes away.
 */
export function servePanelPort(port: Port, deps: PanelHubDeps): void {
  if (classifySender(port.sender, deps.self) !== 'content-script') {
    port.disconnect();
    return;
  }
  let watched: Watched | undefined;
  let subscription: Subscription | undefined;
  let open = true;

  const post = (message: PanelServerMessage) => {
    if (!open) return;
    try {
      port.postMessage(message);
    } catch {
      open = false;
    }
  };

  const render = () => {
    if (!watched?.bundle || !watched.sync) return;
    const view = buildPanelView({
      ref: watched.ref,
      facts: watched.facts,
      ...watched.bundle,
      viewer: watched.viewer,
      sync: watched.sync,
      now: deps.now(),
      policy: deps.policy,
    });
    post({ type: 'state', state: { status: 'ready', view } });
  };

  const watch = (ref: RecordRef, facts: PageFacts) => {
    subscription?.unsubscribe();
    const current: Watched = { ref, facts };
    watched = current;
    post({ type: 'state', state: { status: 'loading', ref } });
    const key = storedRecordKey(ref);
    subscription = liveQuery(async () => {
      const [bundle, meta] = await Promise.all([
        loadBundle(deps.db, key, deps.policy.historyLimit),
        deps.db.meta.bulkGet(['viewer', 'lastSyncedAt', 'pendingCount']),
      ]);
      return { bundle, meta };
    }).subscribe({
      next: ({ bundle, meta }) => {
        if (watched !== current) return;
        current.bundle = bundle;
        current.viewer = typeof meta[0]?.value === 'string' ? meta[0].value : undefined;
        const lastSyncedAt = typeof meta[1]?.value === 'number' ? meta[1].value : undefined;
        current.sync = {
          connected: false,
          online: deps.online(),
          pending: typeof meta[2]?.value === 'number' ? meta[2].value : 0,
          ...(lastSyncedAt !== undefined ? { lastSyncedAt } : {}),
        };
        render();
      },
      error: (error: unknown) => {
        console.error('[ownersight] reading the record failed', error);
        post({
          type: 'state',
          state: { status: 'error', ref, message: 'Ownersight could not read its local data.', retryable: true },
        });
      },
    });
  };

  port.onMessage.addListener((raw: unknown) => {
    const parsed = PanelClientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      // A content script that sends garbage is not one of ours, or is broken: stop talking to it.
      port.disconnect();
      stop();
      return;
    }
    const message = parsed.data;
    if (message.type === 'watch') watch(message.ref, message.facts);
    else if (watched) {
      watched.facts = message.facts;
      render();
    }
  });

  const stop = () => {
    open = false;
    subscription?.unsubscribe();
    subscription = undefined;
    watched = undefined;
  };
  port.onDisconnect.addListener(stop);
}
