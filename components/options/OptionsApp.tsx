import { useEffect, useState } from 'preact/hooks';
import type { ImportSummary, StatusReply } from '../../lib/messaging/protocol';
import type { CrmId } from '../../lib/model/crm-ids';
import { RulePackSection, type RulePackApi } from './RulePackSection';
import { TeamSection, type TeamApi } from './TeamSection';
import './options.css';

/** What the options page can ask of the extension; the entrypoint wires it to messages. */
export interface OptionsApi extends TeamApi, RulePackApi {
  status(): Promise<StatusReply>;
  setViewer(viewer: string): Promise<void>;
  preview(csv: string): Promise<ImportSummary>;
  importCsv(csv: string): Promise<ImportSummary>;
  /** Asks the browser for access to `origin` (needs the click's user gesture), then registers it. */
  addHost(origin: string, crm: CrmId): Promise<void>;
  removeHost(origin: string): Promise<void>;
}

export interface OptionsAppProps {
  api: OptionsApi;
  crms: readonly { id: CrmId; label: string; selfHosted: boolean }[];
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function Summary({ summary, committed }: { summary: ImportSummary; committed: boolean }) {
  const format = summary.format ? `${summary.format.crm} ${summary.format.kind} export (${summary.format.objectType})` : 'Unrecognised file';
  return (
    <div class="summary" role="status">
      <p>
        {committed
          ? `Imported ${summary.records} records (${summary.written ?? 0} new or changed) and ${summary.owners} owners.`
          : `Ready to import ${summary.records} records and ${summary.owners} owners from a ${format}.`}
        {summary.unowned ? ` ${summary.unowned} have no owner and will show as unowned.` : ''}
      </p>
      {summary.errors.length > 0 && (
        <details open={!summary.records}>
          <summary>
            {summary.errors.length} row{summary.errors.length === 1 ? '' : 's'} could not be read
            {summary.records ? ' and will be skipped' : ''}
          </summary>
          <ul class="errors">
            {summary.errors.map((error) => (
              <li key={`${error.row}:${error.column ?? ''}`}>
                Row {error.row}
                {error.column ? `, column "${error.column}"` : ''}: {error.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

export function OptionsApp({ api, crms }: OptionsAppProps) {
  const [status, setStatus] = useState<StatusReply | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [viewer, setViewer] = useState('');
  const [viewerSaved, setViewerSaved] = useState<string | null>(null);
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [summary, setSummary] = useState<{ value: ImportSummary; committed: boolean } | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [hostCrm, setHostCrm] = useState<CrmId>(crms.find((c) => c.selfHosted)?.id ?? crms[0]!.id);
  const [hostOrigin, setHostOrigin] = useState('');
  const [hostError, setHostError] = useState<string | null>(null);

  const refresh = () =>
    api.status().then(
      (s) => {
        setStatus(s);
        setStatusError(null);
        setViewer((v) => v || s.viewer || '');
      },
      (error) => setStatusError(message(error)),
    );
  useEffect(() => void refresh(), []);

  const chooseFile = async (file: File | undefined) => {
    setSummary(null);
    setImportError(null);
    setCsv(null);
    if (!file) return;
    try {
      const text = await file.text();
      setCsv({ name: file.name, text });
      setSummary({ value: await api.preview(text), committed: false });
    } catch (error) {
      setImportError(message(error));
    }
  };

  const runImport = async () => {
    if (!csv) {
      setImportError('Choose a CSV file first.');
      return;
    }
    setBusy(true);
    setImportError(null);
    try {
      setSummary({ value: await api.importCsv(csv.text), committed: true });
      await refresh();
    } catch (error) {
      setImportError(message(error));
    } finally {
      setBusy(false);
    }
  };

  const addHost = async (event: Event) => {
    event.preventDefault();
    setHostError(null);
    try {
      await api.addHost(hostOrigin, hostCrm);
      setHostOrigin('');
      await refresh();
    } catch (error) {
      setHostError(message(error));
    }
  };

  return (
    <main class="options">
      <header>
        <h1>Ownersight</h1>
        <p class="lede">Account and contact ownership, in your CRM's record pages.</p>
        {/* Issue 6: the admins' dashboard is its own extension page (entrypoints/dashboard). */}
        <p>
          <a href="dashboard.html" target="_blank" rel="noopener">Ownership health</a>
        </p>
        {statusError ? (
          <p class="error" role="alert">Could not reach the extension: {statusError}</p>
        ) : (
          status && (
            <p class="muted">
              {status.records.toLocaleString()} records and {status.owners.toLocaleString()} owners stored in this browser.
            </p>
          )
        )}
      </header>

      <TeamSection api={api} sync={status?.sync} onChanged={refresh} />

      <RulePackSection api={api} refreshKey={status?.sync.lastSyncedAt} />

      <section aria-labelledby="you">
        <h2 id="you">You</h2>
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            await api.setViewer(viewer);
            setViewerSaved(viewer ? `The panel now says "You" on records owned by ${viewer}.` : 'Cleared.');
          }}
        >
          <label for="viewer">Your email in the CRM</label>
          <div class="row">
            <input id="viewer" type="email" value={viewer} onInput={(e) => setViewer(e.currentTarget.value)} placeholder="you@company.com" />
            <button type="submit">Save</button>
          </div>
          {viewerSaved && <p class="muted" role="status">{viewerSaved}</p>}
        </form>
      </section>

      <section aria-labelledby="import">
        <h2 id="import">Import owners</h2>
        <p class="muted">
          A CSV of accounts, contacts or leads as Salesforce, HubSpot or Pipedrive export it. Records already here keep their
          flags and history; importing the same file twice changes nothing.
        </p>
        <label for="csv">Owners CSV file</label>
        <div class="row">
          <input id="csv" type="file" accept=".csv,text/csv" onChange={(e) => void chooseFile(e.currentTarget.files?.[0])} />
          <button type="button" onClick={() => void runImport()} disabled={busy} aria-busy={busy}>
            Import owners
          </button>
        </div>
        {importError && <p class="error" role="alert">{importError}</p>}
        {summary && <Summary summary={summary.value} committed={summary.committed} />}
      </section>

      <section aria-labelledby="hosts">
        <h2 id="hosts">Self-hosted CRMs</h2>
        <p class="muted">
          Ownersight works on the CRMs' own cloud addresses out of the box. For a CRM on your company's own address, add it
          here and allow access when the browser asks.
        </p>
        <form onSubmit={(e) => void addHost(e)} class="row">
          <label class="visually-hidden" for="host-crm">CRM</label>
          <select id="host-crm" value={hostCrm} onChange={(e) => setHostCrm(e.currentTarget.value as CrmId)}>
            {crms.map((crm) => (
              <option key={crm.id} value={crm.id}>
                {crm.label}
              </option>
            ))}
          </select>
          <label class="visually-hidden" for="host-origin">CRM address</label>
          <input id="host-origin" type="url" required placeholder="https://crm.example.com" value={hostOrigin} onInput={(e) => setHostOrigin(e.currentTarget.value)} />
          <button type="submit">Add</button>
        </form>
        {hostError && <p class="error" role="alert">{hostError}</p>}
        {status && status.customHosts.length > 0 && (
          <ul class="hosts">
            {status.customHosts.map((host) => (
              <li key={host.origin}>
                <span>{host.origin}</span> <span class="muted">{crms.find((c) => c.id === host.crm)?.label ?? host.crm}</span>
                <button type="button" class="link" onClick={() => void api.removeHost(host.origin).then(refresh, (e) => setHostError(message(e)))}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
