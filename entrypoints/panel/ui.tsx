import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Panel } from '../../components/panel/Panel';
import panelCss from '../../components/panel/panel.css?inline';
import type { PanelState } from '../../lib/model/panel-view';
import type { PanelActions, PanelHandle } from '../content/panel-handle';

export const HOST_TAG = 'ownersight-panel';
const COLLAPSED_KEY = 'panelCollapsed';

/**
 * How long a loading record shows what was there before the skeleton: the previous record's panel (its
 * actions do nothing meanwhile: they would act on the new record), or nothing on the tab's first record.
 * The answer usually comes first, so the panel is rendered and painted once per record, not twice or
 * three times (bench/RESULTS.md, 3 and 7).
 */
const LOADING_DELAY_MS = 150;

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

/**
 * The one panel of this tab: a shadow-root host docked to the page, re-rendered with each state.
 * The collapsed state is the user's choice and is kept in storage.local for every tab.
 */
export class PanelUi implements PanelHandle {
  private ui: ShadowRootContentScriptUi<void> | undefined;
  private mounting: Promise<void> | undefined;
  private state: PanelState | undefined;
  private key: string | undefined;
  private collapsed = false;
  private notice: string | undefined;
  private loadingTimer: ReturnType<typeof setTimeout> | undefined;
  /** The record whose panel is on screen: actions from another record's panel are dropped. */
  private paintedKey: string | undefined;
  private readonly guarded: PanelActions;

  constructor(
    private readonly ctx: ContentScriptContext,
    actions: PanelActions,
  ) {
    const live = () => this.paintedKey !== undefined && this.paintedKey === this.key;
    this.guarded = {
      onRetry: () => live() && actions.onRetry(),
      onSyncNow: () => live() && actions.onSyncNow(),
      onOpenOptions: () => actions.onOpenOptions(),
      onChange: (change) => live() && actions.onChange(change),
      onResolve: (mutationId, choice) => live() && actions.onResolve(mutationId, choice),
    };
    void browser.storage.local.get(COLLAPSED_KEY).then((stored) => {
      this.collapsed = stored[COLLAPSED_KEY] === true;
      this.paint();
    });
    browser.storage.onChanged.addListener(this.onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(this.onStorage));
    const query = darkQuery();
    const repaint = () => this.paint();
    query.addEventListener('change', repaint);
    ctx.onInvalidated(() => query.removeEventListener('change', repaint));
  }

  /** True for nodes inside our own host: the page watcher ignores our re-renders. */
  owns(node: Node): boolean {
    const host = this.ui?.shadowHost;
    return !!host && (node === host || host.contains(node) || node.getRootNode() === this.ui?.shadow);
  }

  async show(key: string, state: PanelState): Promise<void> {
    const showing = !!this.ui?.shadowHost.isConnected && !!this.state && this.state.status !== 'loading';
    if (key !== this.key) this.notice = undefined;
    this.key = key;
    this.state = state;
    await this.ensureMounted();
    // Loading: whatever is on screen stays (the previous record's panel, or nothing on the first record of
    // the tab) until the answer, which usually comes first; the skeleton only when it does not.
    if ((showing || this.paintedKey === undefined) && state.status === 'loading' && this.ui) {
      clearTimeout(this.loadingTimer);
      this.loadingTimer = setTimeout(() => {
        this.loadingTimer = undefined;
        this.paint();
      }, LOADING_DELAY_MS);
      return;
    }
    this.paint();
  }

  /** The loading record's skeleton is being held back (LOADING_DELAY_MS): nothing to paint yet. */
  private holding(): boolean {
    return this.loadingTimer !== undefined && this.state?.status === 'loading';
  }

  update(state: PanelState): void {
    this.state = state;
    this.paint();
  }

  /** A one-line message above the panel's body until the next record (a request that failed). */
  notify(message: string): void {
    this.notice = message;
    this.paint();
  }

  toggle(): void {
    this.setCollapsed(!this.collapsed);
  }

  remove(): void {
    clearTimeout(this.loadingTimer);
    this.loadingTimer = undefined;
    this.paintedKey = undefined;
    this.key = undefined;
    this.state = undefined;
    this.ui?.remove();
    this.ui = undefined;
    this.mounting = undefined;
  }

  private onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(COLLAPSED_KEY in changes)) return;
    this.collapsed = changes[COLLAPSED_KEY]?.newValue === true;
    this.paint();
  };

  private setCollapsed(collapsed: boolean): void {
    this.collapsed = collapsed;
    this.paint();
    void browser.storage.local.set({ [COLLAPSED_KEY]: collapsed });
  }

  private ensureMounted(): Promise<void> {
    if (this.ui?.shadowHost.isConnected) return Promise.resolve();
    // The CRM re-rendered its body and took our host with it: mount again.
    if (this.ui) this.remove();
    this.mounting ??= (async () => {
      // A second copy of this script (manifest + a run-time registration) must not leave two panels.
      for (const stale of document.querySelectorAll(HOST_TAG)) stale.remove();
      const ui = await createShadowRootUi<void>(this.ctx, {
        name: HOST_TAG,
        position: 'inline',
        anchor: 'body',
        append: 'last',
        css: panelCss,
        // Keys typed in the panel must not trigger the CRM's own shortcuts.
        isolateEvents: ['keydown', 'keyup', 'keypress'],
        onMount: () => undefined,
        onRemove: () => undefined,
      });
      ui.mount();
      this.ui = ui;
    })().finally(() => {
      this.mounting = undefined;
    });
    return this.mounting;
  }

  private paint(): void {
    const ui = this.ui;
    // Also when the collapsed choice or the colour scheme comes in meanwhile: the hold stands.
    if (!ui || !this.state || !this.key || this.holding()) return;
    clearTimeout(this.loadingTimer);
    this.loadingTimer = undefined;
    this.paintedKey = this.key;
    // Written only when it changes: the host is in the CRM's own tree, and each write restyles.
    if (ui.shadowHost.dataset.ownersightRecord !== this.key) ui.shadowHost.dataset.ownersightRecord = this.key;
    render(
      <Panel
        state={this.state}
        collapsed={this.collapsed}
        theme={darkQuery().matches ? 'dark' : 'light'}
        onToggle={() => this.toggle()}
        onRetry={this.guarded.onRetry}
        onSyncNow={this.guarded.onSyncNow}
        onOpenOptions={this.guarded.onOpenOptions}
        onChange={this.guarded.onChange}
        onResolve={this.guarded.onResolve}
        {...(this.notice ? { notice: this.notice } : {})}
      />,
      ui.uiContainer,
    );
    // Issue 7: the benchmarks time the panel to here (bench/panel-latency.ts).
    if (this.state.status === 'ready') performance.mark('ownersight:panel-visible');
  }
}
