import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PanelState } from '../../lib/model/panel-view';
import { PANEL_GLOBAL, type PanelActions, type PanelFactory, type PanelHandle } from './panel-handle';

/**
 * The panel as the always-on script sees it: the UI itself (Preact, components, CSS) is loaded the first
 * time a record is shown, by `load` (the background injects entrypoints/panel into this isolated world).
 * Until it is there, the latest record, state and notice are kept and handed over when it arrives.
 */
export class LazyPanel implements PanelHandle {
  private real: PanelHandle | undefined;
  private loading: Promise<void> | undefined;
  private key: string | undefined;
  private state: PanelState | undefined;
  private notice: string | undefined;
  private toggles = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly actions: PanelActions,
    private readonly load: () => Promise<unknown>,
  ) {}

  async show(key: string, state: PanelState): Promise<void> {
    if (key !== this.key) this.notice = undefined;
    this.key = key;
    this.state = state;
    if (this.real) return this.real.show(key, state);
    // A panel that could not load shows nothing on this record; the next record asks again.
    await this.ensureLoaded().catch(() => undefined);
  }

  /**
   * Loads the UI ahead of the first record: called when the URL alone already names a record, so the
   * injection runs while the page is still read, not after.
   */
  preload(): void {
    this.ensureLoaded().catch(() => undefined);
  }

  update(state: PanelState): void {
    this.state = state;
    this.real?.update(state);
  }

  notify(message: string): void {
    this.notice = message;
    this.real?.notify(message);
  }

  toggle(): void {
    if (this.real) this.real.toggle();
    else if (this.key) this.toggles += 1;
  }

  remove(): void {
    this.key = undefined;
    this.state = undefined;
    this.notice = undefined;
    this.toggles = 0;
    this.real?.remove();
  }

  owns(node: Node): boolean {
    return this.real?.owns(node) ?? false;
  }

  private ensureLoaded(): Promise<void> {
    this.loading ??= (async () => {
      const global = globalThis as Record<string, unknown>;
      // A second copy of the content script (manifest + run-time registration) may have loaded it already.
      if (typeof global[PANEL_GLOBAL] !== 'function') await this.load();
      const factory = global[PANEL_GLOBAL] as PanelFactory | undefined;
      if (typeof factory !== 'function') throw new Error('The Ownersight panel did not load.');
      if (this.ctx.isInvalid) return;
      const real = factory(this.ctx, this.actions);
      this.real = real;
      // Hand over what happened while it loaded (the record may be gone again: then nothing shows).
      if (this.key && this.state) await real.show(this.key, this.state);
      if (this.notice) real.notify(this.notice);
      for (; this.toggles > 0; this.toggles--) real.toggle();
    })().catch((error: unknown) => {
      // Next record tries again (the worker may have been restarting).
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }
}
