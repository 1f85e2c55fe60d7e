import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNERS_DIR } from '../../demo/owners';
import { SALESFORCE, recordKey } from '../../demo/records';
import { salesforcePaths, salesforceSite } from '../../demo/sites/salesforce';
import { browserAvailable, expectPanel, FIREFOX_PATH, launchFirefox, RESULTS_DIR, type FirefoxSession } from './harness';

// Firefox ESR smoke test: the MV2 build installed as a temporary add-on over WebDriver BiDi, a Salesforce
// Lightning record page under its real host name, the panel on it, an import through the options page
// (opened from the panel, as a person would), and one SPA navigation (Firefox has no Navigation API:
// WXT polls the location there).

const { northwind, maria } = SALESFORCE;

describe.skipIf(!browserAvailable('Firefox ESR', FIREFOX_PATH))('Firefox ESR smoke test', () => {
  let ff: FirefoxSession;
  beforeAll(async () => {
    ff = await launchFirefox();
  });
  afterAll(async () => {
    await ff?.close();
  });

  it('shows the panel on a Salesforce record, imports owners from it, and follows pushState', async () => {
    const page = await ff.open(ff.url(salesforceSite.host, salesforcePaths.recordPath(northwind)));
    await expectPanel(page, { key: recordKey(northwind), shows: [northwind.name, /unowned/i] }, 15_000);

    expect(await ff.importCsvFromPanel(page, join(OWNERS_DIR, 'salesforce-accounts.csv'))).toMatch(/Imported 2 records/);
    await page.reload();
    await expectPanel(page, { key: recordKey(northwind), shows: [northwind.name, northwind.owner], hides: [/unowned/i] }, 15_000);
    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: join(RESULTS_DIR, 'firefox-salesforce-account.png') });

    await page.evaluate((href) => (window as unknown as { ownersightDemo: { navigate(h: string): Promise<void> } }).ownersightDemo.navigate(href), salesforcePaths.recordPath(maria));
    await expectPanel(page, { key: recordKey(maria), shows: [maria.name] }, 15_000);
    await page.evaluate((href) => (window as unknown as { ownersightDemo: { navigate(h: string): Promise<void> } }).ownersightDemo.navigate(href), salesforcePaths.listPath('Account'));
    await expectPanel(page, { key: null }, 15_000);
    await page.close();
  });
});
