import { useState } from 'preact/hooks';
import type { RecordChange } from '../../lib/messaging/protocol';
import type { ChecklistView, PanelView, TransferView } from '../../lib/model/panel-view';
import { permissionFor } from './FlagActions';
import { count } from './format';
import { FormFooter } from './FormFooter';
import { Icon } from './icons';

const KIND_WORD = { person: '', team: ' (team)', queue: ' (queue)' } as const;

/** Pick a new owner and say why; disabled with its reason until the checklist is complete (admins may override). */
function Transfer({ view, transfer, checklist, onChange }: { view: PanelView; transfer: TransferView; checklist: ChecklistView | null; onChange(change: RecordChange): void }) {
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState(transfer.suggestedId ?? '');
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const blocked = transfer.blockedBy.length > 0;
  const why = transfer.notAllowed ?? (blocked && !transfer.canOverride ? `Complete the checklist first: ${transfer.blockedBy.length} open item${transfer.blockedBy.length === 1 ? '' : 's'}.` : null);
  if (!open) {
    return (
      <div class="os-transfer">
        <button type="button" class="os-btn" disabled={why !== null} aria-describedby={why ? 'os-transfer-why' : undefined} onClick={() => setOpen(true)}>
          Transfer ownership…
        </button>
        {why && (
          <p id="os-transfer-why" class="os-why">
            {why}
          </p>
        )}
      </div>
    );
  }
  const submit = (e: Event) => {
    e.preventDefault();
    if (!target) return setProblem('Choose who takes the record over.');
    if (!reason.trim()) return setProblem('Say why: it goes into the history for everyone.');
    if (blocked && !override) return setProblem('The checklist is not complete: tick "Transfer anyway" to override as an admin.');
    const transition = checklist ? `Handoff ${checklist.from} → ${checklist.to}` : 'Transfer';
    const overridden = blocked ? ` (checklist overridden with ${transfer.blockedBy.length} open)` : '';
    onChange({ name: 'owner.set', args: { ownerId: target, expectedVersion: view.ownerVersion, reason: `${transition}${overridden}: ${reason.trim()}` } });
    setOpen(false);
    setReason('');
  };
  return (
    <form class="os-form" onSubmit={submit} aria-label="Transfer ownership">
      <label class="os-field">
        <span>New owner</span>
        <select value={target} onChange={(e) => setTarget(e.currentTarget.value)} required>
          <option value="">Choose…</option>
          {transfer.targets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
              {KIND_WORD[t.kind]}
              {t.id === transfer.suggestedId ? ' — expected by the rules' : ''}
            </option>
          ))}
        </select>
      </label>
      <label class="os-field">
        <span>Reason</span>
        <input type="text" required maxLength={800} value={reason} placeholder="e.g. Closed won, over to Customer Success" onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      {blocked && transfer.canOverride && (
        <label class="os-check">
          <input type="checkbox" checked={override} onChange={(e) => setOverride(e.currentTarget.checked)} />
          Transfer anyway ({transfer.blockedBy.length} open item{transfer.blockedBy.length === 1 ? '' : 's'})
        </label>
      )}
      <FormFooter problem={problem} submitLabel="Transfer" onCancel={() => setOpen(false)} />
    </form>
  );
}

/** "Opportunity → Customer", "4 of 6" with a bar, each item with why it is open; manual items are ticked here. */
export function Handoff({ view, onChange }: { view: PanelView; onChange(change: RecordChange): void }) {
  const c = view.checklist;
  const tick = permissionFor(view, 'checklist.item.set');
  if (!c) return view.transfer ? <section class="os-section">{<Transfer view={view} transfer={view.transfer} checklist={null} onChange={onChange} />}</section> : null;
  const pct = c.total > 0 ? Math.round((Math.min(c.done, c.total) / c.total) * 100) : 0;
  const progress = `${count(c.done)} of ${count(c.total)}`;
  return (
    <section class="os-section">
      <div class="os-row">
        <h3 class="os-label">Handoff</h3>
        <span class="os-muted">{progress} done</span>
      </div>
      <p class="os-transition" title={`${c.from} → ${c.to}`}>
        <span class="os-trunc">{c.from}</span>
        <span class="os-arrow" aria-hidden="true">→</span>
        <span class="os-sr"> to </span>
        <span class="os-trunc">{c.to}</span>
      </p>
      <div class="os-progress" role="progressbar" aria-label={`Handoff checklist, ${progress} done`} aria-valuemin={0} aria-valuemax={c.total} aria-valuenow={c.done}>
        <span style={{ width: `${pct}%` }} />
      </div>
      <ul class="os-todo" aria-label="Checklist">
        {c.items.map((item) => (
          <li key={item.id} data-done={item.done}>
            {item.tickable ? (
              <label class="os-check" title={tick.allowed ? item.why : tick.reason}>
                <input
                  type="checkbox"
                  checked={item.done}
                  disabled={!tick.allowed}
                  onChange={(e) => onChange({ name: 'checklist.item.set', args: { from: c.from, to: c.to, itemId: item.id, label: item.label, done: e.currentTarget.checked } })}
                />
                <span class="os-trunc">{item.label}</span>
              </label>
            ) : (
              <>
                <Icon name={item.done ? 'check' : 'ring'} />
                <span class="os-trunc" title={item.why}>
                  {item.label}
                  <span class="os-sr">: {item.why}</span>
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
      {view.transfer && <Transfer view={view} transfer={view.transfer} checklist={c} onChange={onChange} />}
    </section>
  );
}
