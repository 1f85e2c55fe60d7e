import type { PanelState } from '../model/panel-view';

// Zod-free so the content script can import it: the name of the panel's live channel (a runtime Port,
// so the background knows when a tab goes away) and what travels back on it.
export const PANEL_PORT = 'ownersight:panel';

/** Background → content script, on the panel port or as a one-shot tab message. */
export type PanelServerMessage = { type: 'state'; state: PanelState } | { type: 'toggle' };
