import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PanelProps } from '../../components/panel/Panel';
import type { PanelState } from '../../lib/model/panel-view';

// Types only (nothing of the panel is bundled here): the contract between the always-on content script
// and the panel script that the background injects on record pages (entrypoints/panel).

/** Where the panel script leaves its factory in the extension's isolated world (shared by both scripts). */
export const PANEL_GLOBAL = '__ownersightPanel';

export type PanelActions = Pick<PanelProps, 'onRetry' | 'onSyncNow' | 'onOpenOptions' | 'onChange' | 'onResolve'>;

/** What the content script needs of the panel: entrypoints/panel/ui.tsx implements it. */
export interface PanelHandle {
  show(key: string, state: PanelState): Promise<void>;
  update(state: PanelState): void;
  notify(message: string): void;
  toggle(): void;
  remove(): void;
  owns(node: Node): boolean;
}

export type PanelFactory = (ctx: ContentScriptContext, actions: PanelActions) => PanelHandle;
