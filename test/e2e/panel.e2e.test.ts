import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNERS_DIR } from '../../demo/owners';
import { HUBSPOT, SALESFORCE, recordKey, type DemoRecord } from '../../demo/records';
import { recordUrl } from '../../demo/sites/index';
import { browserAvailable, CHROMIUM_PATH, expectPanel, launchChromium, screenshot, type ChromiumSession } from './harness';

// The panel on a Salesforce Lightning account and a HubSpot contact: what the page says before any data,
// the owner of record after the owners CSV is imported through the options page, and how it looks
// (screenshots in light and dark under test-results/e2e/).

const northwind = SALESFORCE.northwind;
const ada = HUBSPOT.ada;

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('ownership panel in Chromium', () => {
  let s: ChromiumSession;
  beforeAll(async () => {
    s = await launchChromium();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('before any import: the Salesforce account is recognised, unowned, with the name and CRM owner of the active view only', async () => {
    const page = await s.open(recordUrl(northwind));
    // The demo keeps Globex (owner Alan Turing) cached and hidden before the active view, as Lightning does.
    await expectPanel(page, {
      key: recordKey(northwind),
      shows: [northwind.name, /unowned/i, northwind.owner],
      hides: [SALESFORCE.globex.name, SALESFORCE.globex.owner],
    });
    await page.close();
  });

  it('imports the Salesforce and HubSpot owners exports through the options page', async () => {
    for (const file of ['salesforce-accounts.csv', 'hubspot-contacts.csv']) {
      const status = await s.importCsv(join(OWNERS_DIR, file));
      expect(status).toMatch(/Imported \d+ records?/);
    }
  });

  const shown: [string, DemoRecord, string][] = [
    ['the Salesforce account', northwind, 'salesforce-account'],
    ['the HubSpot contact (not its associated company)', ada, 'hubspot-contact'],
  ];
  for (const [what, record, shot] of shown) {
    it(`shows ${what} with its owner of record, in light and dark`, async () => {
      const page = await s.open(recordUrl(record));
      await expectPanel(page, { key: recordKey(record), shows: [record.name, record.owner], hides: [/unowned/i] });
      await screenshot(page, shot);
      await screenshotPanel(page, `${shot}-panel`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await waitForTheme(page, 'dark');
      await screenshot(page, `${shot}-dark`);
      await screenshotPanel(page, `${shot}-panel-dark`);
      await page.close();
    });
  }

  it('a record the export does not cover stays unowned after the import', async () => {
    const page = await s.open(recordUrl(SALESFORCE.initech));
    await expectPanel(page, { key: recordKey(SALESFORCE.initech), shows: [SALESFORCE.initech.name, /unowned/i] });
    await screenshotPanel(page, 'salesforce-unowned-panel');
    await page.close();
  });
});

const screenshotPanel = (page: import('playwright-core').Page, name: string) => screenshot(page, name, { panelOnly: true });

/** The panel follows the colour scheme; give it the moment it takes to repaint before a screenshot. */
async function waitForTheme(page: import('playwright-core').Page, theme: 'light' | 'dark'): Promise<void> {
  await page.waitForFunction(
    (wanted) => window.matchMedia(`(prefers-color-scheme: ${wanted})`).matches,
    theme,
    { timeout: 5_000 },
  );
  // Two frames: the media-query listener repaints the panel, then the browser paints it.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
