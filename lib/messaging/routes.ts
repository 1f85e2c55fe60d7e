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
  // The token is typed into the options page and goes no further than the background.
  'sync.test': ['extension-page'],
  'sync.connect': ['extension-page'],
  'sync.disconnect': ['extension-page'],
  // The panel acts on the record it shows; the service checks the user's role on every change.
  'record.change': ['content-script', 'extension-page'],
  'conflict.resolve': ['content-script', 'extension-page'],
};
