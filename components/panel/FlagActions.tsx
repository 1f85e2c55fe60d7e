import { useState } from 'preact/hooks';
import type { RecordChange } from '../../lib/messaging/protocol';
import type { Channel } from '../../lib/model/ownership';
import type { PanelView } from '../../lib/model/panel-view';
import { mayApply, mayUnderFlagPolicy, type Permission } from '../../lib/model/permissions';
import type { MutationName } from '../../lib/model/sync';
import { FormFooter } from './FormFooter';
import { CHANNEL_LABELS, exactDate, shortDate } from './format';

const DAY = 24 * 60 * 60 * 1000;
// The channels in CHANNELS order, from a Zod-free module: importing CHANNELS from lib/model/ownership
// pulled Zod's schemas into the content script (58 KB gzip instead of the 25 KB budget; issue 7).
const CHANNELS = Object.keys(CHANNEL_LABELS) as Channel[];

/** Whether the viewer may use a control, and why not: shown beside it, never a silently missing button. */
export function permissionFor(view: PanelView, name: MutationName): Permission {
  if (!view.sync.connected || !view.viewerRole) return { allowed: false, reason: 'Connect to your team service to change flags.' };
  const byRole = mayApply(name, { role: view.viewerRole, ownsRecord: !!view.owner?.isViewer });
  return byRole.allowed ? mayUnderFlagPolicy(name, view.viewerRole, view.flagPolicy) : byRole;
}

/** `yyyy-mm-dd` in the browser's zone, for a date input. */
function dateInputValue(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The end of the chosen day in the browser's zone: "until 3 March" includes 3 March. */
function endOfDay(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const at = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999).getTime();
  return Number.isFinite(at) ? at : null;
}

function Disabled({ id, permission }: { id: string; permission: Permission }) {
  return permission.allowed ? null : (
    <p id={id} class="os-why">
      {permission.reason}
    </p>
  );
}

function DoNotMarketForm({ view, onSubmit, onCancel }: { view: PanelView; onSubmit(change: RecordChange): void; onCancel(): void }) {
  const maxDays = view.flagPolicy?.doNotMarket.maxDays;
  const allowed = view.flagPolicy?.doNotMarket.channels ?? CHANNELS;
  const [until, setUntil] = useState(dateInputValue(view.now + Math.min(90, maxDays ?? 90) * DAY));
  const [reason, setReason] = useState('');
  const [channels, setChannels] = useState<Channel[]>([(view.flagPolicy?.doNotMarket.channels ?? CHANNELS).includes('email') ? 'email' : (view.flagPolicy?.doNotMarket.channels[0] ?? 'email')]);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    const at = endOfDay(until);
    if (at === null) return setProblem('Pick the date marketing may start again.');
    if (at <= view.now) return setProblem('Pick a date in the future.');
    if (maxDays !== undefined && at > view.now + (maxDays + 1) * DAY) return setProblem(`Your team's rules allow at most ${maxDays} days.`);
    if (!reason.trim()) return setProblem('Say why, so colleagues know when it is safe to ask.');
    if (!channels.length) return setProblem('Pick at least one channel.');
    onSubmit({ name: 'flag.dnm.set', args: { until: at, reason: reason.trim(), channels } });
  };
  const toggle = (channel: Channel) =>
    setChannels((now) => (now.includes(channel) ? now.filter((c) => c !== channel) : CHANNELS.filter((c) => c === channel || now.includes(c))));
  return (
    <form class="os-form" onSubmit={submit} aria-label="Set do not market">
      <label class="os-field">
        <span>Do not market until</span>
        <input
          type="date"
          required
          value={until}
          min={dateInputValue(view.now + DAY)}
          {...(maxDays !== undefined ? { max: dateInputValue(view.now + maxDays * DAY) } : {})}
          onInput={(e) => setUntil(e.currentTarget.value)}
        />
      </label>
      <label class="os-field">
        <span>Reason</span>
        <input type="text" required maxLength={1000} value={reason} placeholder="e.g. Renewal negotiation" onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <fieldset class="os-field os-channels">
        <legend>Channels</legend>
        {CHANNELS.filter((channel) => allowed.includes(channel)).map((channel) => (
          <label key={channel} class="os-check">
            <input type="checkbox" checked={channels.includes(channel)} onChange={() => toggle(channel)} />
            {CHANNEL_LABELS[channel]}
          </label>
        ))}
      </fieldset>
      <FormFooter problem={problem} submitLabel="Set flag" onCancel={onCancel} />
    </form>
  );
}

/** Claim or release outreach, set or clear "do not market": each disabled with its reason when the viewer may not. */
export function FlagActions({ view, onChange }: { view: PanelView; onChange(change: RecordChange): void }) {
  const [form, setForm] = useState<'none' | 'dnm' | 'confirm-claim'>('none');
  const mine = view.outreach.find((c) => c.mine);
  const others = view.outreach.filter((c) => !c.mine);
  const claim = permissionFor(view, mine ? 'flag.outreach.release' : 'flag.outreach.claim');
  const dnm = permissionFor(view, view.doNotMarket ? 'flag.dnm.clear' : 'flag.dnm.set');
  const send = (change: RecordChange) => {
    setForm('none');
    onChange(change);
  };

  if (form === 'dnm') return <DoNotMarketForm view={view} onSubmit={send} onCancel={() => setForm('none')} />;
  if (form === 'confirm-claim') {
    const first = others[0]!;
    return (
      <div class="os-confirm" role="alertdialog" aria-label="Someone is already reaching out">
        <p>
          <strong>{first.by}</strong> is already reaching out{others.length > 1 ? ` (and ${others.length - 1} more)` : ''}, since{' '}
          <span title={exactDate(first.since)}>{shortDate(first.since, view.now)}</span>. Talk to them first, or claim anyway.
        </p>
        <div class="os-actions">
          <button type="button" class="os-btn os-btn-primary" onClick={() => send({ name: 'flag.outreach.claim', args: {} })}>
            Claim anyway
          </button>
          <button type="button" class="os-btn" onClick={() => setForm('none')}>
            Cancel
          </button>
        </div>
      </div>
    );
  }
  // One sentence when both are off for the same reason (not connected), and both point at it.
  const sameReason = !claim.allowed && !dnm.allowed && claim.reason === dnm.reason;
  const claimWhy = 'os-claim-why';
  const dnmWhy = sameReason ? claimWhy : 'os-dnm-why';
  return (
    <div class="os-flag-actions">
      <div class="os-actions">
        <button
          type="button"
          class="os-btn"
          disabled={!claim.allowed}
          aria-describedby={claim.allowed ? undefined : claimWhy}
          onClick={() =>
            mine ? send({ name: 'flag.outreach.release', args: {} }) : others.length ? setForm('confirm-claim') : send({ name: 'flag.outreach.claim', args: {} })
          }
        >
          {mine ? 'Release my outreach' : 'Claim outreach'}
        </button>
        <button
          type="button"
          class="os-btn"
          disabled={!dnm.allowed}
          aria-describedby={dnm.allowed ? undefined : dnmWhy}
          onClick={() =>
            view.doNotMarket ? send({ name: 'flag.dnm.clear', args: { seenUntil: view.doNotMarket.until ?? view.now } }) : setForm('dnm')
          }
        >
          {view.doNotMarket ? 'Clear do not market' : 'Do not market…'}
        </button>
      </div>
      <Disabled id={claimWhy} permission={claim} />
      {!sameReason && <Disabled id={dnmWhy} permission={dnm} />}
    </div>
  );
}
