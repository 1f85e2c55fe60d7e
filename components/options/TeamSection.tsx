import { useEffect, useState } from 'preact/hooks';
import type { ConnectionReply, SyncSummary } from '../../lib/messaging/protocol';

export interface TeamApi {
  testConnection(serverUrl: string, token: string): Promise<ConnectionReply>;
  /** Asks the browser for access to the service (needs the click's user gesture), then connects. */
  connect(serverUrl: string, token: string): Promise<ConnectionReply & { synced: boolean; message?: string }>;
  disconnect(): Promise<void>;
  syncNow(): Promise<{ started: boolean; reason?: string }>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

const ROLE_NAMES = { rep: 'Sales rep', csm: 'Customer success manager', marketer: 'Marketer', admin: 'Admin' } as const;

function whenText(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Server URL and access token, a connection test, and the live state of the team sync. The token is never shown again. */
export function TeamSection({ api, sync, onChanged }: { api: TeamApi; sync: SyncSummary | undefined; onChanged(): Promise<void> }) {
  const [serverUrl, setServerUrl] = useState(sync?.serverUrl ?? '');
  const [token, setToken] = useState('');
  const [note, setNote] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // The status arrives after the first render: show the saved address once it does (never the token).
  useEffect(() => {
    if (sync?.serverUrl) setServerUrl((typed) => typed || sync.serverUrl!);
  }, [sync?.serverUrl]);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setNote(null);
    try {
      setNote({ tone: 'ok', text: await work() });
      await onChanged();
    } catch (error) {
      setNote({ tone: 'error', text: message(error) });
    } finally {
      setBusy(false);
    }
  };

  const test = () =>
    run(async () => {
      const me = await api.testConnection(serverUrl, token);
      return `The token works: ${me.user.name || me.user.email} (${ROLE_NAMES[me.user.role]}) in ${me.team.name}. Save to connect.`;
    });

  const save = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      const reply = await api.connect(serverUrl, token);
      setToken('');
      return reply.synced
        ? `Connected as ${reply.user.name || reply.user.email} (${ROLE_NAMES[reply.user.role]}) to ${reply.team.name}, and synced.`
        : `Connected to ${reply.team.name}, but the first sync failed: ${reply.message ?? 'unknown error'}. It will retry by itself.`;
    });
  };

  return (
    <section aria-labelledby="team">
      <h2 id="team">Team service</h2>
      <p class="muted">
        Connect to your team's ownership service so flags and owners set by colleagues reach this browser, and yours reach
        them. Your admin gives you the address and a personal access token.
      </p>
      {sync?.connected && sync.user && sync.team && (
        <div class="summary" role="status" data-testid="team-status">
          <p>
            Connected to <strong>{sync.team.name}</strong> at {sync.serverUrl} as {sync.user.name || sync.user.email} (
            {ROLE_NAMES[sync.user.role]}).
          </p>
          <p class="muted">
            {sync.lastSyncedAt !== undefined ? `Last synced ${whenText(sync.lastSyncedAt)}.` : 'Not synced yet.'}{' '}
            {sync.pending ? `${sync.pending} change${sync.pending === 1 ? '' : 's'} waiting to be sent.` : 'Nothing waiting to be sent.'}
            {sync.conflicts ? ` ${sync.conflicts} change${sync.conflicts === 1 ? '' : 's'} need your attention in the panel.` : ''}
          </p>
          {sync.lastError && <p class="error">Last sync failed ({whenText(sync.lastError.at)}): {sync.lastError.message}</p>}
          <div class="row">
            <button type="button" disabled={busy} onClick={() => void run(async () => {
              const reply = await api.syncNow();
              return reply.reason ?? 'Synced.';
            })}>
              Sync now
            </button>
            <button type="button" class="link" disabled={busy} onClick={() => void run(async () => {
              await api.disconnect();
              return 'Disconnected. Changes not yet sent are kept for the next connection.';
            })}>
              Disconnect
            </button>
          </div>
        </div>
      )}
      <form onSubmit={save}>
        <label for="server-url">Server URL</label>
        <input id="server-url" class="wide" type="url" required placeholder="https://ownership.example.com" value={serverUrl} onInput={(e) => setServerUrl(e.currentTarget.value)} />
        <label for="access-token">Access token</label>
        <input
          id="access-token"
          class="wide"
          type="password"
          required
          autocomplete="off"
          spellcheck={false}
          placeholder={sync?.connected ? 'Saved (enter a new one to replace it)' : 'Paste the token from your admin'}
          value={token}
          onInput={(e) => setToken(e.currentTarget.value)}
        />
        <div class="row">
          <button type="button" disabled={busy} onClick={() => void test()}>
            Test connection
          </button>
          <button type="submit" disabled={busy} aria-busy={busy}>
            Save and connect
          </button>
        </div>
        {note && (
          <p class={note.tone === 'error' ? 'error' : 'muted'} role={note.tone === 'error' ? 'alert' : 'status'}>
            {note.text}
          </p>
        )}
      </form>
    </section>
  );
}
