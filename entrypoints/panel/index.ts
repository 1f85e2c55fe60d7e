import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PANEL_GLOBAL, type PanelFactory } from '../content/panel-handle';
import { PanelUi } from './ui';

// The panel's UI (Preact, the panel components, their CSS): only on pages that show a record. The always-on
// content script (entrypoints/content) asks the background to inject this file into its own isolated world
// (route `panel.load`, browser.scripting.executeScript), then builds the panel with the factory left here.
export default defineUnlistedScript(() => {
  const factory: PanelFactory = (ctx, actions) => new PanelUi(ctx, actions);
  (globalThis as Record<string, unknown>)[PANEL_GLOBAL] = factory;
});
