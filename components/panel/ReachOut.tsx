import type { RecordChange } from '../../lib/messaging/protocol';
import type { PanelView, ReachStatus } from '../../lib/model/panel-view';
import { FlagActions } from './FlagActions';
import { channelList, CHANNEL_LABELS, exactDate, expiryText, relativeTime, shortDate } from './format';
import { Icon, type IconName } from './icons';

export const REACH_TEXT: Record<ReachStatus, string> = {
  clear: 'Clear to reach out',
  caution: 'Outreach in progress',
  stop: 'Do not reach out',
};
const REACH_ICON: Record<ReachStatus, IconName> = { clear: 'check', caution: 'alert', stop: 'stop' };

/** One line under the headline: why the status is what it is. */
function reachDetail(view: PanelView): string {
  const others = view.outreach.filter((c) => !c.mine);
  if (view.reach === 'stop') {
    const dnm = view.doNotMarket;
    if (dnm) return dnm.until ? `Marketing paused until ${shortDate(dnm.until, view.now)}.` : 'Marketing paused, no end date.';
    const withdrawn = view.consent.filter((c) => c.status === 'withdrawn').map((c) => c.channel);
    if (withdrawn.length) return `Consent withdrawn for ${channelList(withdrawn)}.`;
    return 'Marketing is blocked for this record.';
  }
  if (view.reach === 'caution') {
    const first = others[0];
    if (!first) return 'Coordinate before you reach out.';
    return `Talk to ${first.by}${others.length > 1 ? ` (+${others.length - 1})` : ''} before you reach out.`;
  }
  return view.outreach.some((c) => c.mine) ? 'Your outreach is in progress.' : 'Nothing stops you.';
}

/** The relative time, with the exact date on hover. */
function When({ at, now, prefix }: { at: number; now: number; prefix?: string }) {
  return <span title={exactDate(at)}>{prefix ? `${prefix} ${relativeTime(at, now)}` : relativeTime(at, now)}</span>;
}

/** Reach-out status line, then the flags behind it as chips, then consent per channel. */
export function ReachOut({ view, onChange }: { view: PanelView; onChange(change: RecordChange): void }) {
  const { now, doNotMarket: dnm } = view;
  const hasFlags = view.outreach.length > 0 || dnm;
  return (
    <section class="os-section">
      <div class="os-status" data-tone={view.reach}>
        <Icon name={REACH_ICON[view.reach]} />
        <div>
          <h3 class="os-status-title">{REACH_TEXT[view.reach]}</h3>
          <p class="os-status-detail">{reachDetail(view)}</p>
        </div>
      </div>

      {hasFlags && (
        <ul class="os-chips">
          {dnm && (
            <li class="os-chip" data-tone="stop">
              <Icon name="ban" />
              <div class="os-chip-body">
                <p class="os-chip-title">
                  Do not market
                  <span class="os-chip-channels">
                    <span aria-hidden="true"> · </span>
                    <span class="os-sr">, </span>
                    {dnm.channels.length ? channelList(dnm.channels) : 'all channels'}
                  </span>
                </p>
                {dnm.reason && <p class="os-chip-line os-chip-reason">{dnm.reason}</p>}
                <p class="os-chip-line os-chip-muted">
                  <span title={`Set ${exactDate(dnm.since)}`}>{dnm.setBy}</span>
                  <span aria-hidden="true"> · </span>
                  {dnm.until ? <span title={`Until ${exactDate(dnm.until)}`}>{expiryText(dnm.until, now)}</span> : 'no end date'}
                </p>
              </div>
            </li>
          )}
          {view.outreach.map((c) => (
            <li key={`${c.by}-${c.since}`} class="os-chip" data-tone={c.mine ? 'mine' : 'caution'}>
              <Icon name="chat" />
              <div class="os-chip-body">
                <p class="os-chip-title os-trunc" title={c.mine ? `You (${c.by}) are reaching out` : `${c.by} is reaching out`}>
                  {c.mine ? 'You are reaching out' : `${c.by} is reaching out`}
                </p>
                <p class="os-chip-line os-chip-muted">
                  <When at={c.since} now={now} prefix="started" />
                  <span aria-hidden="true"> · </span>
                  {c.until ? <span title={`Until ${exactDate(c.until)}`}>{expiryText(c.until, now)}</span> : 'no end date'}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}

      <FlagActions view={view} onChange={onChange} />

      {view.consent.length > 0 && (
        <div class="os-consent">
          <h3 class="os-label">Consent</h3>
          <ul class="os-consent-list">
            {view.consent.map((c) => (
              <li key={c.channel} class="os-consent-item" data-status={c.status} title={`${CHANNEL_LABELS[c.channel]}: ${c.status}`}>
                <Icon name={c.status === 'granted' ? 'check' : c.status === 'withdrawn' ? 'cross' : 'question'} />
                {CHANNEL_LABELS[c.channel]}
                <span class="os-sr">: {c.status}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
