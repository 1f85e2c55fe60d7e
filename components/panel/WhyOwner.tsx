import { useState } from 'preact/hooks';
import type { WhyOwner as Why } from '../../lib/model/panel-view';
import { Icon } from './icons';

/** "Why this owner": the rule that picks the owner and the conditions it matched, one click away. */
export function WhyOwner({ why }: { why: Why }) {
  const [open, setOpen] = useState(false);
  return (
    <section class="os-section os-why-owner">
      <h3 class="os-h-toggle">
        <button type="button" class="os-disclosure" aria-expanded={open} onClick={() => setOpen(!open)}>
          <Icon name={open ? 'down' : 'right'} />
          {why.agrees ? 'Why this owner' : `Rules expect ${why.expected}`}
        </button>
      </h3>
      {open && (
        <div class="os-why-body">
          <p>
            {why.rule ? (
              <>
                Rule <strong>{why.rule}</strong> picks {why.expected}
                {why.matched.length ? ' because ' : '.'}
              </>
            ) : (
              <>No rule applies; the fallback owner is {why.expected}.</>
            )}
          </p>
          {why.matched.length > 0 && (
            <ul class="os-why-list">
              {why.matched.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
          {!why.agrees && <p class="os-muted">{why.reason}</p>}
        </div>
      )}
    </section>
  );
}
