import type { SyncStatus } from '../../lib/model/panel-view';
import { count, exactDate, relativeTime } from './format';
import { Icon } from './icons';

export type SyncTone = 'ok' | 'pending' | 'offline' | 'error' | 'local';

/** The footer's words: "Synced 2 minutes ago", "Offline — showing data cached 3 hours ago", "2 changes pending". */
export function syncSummary(sync: SyncStatus, now: number): { tone: SyncTone; text: string; pending?: string } {
  const ago =
    sync.lastSyncedAt === undefined ? undefined
    : now - sync.lastSyncedAt < 45_000 ? 'just now'
    : relativeTime(sync.lastSyncedAt, now);
  const pending = sync.pending > 0 ? `${count(sync.pending)} ${sync.pending === 1 ? 'change' : 'changes'} pending` : undefined;
  const withPending = (tone: SyncTone, text: string) => (pending ? { tone, text, pending } : { tone, text });
  if (!sync.connected) return withPending('local', 'Only on this browser');
  if (!sync.online) return withPending('offline', ago ? `Offline — showing data cached ${ago}` : 'Offline — nothing cached yet');
  if (sync.error) return withPending('error', `Sync failed: ${sync.error}`);
  if (pending) return withPending('pending', ago ? `Synced ${ago}` : 'Not synced yet');
  return { tone: 'ok', text: ago ? `Synced ${ago}` : 'Not synced yet' };
}

export function SyncFooter({
  sync,
  now,
  onSyncNow,
  onOpenOptions,
}: {
  sync: SyncStatus;
  now: number;
  onSyncNow(): void;
  onOpenOptions(): void;
}) {
  const { tone, text, pending } = syncSummary(sync, now);
  return (
    <footer class="os-footer">
      <p class="os-sync" data-tone={tone} title={sync.lastSyncedAt !== undefined ? `Last synced ${exactDate(sync.lastSyncedAt)}` : undefined}>
        <span class="os-dot" aria-hidden="true" />
        <span class="os-sync-text">
          <span>{text}</span>
          {pending && <strong class="os-pending">{pending}</strong>}
        </span>
      </p>
      {sync.connected ? (
        <button type="button" class="os-btn" onClick={onSyncNow}>
          <Icon name="sync" />
          Sync now
        </button>
      ) : (
        <button type="button" class="os-btn os-btn-primary" onClick={onOpenOptions}>
          Connect to your team
        </button>
      )}
    </footer>
  );
}
