import type { Route } from './protocol';
import type { SenderKind } from './sender';

/**
 * Which senders may call which route. Content scripts run beside untrusted pages: they may only ask for
 * what the panel needs. Everything that writes data or settings is for the extension's own pages.
 */
export const ROUTE_ACCESS: Record<Route, readonly SenderKind[]> = {
  'import.preview': ['extension-page'],
  'import.commit': ['extension-page'],
  'status.get': ['extension-page'],
  'viewer.set': ['extension-page'],
  'hosts.add': ['extension-page'],
  'hosts.remove': ['extension-page'],
  'panel.sync-now': ['content-script', 'extension-page'],
  'options.open': ['content-script', 'extension-page'],
  // The content script of a record page asks for the panel's UI script in its own tab and frame.
  'panel.load': ['content-script'],
  // The token is typed into the options page and goes no further than the background.
  'sync.test': ['extension-page'],
  'sync.connect': ['extension-page'],
  'sync.disconnect': ['extension-page'],
  // The panel acts on the record it shows; the service checks the user's role on every change.
  'record.change': ['content-script', 'extension-page'],
  'conflict.resolve': ['content-script', 'extension-page'],
  // Admin numbers and bulk changes: the dashboard page only; the service checks the role again.
  'health.get': ['extension-page'],
  'health.records': ['extension-page'],
  'health.reassign': ['extension-page'],
  // Rule packs: pinned keys, the pack and publishing are the options page's alone; the panel only reads
  // the active pack through the background (readActivePack), never these routes.
  'rulepack.status': ['extension-page'],
  'rulepack.preview': ['extension-page'],
  'rulepack.publish': ['extension-page'],
  'rulepack.key.pin': ['extension-page'],
  'rulepack.key.unpin': ['extension-page'],
};
