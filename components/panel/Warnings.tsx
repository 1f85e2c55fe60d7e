import type { PanelWarning, WarningSeverity } from '../../lib/model/panel-view';
import { Icon, type IconName } from './icons';

const RANK: Record<WarningSeverity, number> = { high: 0, medium: 1, low: 2 };
const ICON: Record<WarningSeverity, IconName> = { high: 'stop', medium: 'alert', low: 'info' };
/** Read before the message, so severity is never colour (or icon shape) alone. */
const SPOKEN: Record<WarningSeverity, string> = { high: 'Serious: ', medium: 'Warning: ', low: 'Note: ' };

/** Most serious first; equal severities keep the background's order (Array.prototype.sort is stable). */
export function sortWarnings(warnings: readonly PanelWarning[]): PanelWarning[] {
  return [...warnings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

export function Warnings({ warnings }: { warnings: readonly PanelWarning[] }) {
  if (!warnings.length) return null;
  return (
    <section class="os-section">
      <h3 class="os-label">{warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`}</h3>
      <ul class="os-warnings">
        {sortWarnings(warnings).map((w, i) => (
          <li key={`${w.code}-${i}`} class="os-warning" data-severity={w.severity}>
            <Icon name={ICON[w.severity]} />
            <div>
              <p class="os-warning-msg">
                <span class="os-sr">{SPOKEN[w.severity]}</span>
                {w.message}
              </p>
              {w.action && <p class="os-action">{w.action}</p>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
