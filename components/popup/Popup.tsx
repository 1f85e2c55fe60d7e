import { useEffect, useState } from 'preact/hooks';
import type { StatusReply } from '../../lib/messaging/protocol';
import './popup.css';

export interface PopupProps {
  status(): Promise<StatusReply>;
  syncNow(): Promise<{ started: boolean; reason?: string }>;
  openOptions(): void;
  openDashboard(): void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The toolbar popup: is this browser connected and in step, and the way to settings and the health dashboard. */
export function Popup({ status, syncNow, openOptions, openDashboard }: PopupProps) {
  const [state, setState] = useState<StatusReply | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => status().then(setState, (error) => setNote(message(error)));
  useEffect(() => void refresh(), []);

  const sync = state?.sync;
  const admin = sync?.user?.role === 'admin';
  return (
    <main class="popup">
      <h1>Ownersight</h1>
      {!state && !note && <p class="muted">Loading…</p>}
      {sync &&
        (sync.connected ? (
          <p>
            <span class="dot ok" aria-hidden="true" /> {sync.team?.name ?? 'Team service'}, as {sync.user?.name || sync.user?.email}
            {sync.lastError ? <span class="error"> Last sync failed: {sync.lastError.message}</span> : null}
          </p>
        ) : (
          <p>
            <span class="dot" aria-hidden="true" /> Not connected to a team service: ownership is only on this browser.
          </p>
        ))}
      {sync && (sync.pending > 0 || sync.conflicts > 0) && (
        <p class="muted">
          {sync.pending > 0 ? `${sync.pending} change${sync.pending === 1 ? '' : 's'} waiting to be sent. ` : ''}
          {sync.conflicts > 0 ? `${sync.conflicts} need${sync.conflicts === 1 ? 's' : ''} your attention in the panel.` : ''}
        </p>
      )}
      {note && (
        <p class="error" role="status">
          {note}
        </p>
      )}
      <div class="actions">
        {sync?.connected && (
          <button
            type="button"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                const reply = await syncNow();
                setNote(reply.reason ?? 'Synced.');
                await refresh();
              } catch (error) {
                setNote(message(error));
              } finally {
                setBusy(false);
              }
            }}
          >
            Sync now
          </button>
        )}
        <button type="button" onClick={openOptions}>
          {sync?.connected ? 'Settings' : 'Connect…'}
        </button>
        <button type="button" onClick={openDashboard} disabled={!admin} title={admin ? undefined : 'For admins of a connected team'}>
          Ownership health
        </button>
      </div>
      {!admin && <p class="muted small">Ownership health is for your team's admins.</p>}
    </main>
  );
}
