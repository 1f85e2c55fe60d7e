import type { SlaStatus } from '../../lib/model/panel-view';
import { exactDate, relativeTime } from './format';
import { Icon } from './icons';

const SOON = 60 * 60_000;

/** Time left to first touch, how long ago it was breached, or that it was met. */
export function SlaTimer({ sla, now }: { sla: SlaStatus; now: number }) {
  let tone: 'ok' | 'soon' | 'breached' | 'idle';
  let text: string;
  if (sla.touchedAt !== undefined) {
    tone = sla.breached ? 'idle' : 'ok';
    text = sla.breached
      ? `${sla.label} missed, done ${relativeTime(sla.touchedAt, now)}`
      : `${sla.label} met ${relativeTime(sla.touchedAt, now)}`;
  } else if (sla.breached || sla.dueAt <= now) {
    tone = 'breached';
    text = `${sla.label} breached ${relativeTime(sla.dueAt, now)}`;
  } else {
    tone = sla.dueAt - now <= SOON ? 'soon' : 'idle';
    text = `${sla.label} due ${relativeTime(sla.dueAt, now)}`;
  }
  return (
    <section class="os-section os-sla" data-tone={tone}>
      <h3 class="os-sr">SLA</h3>
      <Icon name={tone === 'ok' ? 'check' : tone === 'breached' ? 'alert' : 'clock'} />
      <p title={`Due ${exactDate(sla.dueAt)}${sla.rule ? `. ${sla.rule}` : ''}`}>{text}</p>
    </section>
  );
}
