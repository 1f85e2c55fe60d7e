import type { Ref } from 'preact';
import type { PanelState } from '../../lib/model/panel-view';
import { Avatar } from './Avatar';
import { Icon } from './icons';
import { REACH_TEXT } from './ReachOut';

type Tone = 'clear' | 'caution' | 'stop' | 'idle';

/** What the tab says about the record: owner initials, a coloured dot, and the same in words. */
export function tabStatus(state: PanelState): { owner: string | null; kind?: 'person' | 'team' | 'queue'; tone: Tone; text: string } {
  if (state.status === 'loading') return { owner: null, tone: 'idle', text: 'Ownership: loading' };
  if (state.status === 'error') return { owner: null, tone: 'stop', text: 'Ownership: could not load' };
  const { owner, reach, warnings } = state.view;
  const who = owner ? (owner.isViewer ? 'you' : owner.name) : 'nobody (unowned)';
  const warn = warnings.length ? ` ${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}.` : '';
  return {
    owner: owner?.name ?? null,
    kind: owner?.kind,
    tone: reach,
    text: `Ownership: owned by ${who}. ${REACH_TEXT[reach]}.${warn}`,
  };
}

export function CollapsedTab({ state, onExpand, buttonRef }: { state: PanelState; onExpand(): void; buttonRef: Ref<HTMLButtonElement> }) {
  const s = tabStatus(state);
  return (
    <button
      ref={buttonRef}
      type="button"
      class="os-tab"
      aria-expanded={false}
      aria-label={`${s.text} Show panel`}
      title={s.text}
      onClick={onExpand}
    >
      <Icon name="right" class="os-tab-chevron" />
      {state.status === 'loading' ? <span class="os-bone os-bone-avatar-sm" /> : state.status === 'error' ? <Icon name="alert" class="os-tab-error" /> : <Avatar name={s.owner} kind={s.kind} size="sm" />}
      <span class="os-dot" data-tone={s.tone} />
    </button>
  );
}
