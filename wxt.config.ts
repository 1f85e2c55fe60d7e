import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { CRM_HOST_PATTERNS } from './lib/crm/hosts';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports only (STYLE habit 7): no magic globals.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Ownersight',
    description: 'Account and contact ownership, outreach and suppression flags, in your CRM record pages.',
    permissions: ['storage', 'alarms', 'scripting'],
    // The supported CRMs' own hosts are declared so a fresh install works without a prompt;
    // self-hosted CRMs and the team server are asked for at run time.
    host_permissions: [...CRM_HOST_PATTERNS],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+O' },
        description: 'Open or collapse the ownership panel',
      },
    },
    // Enterprise policy (issue #5): Chrome reads the extension's "3rdparty" policy against this schema
    // (public/managed_schema.json) into storage.managed. Firefox takes the same values from policies.json
    // without a schema in the manifest.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'ownersight@ownersight.dev',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
    build: {
      // Vite 8 writes Dexie's "\uffff" as a raw U+FFFF, which Chromium refuses as non-UTF-8
      // (toolchain-notes.md). ASCII-only output avoids it for every bundle.
      rolldownOptions: { output: { charset: 'ascii' } },
    },
  }),
});
