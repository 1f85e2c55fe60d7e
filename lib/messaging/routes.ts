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
};
