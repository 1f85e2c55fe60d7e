import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ensureRegistered } from '../../lib/background/custom-hosts';
import { createHandlers } from '../../lib/background/handlers';
import { servePanelPort } from '../../lib/background/panel-hub';
import { OwnersightDb } from '../../lib/db/database';
import { dispatch } from '../../lib/messaging/dispatch';
import { PANEL_PORT, type PanelServerMessage } from '../../lib/messaging/protocol';
import { DEFAULT_POLICY } from '../../lib/ownership/policy';
import { installTeamPack } from '../../lib/rulepack-install/install';
import { loadManagedPolicy } from '../../lib/rulepack-install/managed-policy';
import { readActivePack } from '../../lib/rulepack-install/active';
import { syncOnce } from '../../lib/sync/engine';
import { createSyncScheduler } from '../../lib/sync/scheduler';

const SYNC_ALARM = 'ownersight-sync';
/** Chrome runs alarms at most every 30 s; the alarm is the safety net, writes and "Sync now" go at once. */
const SYNC_PERIOD_MINUTES = 0.5;
/**
 * The worker usually wakes because a CRM page wants its panel: the start-up sync (a request, a write,
 * the rule pack's check) waits until that answer is out instead of competing with it (bench/RESULTS.md, 4).
 */
const STARTUP_SYNC_DELAY_MS = 1500;

// Wiring only: every decision lives in lib/.
export default defineBackground(() => {
  const db = new OwnersightDb();
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') };
  const now = () => Date.now();
  const fetchFn: typeof fetch = (input, init) => fetch(input, init);
  const sync = createSyncScheduler({
    run: async () => {
      const outcome = await syncOnce({ db, fetch: fetchFn, now });
      // Issue #5: the team's rule pack rides on every successful run, after it and outside any transaction.
      if (outcome.status === 'synced') await installTeamPack({ db, fetch: fetchFn, now, managedPolicy: loadManagedPolicy });
      return outcome;
    },
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    random: Math.random,
  });
  const handlers = createHandlers({ db, now, fetch: fetchFn, sync });

  // Listeners are added synchronously so a message that woke the worker is not missed.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: unknown) => void) => {
    void dispatch(message, sender, self, handlers).then(sendResponse);
    return true;
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT) {
      port.disconnect();
      return;
    }
    servePanelPort(port, { db, self, policy: DEFAULT_POLICY, now, online: () => navigator.onLine, rulePack: async () => (await readActivePack(db))?.pack ?? null });
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-panel') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const message: PanelServerMessage = { type: 'toggle' };
    await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  });

  // Alarms do not survive every browser restart or update: create it at every start.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void sync.request('alarm');
  });
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
  globalThis.addEventListener('online', () => void sync.request('online'));
  setTimeout(() => void sync.request('startup'), STARTUP_SYNC_DELAY_MS);

  browser.runtime.onStartup.addListener(() => void ensureRegistered().catch(console.error));
  browser.runtime.onInstalled.addListener(() => void ensureRegistered().catch(console.error));
});
