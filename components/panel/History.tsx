import { useState } from 'preact/hooks';
import type { HistoryEntry } from '../../lib/model/ownership';
import { exactDate, relativeTime } from './format';
import { Icon } from './icons';

const KIND: Record<HistoryEntry['kind'], string> = {
  owner: 'Owner',
  supporting: 'Supporting owners',
  stage: 'Stage',
  flag: 'Flag',
  checklist: 'Checklist',
  import: 'Import',
};

/** Who changed what, when and why; collapsed until asked for. */
export function History({ entries, now }: { entries: readonly HistoryEntry[]; now: number }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<HistoryEntry['kind'] | 'all'>('all');
  if (!entries.length) return null;
  const kinds = [...new Set(entries.map((e) => e.kind))];
  const newestFirst = [...entries].filter((e) => kind === 'all' || e.kind === kind).sort((a, b) => b.at - a.at);
  return (
    <section class="os-section os-history">
      <h3 class="os-h-toggle">
        <button type="button" class="os-disclosure" aria-expanded={open} onClick={() => setOpen(!open)}>
          <Icon name={open ? 'down' : 'right'} />
          History
          <span class="os-count">{entries.length}</span>
        </button>
      </h3>
      {open && kinds.length > 1 && (
        <div class="os-filter" role="group" aria-label="Show history of">
          {(['all', ...kinds] as const).map((k) => (
            <button key={k} type="button" class="os-filter-chip" aria-pressed={kind === k} onClick={() => setKind(k)}>
              {k === 'all' ? 'All' : KIND[k]}
            </button>
          ))}
        </div>
      )}
      {open && (
        <ol class="os-history-list">
          {newestFirst.map((e) => (
            <li key={e.id}>
              <p class="os-history-what">
                <strong>{KIND[e.kind]}</strong>
                {e.before || e.after ? ': ' : ''}
                {e.before && <span class="os-before">{e.before}</span>}
                {e.before && e.after && <span aria-hidden="true"> → </span>}
                {e.before && e.after && <span class="os-sr"> to </span>}
                {e.after && <span>{e.after}</span>}
              </p>
              <p class="os-muted">
                {e.actor}
                <span aria-hidden="true"> · </span>
                <span title={exactDate(e.at)}>{relativeTime(e.at, now)}</span>
              </p>
              {e.reason && <p class="os-history-why">{e.reason}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
