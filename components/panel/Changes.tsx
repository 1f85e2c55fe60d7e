import type { PanelView } from '../../lib/model/panel-view';

export type ResolveChoice = 'mine' | 'theirs';

/**
 * This browser's changes: waiting for the service (pending), or turned down by it (a conflict shows both
 * values and lets the user choose; a refusal says why). Nothing disappears without the user seeing it.
 */
export function Changes({ view, onResolve }: { view: PanelView; onResolve(mutationId: number, choice: ResolveChoice): void }) {
  if (!view.pending.length && !view.problems.length) return null;
  return (
    <section class="os-section os-changes" aria-label="Your changes">
      {view.problems.map((p) => (
        <div key={p.mutationId} class="os-problem" data-status={p.status} role="alert">
          <p class="os-problem-title">
            {p.status === 'conflict' ? 'Conflict: ' : 'Not saved: '}
            {p.label}
          </p>
          <p class="os-problem-message">{p.message}</p>
          {p.mine !== undefined && p.theirs !== undefined && (
            <dl class="os-problem-values">
              <dt>Yours</dt>
              <dd>{p.mine}</dd>
              <dt>Now on the team service</dt>
              <dd>{p.theirs}</dd>
            </dl>
          )}
          <div class="os-actions">
            {p.canKeepMine && (
              <button type="button" class="os-btn os-btn-primary" onClick={() => onResolve(p.mutationId, 'mine')}>
                Keep mine
              </button>
            )}
            <button type="button" class="os-btn" onClick={() => onResolve(p.mutationId, 'theirs')}>
              {p.canKeepMine ? 'Keep theirs' : 'Dismiss'}
            </button>
          </div>
        </div>
      ))}
      {view.pending.length > 0 && (
        <ul class="os-pending-list">
          {view.pending.map((c) => (
            <li key={c.mutationId} class="os-pending-item">
              <span class="os-badge" data-tone="pending">
                {view.sync.connected ? 'Pending' : 'Not sent'}
              </span>
              <span class="os-trunc">{c.label}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
