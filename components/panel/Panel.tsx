import type { JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { PanelState, PanelView } from '../../lib/model/panel-view';
import type { RecordChange } from '../../lib/messaging/protocol';
import { Changes, type ResolveChoice } from './Changes';
import { CollapsedTab } from './CollapsedTab';
import { ErrorState } from './ErrorState';
import { Handoff } from './Handoff';
import { History } from './History';
import { Icon } from './icons';
import { REACH_TEXT, ReachOut } from './ReachOut';
import { RecordHeader } from './RecordHeader';
import { Skeleton } from './Skeleton';
import { SlaTimer } from './SlaTimer';
import { SyncFooter } from './SyncFooter';
import { Warnings } from './Warnings';
import { WhyOwner } from './WhyOwner';

export interface PanelProps {
  state: PanelState;
  collapsed: boolean;
  /** Expand/collapse; the content script persists the choice. */
  onToggle(): void;
  onRetry(): void;
  onSyncNow(): void;
  onOpenOptions(): void;
  /** A change to the record the panel shows (flags, owner, checklist). */
  onChange(change: RecordChange): void;
  onResolve(mutationId: number, choice: ResolveChoice): void;
  /** A request that failed, in words. */
  notice?: string;
  theme: 'light' | 'dark';
}

/** The polite live region's text: what changed, never a ticking clock (that would be re-announced). */
function announcement(state: PanelState): string {
  if (state.status === 'loading') return 'Loading ownership…';
  if (state.status === 'error') return `Could not load ownership. ${state.message}`;
  const { owner, reach, warnings, sync } = state.view;
  const parts = [
    owner ? `Owner: ${owner.isViewer ? 'you' : owner.name}.` : 'Unowned.',
    `${REACH_TEXT[reach]}.`,
  ];
  if (warnings.length) parts.push(`${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}.`);
  if (sync.connected && !sync.online) parts.push('Offline, showing cached data.');
  else if (sync.error) parts.push('Sync failed.');
  if (sync.pending) parts.push(`${sync.pending} ${sync.pending === 1 ? 'change' : 'changes'} pending.`);
  return parts.join(' ');
}

function ReadyBody({ view, onChange, onResolve }: { view: PanelView } & Pick<PanelProps, 'onChange' | 'onResolve'>) {
  // Without an owner, the "unowned" warning is the owner slot itself (prominent), not one more list line.
  const unowned = view.owner ? null : (view.warnings.find((w) => w.code === 'unowned') ?? null);
  const warnings = view.owner ? view.warnings : view.warnings.filter((w) => w.code !== 'unowned');
  return (
    <div class="os-body">
      <RecordHeader view={view} unowned={unowned} />
      {view.why && <WhyOwner why={view.why} />}
      <Changes view={view} onResolve={onResolve} />
      <ReachOut view={view} onChange={onChange} />
      <Warnings warnings={warnings} />
      <Handoff view={view} onChange={onChange} />
      {view.sla && <SlaTimer sla={view.sla} now={view.now} />}
      <History entries={view.history} now={view.now} />
    </div>
  );
}

/**
 * The ownership panel: docked to the right edge, or collapsed to a tab. Focus moves only in answer to
 * the user (tab ⇄ panel); on mount it never moves, the CRM page keeps it.
 */
export function Panel(props: PanelProps): JSX.Element {
  const { state, collapsed } = props;
  const focusNext = useRef<'tab' | 'panel' | null>(null);
  const tabRef = useRef<HTMLButtonElement>(null);
  const collapseRef = useRef<HTMLButtonElement>(null);

  useLayoutEffect(() => {
    const target = focusNext.current === 'tab' ? tabRef.current : focusNext.current === 'panel' ? collapseRef.current : null;
    focusNext.current = null;
    target?.focus();
  }, [collapsed]);

  const toggle = (focusAfter: 'tab' | 'panel') => {
    focusNext.current = focusAfter;
    props.onToggle();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || collapsed || e.defaultPrevented) return;
    // Ours: the CRM must not also close its own dialog behind the panel.
    e.preventDefault();
    e.stopPropagation();
    toggle('tab');
  };

  return (
    <aside class="os-root" data-theme={props.theme} aria-label="Ownership" onKeyDown={onKeyDown}>
      <div class="os-sr" role="status" aria-live="polite">
        {announcement(state)}
      </div>
      {collapsed ? (
        <CollapsedTab state={state} onExpand={() => toggle('panel')} buttonRef={tabRef} />
      ) : (
        <div class="os-panel" aria-busy={state.status === 'loading'}>
          <div class="os-topbar">
            <span class="os-title">Ownership</span>
            <button type="button" class="os-icon-btn" aria-label="Settings" title="Settings" onClick={props.onOpenOptions}>
              <Icon name="settings" />
            </button>
            <button
              ref={collapseRef}
              type="button"
              class="os-icon-btn"
              aria-expanded={true}
              aria-label="Collapse ownership panel"
              title="Collapse (Esc)"
              onClick={() => toggle('tab')}
            >
              <Icon name="right" />
            </button>
          </div>
          {state.status === 'loading' ? (
            <Skeleton />
          ) : state.status === 'error' ? (
            <ErrorState message={state.message} retryable={state.retryable} onRetry={props.onRetry} onOpenOptions={props.onOpenOptions} />
          ) : (
            <>
              {props.notice && (
                <p class="os-notice" role="alert">
                  {props.notice}
                </p>
              )}
              <ReadyBody view={state.view} onChange={props.onChange} onResolve={props.onResolve} />
              <SyncFooter sync={state.view.sync} now={state.view.now} onSyncNow={props.onSyncNow} onOpenOptions={props.onOpenOptions} />
            </>
          )}
        </div>
      )}
    </aside>
  );
}
