import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp, type OptionsApi } from '../../components/options/OptionsApp';
import { ADAPTERS } from '../../lib/crm/index';
import { request } from '../../lib/messaging/client';
import { parseOrigin } from '../../lib/model/origin';
import { parseServerUrl } from '../../lib/sync/server-url';

// Wiring only: the view is components/options, the work is done by the background.
const api: OptionsApi = {
  status: () => request('status.get', {}),
  setViewer: async (viewer) => void (await request('viewer.set', { viewer })),
  preview: (csv) => request('import.preview', { csv }),
  importCsv: (csv) => request('import.commit', { csv }),
  async addHost(origin, crm) {
    const { pattern } = parseOrigin(origin);
    // Must run inside the click that submitted the form: browsers only ask with a user gesture.
    if (!(await browser.permissions.request({ origins: [pattern] }))) {
      throw new Error(`Access to ${origin} was not allowed, so Ownersight cannot run there.`);
    }
    await request('hosts.add', { origin, crm });
  },
  removeHost: async (origin) => void (await request('hosts.remove', { origin })),
  testConnection: (serverUrl, token) => request('sync.test', { serverUrl, token }),
  async connect(serverUrl, token) {
    const parsed = parseServerUrl(serverUrl);
    if ('problem' in parsed) throw new Error(parsed.problem);
    // Asked inside the click (browsers only ask with a user gesture), but not waited for: the service
    // answers extension origins through CORS, so the connection does not hang on the browser's prompt.
    void browser.permissions.request({ origins: [`${parsed.origin}/*`] }).catch(() => false);
    return request('sync.connect', { serverUrl: parsed.url, token });
  },
  disconnect: async () => void (await request('sync.disconnect', {})),
  syncNow: () => request('panel.sync-now', {}),
  rulePackStatus: () => request('rulepack.status', {}),
  previewPack: (text) => request('rulepack.preview', { text }),
  publishPack: (text) => request('rulepack.publish', { text }),
  pinKey: (text) => request('rulepack.key.pin', { text }),
  unpinKey: (keyId) => request('rulepack.key.unpin', { keyId }),
};

const crms = ADAPTERS.map((adapter) => ({ id: adapter.id, label: adapter.label, selfHosted: adapter.matches.length === 0 }));
render(<OptionsApp api={api} crms={crms} />, document.getElementById('app')!);
