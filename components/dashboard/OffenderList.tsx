import { useEffect, useState } from 'preact/hooks';
import type { HealthList, HealthOwner, HealthRecordsReply } from '../../lib/model/health';
import { MAX_REASSIGN_KEYS } from '../../lib/model/health';
import { recordLink, type CrmLinks } from './record-url';

// One offender list: pick records, hand them to an owner, team or queue with a reason, or export the
// whole list as CSV. Props in, callbacks out; the page wires the callbacks to the background.

export interface OffenderListProps {
  list: HealthList;
  reply: HealthRecordsReply | null;
  loading: boolean;
  error: string | null;
  owners: readonly HealthOwner[];
  links: CrmLinks;
  /** Null when the user may reassign; else why not, shown beside the disabled controls. */
  reassignBlocked: string | null;
  onReassign(recordKeys: string[], ownerId: string, reason: string): Promise<string>;
  onExport(): Promise<void>;
}

const when = (t: number | undefined) => (t === undefined ? '' : new Date(t).toISOString().slice(0, 10));

export function OffenderList({ list, reply, loading, error, owners, links, reassignBlocked, onReassign, onExport }: OffenderListProps) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [ownerId, setOwnerId] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => setSelected(new Set()), [reply]);

  const records = reply?.records ?? [];
  const allSelected = records.length > 0 && records.every((r) => selected.has(r.key));
  const toggle = (key: string) => {
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setSelected(next);
  };
  const active = owners.filter((o) => o.active);
  const missing = !ownerId ? 'Choose who gets them.' : !reason.trim() ? 'Give a reason; it goes into each record\'s history.' : selected.size === 0 ? 'Select records first.' : null;
  const blocked = reassignBlocked ?? (selected.size > MAX_REASSIGN_KEYS ? `At most ${MAX_REASSIGN_KEYS} records at a time.` : null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (blocked || missing) return;
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ ok: true, text: await onReassign([...selected], ownerId, reason.trim()) });
      setReason('');
    } catch (e) {
      setOutcome({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="offenders">
      <div class="list-head">
        <p class="count" role="status">
          {loading ? 'Loading…' : error ? '' : reply ? `${reply.total} record${reply.total === 1 ? '' : 's'}${reply.truncated ? `, the first ${records.length} shown` : ''}` : ''}
        </p>
        <button type="button" class="secondary" onClick={() => void onExport().catch((e) => setOutcome({ ok: false, text: e instanceof Error ? e.message : String(e) }))} disabled={!reply || reply.total === 0}>
          Export CSV
        </button>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      {reply && records.length === 0 && !loading && <p class="empty">Nothing on this list. Good.</p>}
      {records.length > 0 && (
        <div class="table-wrap">
          <table class="records">
            <thead>
              <tr>
                <th scope="col" class="pick">
                  <input type="checkbox" aria-label="Select all shown" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(records.map((r) => r.key)))} />
                </th>
                <th scope="col">Record</th>
                <th scope="col">Owner</th>
                <th scope="col">Why</th>
                <th scope="col">Last touch</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => {
                const link = recordLink(r, links);
                const label = r.name ?? r.recordId;
                return (
                  <tr key={r.key} class={selected.has(r.key) ? 'selected' : ''}>
                    <td class="pick">
                      <input type="checkbox" aria-label={`Select ${label}`} checked={selected.has(r.key)} onChange={() => toggle(r.key)} />
                    </td>
                    <th scope="row">
                      {'url' in link ? (
                        <a href={link.url} target="_blank" rel="noopener noreferrer">{label}</a>
                      ) : (
                        <span title={link.reason}>{label}</span>
                      )}
                      <span class="meta">
                        {r.crm} {r.kind} · {r.recordId}
                        {'reason' in link && <span class="nolink" title={link.reason}> · no link</span>}
                      </span>
                    </th>
                    <td>{r.ownerName ?? r.ownerId ?? <em>nobody</em>}</td>
                    <td>{r.why}</td>
                    <td>{when(r.lastTouchAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <form class="reassign" onSubmit={submit} aria-label={`Reassign selected records of the ${list} list`}>
        <fieldset disabled={!!reassignBlocked || busy}>
          <legend>Reassign {selected.size || ''} selected</legend>
          <label>
            New owner
            <select value={ownerId} onChange={(e) => setOwnerId((e.target as HTMLSelectElement).value)}>
              <option value="">Choose an owner, team or queue…</option>
              {(['person', 'team', 'queue'] as const).map((kind) => {
                const group = active.filter((o) => o.kind === kind);
                return group.length ? (
                  <optgroup key={kind} label={kind === 'person' ? 'People' : kind === 'team' ? 'Teams' : 'Queues'}>
                    {group.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
                  </optgroup>
                ) : null;
              })}
            </select>
          </label>
          <label class="grow">
            Reason
            <input type="text" value={reason} maxLength={1000} placeholder="e.g. Territory realignment" onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
          </label>
          <button type="submit" disabled={!!blocked || !!missing || busy}>{busy ? 'Reassigning…' : `Reassign ${selected.size} record${selected.size === 1 ? '' : 's'}`}</button>
        </fieldset>
        {(blocked ?? (selected.size > 0 ? missing : null)) && <p class="hint">{blocked ?? missing}</p>}
        {outcome && <p class={outcome.ok ? 'ok' : 'error'} role={outcome.ok ? 'status' : 'alert'}>{outcome.text}</p>}
      </form>
    </div>
  );
}
