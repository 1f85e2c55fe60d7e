import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { OWNERS_DIR } from '../../demo/owners';
import { HUBSPOT, SALESFORCE, recordKey, type DemoRecord } from '../../demo/records';
import { hubspotPaths } from '../../demo/sites/hubspot';
import { recordUrl } from '../../demo/sites/index';
import { salesforcePaths } from '../../demo/sites/salesforce';
import { browserAvailable, CHROMIUM_PATH, expectPanel, launchChromium, panelSnapshot, type ChromiumSession } from './harness';

// The panel follows the CRM's single-page navigation: pushState to another record, to a list view and
// back (popstate), hash changes, in-place re-renders and tab switches; it never shows on list views or
// deals, and there is never more than one panel host, however fast the user clicks around.

/** pushState through the demo's own router, as a click in the CRM would. */
const navigate = (page: Page, path: string) => page.evaluate((href) => (window as unknown as { ownersightDemo: { navigate(h: string): Promise<void> } }).ownersightDemo.navigate(href), path);
const rerender = (page: Page) => page.evaluate(() => (window as unknown as { ownersightDemo: { rerender(): Promise<void> } }).ownersightDemo.rerender());
/** Clicks a link of the view that is showing (Lightning keeps hidden copies of earlier views). */
const clickVisible = (page: Page, name: string) => page.locator('a:visible', { hasText: name }).first().click();
const owned = (record: DemoRecord, previous?: DemoRecord) => ({
  key: recordKey(record),
  shows: [record.name, record.owner],
  hides: [/unowned/i, ...(previous && previous.owner !== record.owner ? [previous.owner] : [])],
});

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('panel across SPA navigation in Chromium', () => {
  let s: ChromiumSession;
  beforeAll(async () => {
    s = await launchChromium();
    for (const file of ['salesforce-accounts.csv', 'salesforce-contacts.csv', 'hubspot-contacts.csv', 'hubspot-companies.csv']) {
      await s.importCsv(join(OWNERS_DIR, file));
    }
  });
  afterAll(async () => {
    await s?.close();
  });

  it('Salesforce: follows pushState to other records, leaves list views, and comes back with back/forward', async () => {
    const { northwind, maria, globex } = SALESFORCE;
    const page = await s.open(recordUrl(northwind));
    await expectPanel(page, owned(northwind));

    await clickVisible(page, maria.name); // the Contacts related list: a Lightning SPA link
    await expectPanel(page, owned(maria));

    await navigate(page, salesforcePaths.recordPath(globex));
    await expectPanel(page, owned(globex, maria));

    await clickVisible(page, 'Accounts'); // the nav bar: the Recently Viewed list view
    await expectPanel(page, { key: null });

    await page.goBack();
    await expectPanel(page, owned(globex));
    await page.goBack();
    await expectPanel(page, owned(maria, globex));
    await page.goForward();
    await expectPanel(page, owned(globex, maria));
    await page.goForward();
    await expectPanel(page, { key: null });
    await page.close();
  });

  it('Salesforce: a hash change and an in-place re-render of the record keep one panel on the same record', async () => {
    const { thomas } = SALESFORCE;
    const page = await s.open(recordUrl(thomas));
    await expectPanel(page, owned(thomas));
    await page.evaluate(() => {
      location.hash = '#related';
    });
    await expectPanel(page, owned(thomas));
    await rerender(page);
    await page.waitForTimeout(500); // past the content script's settle time
    await expectPanel(page, owned(thomas));
    await page.close();
  });

  it('Salesforce: no panel on list views and the home page, loaded directly', async () => {
    for (const path of [salesforcePaths.listPath('Account'), salesforcePaths.listPath('Contact'), '/lightning/page/home']) {
      const page = await s.open(`https://acme.lightning.force.com${path}`);
      await page.waitForTimeout(800);
      await expectPanel(page, { key: null });
      // The content script was there all along: the next record gets its panel.
      await navigate(page, salesforcePaths.recordPath(SALESFORCE.liu));
      await expectPanel(page, owned(SALESFORCE.liu));
      await page.close();
    }
  });

  it('HubSpot: contact → associated company → deal → back; tab switches change nothing', async () => {
    const { ada, analytical } = HUBSPOT;
    const page = await s.open(recordUrl(ada));
    await expectPanel(page, owned(ada));

    await page.getByRole('tab', { name: 'Activities' }).click(); // HubSpot re-renders the tab in place
    await page.waitForTimeout(500);
    await expectPanel(page, owned(ada));

    await clickVisible(page, 'Contacts'); // the left sidebar's back link: the contacts index
    await expectPanel(page, { key: null });
    await page.goBack();
    await expectPanel(page, owned(ada));

    // The association cards sit in the right sidebar, under the docked panel: the router follows them.
    await navigate(page, hubspotPaths.recordPath(analytical));
    await expectPanel(page, owned(analytical));
    await navigate(page, hubspotPaths.dealPath); // a deal (0-3)
    await expectPanel(page, { key: null });
    await page.goBack();
    await expectPanel(page, owned(analytical));
    await page.close();
  });

  it('HubSpot: no panel on the deals board, a deal record or the contacts index', async () => {
    for (const path of [hubspotPaths.dealsBoardPath, hubspotPaths.dealPath, hubspotPaths.listPath('0-1')]) {
      const page = await s.open(`https://app.hubspot.com${path}`);
      await page.waitForTimeout(800);
      await expectPanel(page, { key: null });
      await navigate(page, hubspotPaths.recordPath(HUBSPOT.charles));
      await expectPanel(page, owned(HUBSPOT.charles));
      await page.close();
    }
  });

  it('one panel host, and the right record, after many quick navigations', async () => {
    const { northwind, globex, maria, thomas, liu } = SALESFORCE;
    const page = await s.open(recordUrl(northwind));
    await expectPanel(page, owned(northwind));
    const stops = [maria, globex, null, thomas, northwind, null, liu, globex, maria, null, thomas, liu, northwind, globex];
    let most = 0;
    for (let round = 0; round < 2; round++) {
      for (const stop of stops) {
        // No waiting for the panel in between: the content script sees overlapping changes.
        await navigate(page, stop ? salesforcePaths.recordPath(stop) : salesforcePaths.listPath('Account'));
        most = Math.max(most, (await panelSnapshot(page)).hosts);
      }
    }
    for (let i = 0; i < 6; i++) {
      await page.goBack();
      most = Math.max(most, (await panelSnapshot(page)).hosts);
    }
    if (most > 1) throw new Error(`Saw ${most} panel hosts at once during navigation`);
    // Six steps back from the end of the second round lands on `stops[stops.length - 7]`.
    const landed = stops[stops.length - 7]!;
    await expectPanel(page, landed ? owned(landed) : { key: null });
    await navigate(page, salesforcePaths.recordPath(thomas));
    await expectPanel(page, owned(thomas));
    await page.close();
  });
});
