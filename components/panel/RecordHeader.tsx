import type { Owner } from '../../lib/model/ownership';
import type { PanelView, PanelWarning } from '../../lib/model/panel-view';
import { Avatar } from './Avatar';
import { kindLabel, ROLE_LABELS } from './format';

/** "Sales", "Team · Customer Success", "Queue", plus "inactive" when the owner is. */
export function ownerDetail(owner: Owner): string {
  const parts: string[] = [];
  if (owner.kind === 'team') parts.push('Team');
  const role = ROLE_LABELS[owner.role];
  if (owner.kind === 'queue' || owner.role === 'queue') parts.push('Queue');
  else if (role) parts.push(role);
  if (!owner.active) parts.push('Inactive');
  return parts.join(' · ');
}

/** Text that always goes beside a CRM value: truncated to one line, the whole value on hover. */
export function Trunc({ text, class: cls }: { text: string; class?: string }) {
  return (
    <span class={cls ? `os-trunc ${cls}` : 'os-trunc'} title={text}>
      {text}
    </span>
  );
}

/** Shown when the background sent no "unowned" warning of its own. */
function defaultUnowned(connected: boolean): PanelWarning {
  return {
    code: 'unowned',
    severity: 'high',
    message: 'No owner is recorded for this record yet.',
    action: connected
      ? 'Assign an owner so it is not worked twice or missed.'
      : 'Connect to your team to see their owners, or assign one.',
  };
}

/** Record name, kind and stage; the owner of record (or the "unowned" callout); supporting owners. */
export function RecordHeader({ view, unowned }: { view: PanelView; unowned: PanelWarning | null }) {
  const { owner } = view;
  const name = view.name?.trim() || `Untitled ${kindLabel(view.ref).toLowerCase()}`;
  const unownedText = unowned ?? defaultUnowned(view.sync.connected);
  const crmDiffers = view.crmOwner && (!owner || view.crmOwner.trim() !== owner.name.trim());
  return (
    <div class="os-header">
      <h2 class="os-record">
        <Trunc text={name} />
      </h2>
      <div class="os-meta">
        <span>{kindLabel(view.ref)}</span>
        {view.lifecycleStage && (
          <>
            <span class="os-sep" aria-hidden="true">·</span>
            <span class="os-sr">Lifecycle stage: </span>
            <Trunc class="os-stage" text={view.lifecycleStage} />
          </>
        )}
      </div>

      {owner ? (
        <div class="os-owner">
          <Avatar name={owner.name} kind={owner.kind} />
          <div class="os-owner-text">
            <div class="os-owner-name">
              <span class="os-sr">Owner: </span>
              {owner.isViewer ? (
                <span class="os-trunc" title={`${owner.name} (you)`}>
                  You
                </span>
              ) : (
                <Trunc text={owner.name} />
              )}
              {!owner.active && <span class="os-badge os-badge-warn">Inactive</span>}
            </div>
            <div class="os-owner-role">{['Owner', ownerDetail({ ...owner, active: true })].filter(Boolean).join(' · ')}</div>
          </div>
        </div>
      ) : (
        <div class="os-unowned" role="group" aria-label="Unowned">
          <Avatar name={null} />
          <div class="os-owner-text">
            <div class="os-owner-name">Unowned</div>
            <p class="os-unowned-msg">{unownedText.message}</p>
            {unownedText.action && <p class="os-action">{unownedText.action}</p>}
          </div>
        </div>
      )}

      {crmDiffers && (
        <p class="os-crm-owner">
          <span class="os-muted">In the CRM: </span>
          <Trunc text={view.crmOwner!} />
        </p>
      )}

      {view.supporting.length > 0 && (
        <div class="os-supporting">
          <h3 class="os-label">Supporting</h3>
          <ul class="os-people">
            {view.supporting.map((s) => {
              const detail = ownerDetail(s);
              return (
                <li key={s.id} class="os-person" title={detail ? `${s.name} · ${detail}` : s.name}>
                  <Avatar name={s.name} kind={s.kind} size="sm" />
                  <span class="os-trunc">{s.name}</span>
                  {detail && <span class="os-sr">, {detail}</span>}
                  {!s.active && <span class="os-badge os-badge-warn">Inactive</span>}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
