import type { ChecklistProgress } from '../../lib/model/panel-view';
import { count } from './format';
import { Icon } from './icons';

/** "Opportunity → Customer", "4 of 6" with a bar, then what is still open. */
export function Handoff({ checklist: c }: { checklist: ChecklistProgress }) {
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
      <div
        class="os-progress"
        role="progressbar"
        aria-label={`Handoff checklist, ${progress} done`}
        aria-valuemin={0}
        aria-valuemax={c.total}
        aria-valuenow={c.done}
      >
        <span style={{ width: `${pct}%` }} />
      </div>
      {c.openItems.length > 0 ? (
        <ul class="os-todo" aria-label="Open items">
          {c.openItems.map((item, i) => (
            <li key={i}>
              <Icon name="ring" />
              <span class="os-trunc" title={item}>
                {item}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="os-muted">All items done.</p>
      )}
    </section>
  );
}
