import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/popup/Popup';
import { request } from '../../lib/messaging/client';

// Wiring only: the toolbar popup's view is components/popup; it asks the background for the state.
const open = (path: string) => void browser.tabs.create({ url: browser.runtime.getURL(path as '/options.html') }).then(() => window.close());

render(
  <Popup
    status={() => request('status.get', {})}
    syncNow={() => request('panel.sync-now', {})}
    openOptions={() => open('/options.html')}
    openDashboard={() => open('/dashboard.html')}
  />,
  document.getElementById('app')!,
);
