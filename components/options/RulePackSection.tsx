import { useEffect, useState } from 'preact/hooks';
import type { ListDiff, PackDiff, ValueChange } from '../../lib/rulepack-install/diff';
import type { CheckResult, PackPreview, RulePackStatus } from '../../lib/rulepack-install/types';

/** What the rule-pack section asks of the extension; every call goes through the background. */
export interface RulePackApi {
  rulePackStatus(): Promise<RulePackStatus>;
  previewPack(text: string): Promise<PackPreview>;
  publishPack(text: string): Promise<{ version: number }>;
  pinKey(text: string): Promise<{ keyIds: string[] }>;
  unpinKey(keyId: string): Promise<{ removed: boolean }>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const when = (at: number | string) => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const CHECK_WORDS: Record<CheckResult, string> = {
  installed: 'a new pack was verified and made active',
  unchanged: 'nothing newer on the service',
  none: 'the team has no rule pack yet',
  refused: 'the pack on the service was refused',
  failed: 'the check failed',
};

function ListLine({ label, diff }: { label: string; diff: ListDiff }) {
  const parts = [
    diff.added.length ? `added ${diff.added.join(', ')}` : '',
    diff.removed.length ? `removed ${diff.removed.join(', ')}` : '',
    diff.changed.length ? `changed ${diff.changed.map((c) => `${c.id} (${c.fields.join(', ')})`).join('; ')}` : '',
  ].filter(Boolean);
  if (!parts.length) return null;
  return (
    <li>
      <strong>{label}:</strong> {parts.join('; ')}
    </li>
  );
}

function ValueLines({ label, changes }: { label: string; changes: ValueChange[] }) {
  if (!changes.length) return null;
  return (
    <li>
      <strong>{label}:</strong>{' '}
      {changes.map((c) => `${c.path} ${c.before === undefined ? '(not set)' : c.before} → ${c.after === undefined ? '(not set)' : c.after}`).join('; ')}
    </li>
  );
}

/** What publishing this pack would change for every install, against the pack in force. */
export function PackDiffView({ diff, against }: { diff: PackDiff; against: number | null }) {
  if (diff.same) return <p class="muted">Same content as the active pack.</p>;
  return (
    <div data-testid="rulepack-diff">
      <p>{against === null ? 'No pack is active yet; everything in this one is new:' : `Changes against the active version ${against}:`}</p>
      <ul>
        <ValueLines label="Pack" changes={diff.about} />
        <ListLine label="Assignment rules" diff={diff.rules} />
        <ListLine label="Pools" diff={diff.pools} />
        <ListLine label="Handoff checklists" diff={diff.checklists} />
        <ListLine label="SLAs" diff={diff.slas} />
        <ValueLines label="Flag policy" changes={diff.flags} />
        <ValueLines label="Warnings" changes={diff.warnings} />
        <ValueLines label="CRM fields and hosts" changes={diff.crm} />
      </ul>
    </div>
  );
}

/**
 * The team's rule pack on this install (issue #5): the pack in force and who signed it, why the last one
 * was refused, the signing keys this install trusts (browser policy or pasted here), and, for admins,
 * importing a signed pack file with a preview of its changes and publishing it to the team.
 */
export function RulePackSection({ api, refreshKey }: { api: RulePackApi; /** Changes when the page's status reloads (after a sync). */ refreshKey?: unknown }) {
  const [status, setStatus] = useState<RulePackStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [keyText, setKeyText] = useState('');
  const [keyNote, setKeyNote] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [file, setFile] = useState<{ name: string; text: string; preview: PackPreview } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [publishNote, setPublishNote] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = () =>
    api.rulePackStatus().then(
      (s) => {
        setStatus(s);
        setError(null);
      },
      (e) => setError(message(e)),
    );
  useEffect(() => void refresh(), [refreshKey]);

  const pin = async (event: Event) => {
    event.preventDefault();
    setKeyNote(null);
    try {
      const { keyIds } = await api.pinKey(keyText);
      setKeyText('');
      setKeyNote({ tone: 'ok', text: `Pinned. This install now trusts ${plural(keyIds.length, 'key')}: ${keyIds.join(', ')}.` });
      await refresh();
    } catch (e) {
      setKeyNote({ tone: 'error', text: message(e) });
    }
  };

  const choose = async (chosen: File | undefined) => {
    setFile(null);
    setFileError(null);
    setPublishNote(null);
    if (!chosen) return;
    try {
      const text = await chosen.text();
      setFile({ name: chosen.name, text, preview: await api.previewPack(text) });
    } catch (e) {
      setFileError(message(e));
    }
  };

  const publish = async () => {
    if (!file) return;
    setBusy(true);
    setPublishNote(null);
    try {
      const { version } = await api.publishPack(file.text);
      setPublishNote({ tone: 'ok', text: `Published version ${version} to the team. Every install takes it at its next sync, after checking its signature.` });
      await refresh();
    } catch (e) {
      setPublishNote({ tone: 'error', text: `The service refused the pack: ${message(e)}` });
    } finally {
      setBusy(false);
    }
  };

  const preview = file?.preview;
  const cannotPublish = !status
    ? 'Loading…'
    : !status.publish.allowed
      ? status.publish.reason
      : !preview || preview.errors.length
        ? 'Fix the mistakes in the file first.'
        : !preview.signed
          ? 'Sign the pack first (npm run rulepack -- sign); only signed packs can be published.'
          : null;
  const policy = status?.policy;

  return (
    <section aria-labelledby="rulepack">
      <h2 id="rulepack">Rule pack</h2>
      <p class="muted">
        Your admin's rules for ownership, handoff checklists, SLAs and flags. A pack from the team service is used only when
        it is signed by a key this install trusts, is for your team, is in date and is newer than the one in force.
      </p>
      {error && <p class="error" role="alert">{error}</p>}

      {policy?.managed && (
        <div class="summary" data-testid="rulepack-policy">
          <p>
            <strong>Set by your organisation's browser policy</strong> (read-only):
          </p>
          <ul>
            {policy.serverUrl && <li>Team service: {policy.serverUrl}</li>}
            {policy.teamId && <li>Team: {policy.teamId}</li>}
            {policy.minPackVersion !== undefined && <li>Lowest pack version allowed: {policy.minPackVersion}</li>}
            {status?.keysFrom === 'policy' && <li>Signing keys: {status.keys.map((k) => k.keyId).join(', ')}</li>}
          </ul>
          {policy.problems.map((problem) => (
            <p class="error" key={problem}>{problem}</p>
          ))}
        </div>
      )}

      {status && (
        <div class="summary" role="status" data-testid="rulepack-active">
          {status.active ? (
            <>
              <p>
                Active: <strong>version {status.active.version}</strong>, “{status.active.name}”, signed with key {status.active.keyId}.
              </p>
              <p class="muted">
                Issued {day(status.active.issuedAt)}, expires {day(status.active.expiresAt)}; active here since {when(status.active.activatedAt)}.{' '}
                {plural(status.active.rules, 'rule')}, {plural(status.active.checklists, 'checklist')}, {plural(status.active.slas, 'SLA')}.
              </p>
            </>
          ) : (
            <p>No rule pack is active on this install; Ownersight uses its built-in defaults.</p>
          )}
          {status.lastCheck && (
            <p class="muted">
              Last checked {when(status.lastCheck.at)}: {CHECK_WORDS[status.lastCheck.result]}
              {status.lastCheck.result === 'failed' && status.lastCheck.message ? ` (${status.lastCheck.message})` : ''}.
            </p>
          )}
        </div>
      )}

      {status?.refusal && (
        <div class="summary" role="alert" data-testid="rulepack-refusal">
          <p class="error">
            Refused {status.refusal.version !== undefined ? `version ${status.refusal.version}` : 'a pack'} from the team service (
            {when(status.refusal.at)}): {status.refusal.message}
          </p>
          <p class="muted">
            {status.active ? `Version ${status.active.version} stays in force.` : 'No pack is in force; the built-in defaults apply.'}
          </p>
        </div>
      )}

      <h3>Trusted signing keys</h3>
      {status && status.keys.length === 0 && <p class="muted">No key is pinned yet: no rule pack can become active.</p>}
      {status && status.keys.length > 0 && (
        <ul class="hosts" data-testid="rulepack-keys">
          {status.keys.map((key) => (
            <li key={key.keyId}>
              <code>{key.keyId}</code>
              <span class="muted">{key.from === 'policy' ? 'pinned by browser policy' : `pinned here ${key.addedAt ? when(key.addedAt) : ''}`}</span>
              {key.from === 'options' && (
                <button type="button" class="link" onClick={() => void api.unpinKey(key.keyId).then(refresh, (e) => setKeyNote({ tone: 'error', text: message(e) }))}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {status?.keysFrom === 'policy' ? (
        <p class="muted">Your organisation pins the keys by browser policy; they cannot be changed here.</p>
      ) : (
        <form onSubmit={(e) => void pin(e)}>
          <label for="rulepack-key">Public key (rulepack-key.pub.json)</label>
          <textarea
            id="rulepack-key"
            rows={4}
            style={{ width: '100%', boxSizing: 'border-box', font: '12px ui-monospace, monospace' }}
            placeholder='{ "alg": "Ed25519", "keyId": "…", "publicKey": "…" }'
            value={keyText}
            onInput={(e) => setKeyText(e.currentTarget.value)}
          />
          <div class="row">
            <button type="submit" disabled={!keyText.trim()}>
              Pin key
            </button>
            <span class="muted">The file "npm run rulepack -- keygen" printed. Never the .pem file: that one is secret.</span>
          </div>
        </form>
      )}
      {keyNote && (
        <p class={keyNote.tone === 'error' ? 'error' : 'muted'} role={keyNote.tone === 'error' ? 'alert' : 'status'}>
          {keyNote.text}
        </p>
      )}

      <h3>Import a pack file</h3>
      <label for="rulepack-file">Rule pack file</label>
      <input id="rulepack-file" type="file" accept=".json,application/json" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
      {fileError && <p class="error" role="alert">{fileError}</p>}
      {preview && (
        <div class="summary" data-testid="rulepack-preview">
          {preview.pack && (
            <p>
              {file!.name}: version {preview.pack.version}, “{preview.pack.name}” for team {preview.pack.team}, valid {day(preview.pack.issuedAt)} to{' '}
              {day(preview.pack.expiresAt)}. {preview.signed ? 'Signed.' : 'Not signed.'}
            </p>
          )}
          {preview.errors.length > 0 && (
            <>
              <p class="error">This file is not a valid rule pack ({plural(preview.errors.length, 'mistake')}):</p>
              <ul class="errors">
                {preview.errors.map((e) => (
                  <li key={`${e.path}:${e.message}`}>
                    <code>{e.path}</code>: {e.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          {preview.verdict &&
            (preview.verdict.ok ? (
              <p>This install would accept it (signed with trusted key {preview.verdict.keyId}).</p>
            ) : (
              <p class="error">This install would refuse it: {preview.verdict.message}</p>
            ))}
          {preview.diff && <PackDiffView diff={preview.diff} against={status?.active?.version ?? null} />}
        </div>
      )}
      <div class="row">
        <button type="button" disabled={busy || cannotPublish !== null} aria-busy={busy} onClick={() => void publish()}>
          Publish to team
        </button>
        {cannotPublish && file && <span class="muted">{cannotPublish}</span>}
        {cannotPublish && !file && status && !status.publish.allowed && <span class="muted">{status.publish.reason}</span>}
      </div>
      {publishNote && (
        <p class={publishNote.tone === 'error' ? 'error' : 'muted'} role={publishNote.tone === 'error' ? 'alert' : 'status'}>
          {publishNote.text}
        </p>
      )}
    </section>
  );
}
