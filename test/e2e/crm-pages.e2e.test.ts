import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PAGES, readFixturePage } from '../../demo/fixture-pages';
import { ownerExports } from '../../demo/owners';
import { ALL_RECORDS, UNOWNED, recordKey, type DemoRecord } from '../../demo/records';
import { DEMO_SITES, demoUrl } from '../../demo/sites/index';
import { browserAvailable, CHROMIUM_PATH, expectPanel, launchChromium, screenshot, type ChromiumSession } from './harness';

// Every demo page of every demo CRM, and every adapter fixture served under its CRM's real host: the
// adapters' URL and DOM readers running in a real browser, on the markup their unit tests use.

/** Salesforce report exports carry 15-character ids; the pages' URLs the 18-character form. */
const idInExport = (record: DemoRecord) => (record.crm === 'salesforce' ? record.id.slice(0, 15) : record.id);
const exportsText = () => ownerExports().map((file) => readFileSync(file, 'utf8')).join('\n');
/** CRMs whose exports the importer reads (lib/import/export-formats.ts). */
const IMPORTABLE = new Set(['salesforce', 'hubspot', 'pipedrive']);

describe('demo data', () => {
  it('the owners exports cover every importable demo record but the one left unowned on purpose', () => {
    const text = exportsText();
    for (const record of ALL_RECORDS.filter((r) => IMPORTABLE.has(r.crm))) {
      const inExport = text.includes(`"${idInExport(record)}"`);
      expect(inExport, `${recordKey(record)} (${record.name}) in demo/owners/`).toBe(record !== UNOWNED);
      if (inExport) expect(text, `${record.name}'s owner in demo/owners/`).toContain(record.owner);
    }
  });

  it('every adapter fixture the demo serves is still there', async () => {
    for (const page of FIXTURE_PAGES) expect(await readFixturePage(page), page.file).not.toBeNull();
  });
});

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('every demo CRM page in Chromium', () => {
  let s: ChromiumSession;
  beforeAll(async () => {
    s = await launchChromium();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('adapter fixtures under their real hosts: the right record, its name and CRM owner, nothing from other records', async () => {
    for (const fixture of FIXTURE_PAGES) {
      const page = await s.open(`https://${fixture.host}${fixture.path}`);
      await expectPanel(page, {
        key: fixture.expectKey,
        shows: [fixture.expectName, ...(fixture.expectOwner ? [fixture.expectOwner] : [])],
        hides: fixture.notRead ?? [],
      });
      await page.close();
    }
  });

  it('one Salesforce account, two URL spellings: Lightning (18-character id) and Classic (15), one owner of record', async () => {
    // A report export carries 15-character ids; the importer stores the 18-character form. The Classic page's
    // URL has the 15-character id, so the panel must look the record up by its 18-character form too.
    const report = [
      '"Account Owner","Account Name","Website","Account ID"',
      '"Jane Doe","Acme Corporation","www.acme-corp.example","001D000000IqhSL"',
    ].join('\r\n');
    expect(await s.importCsv({ name: 'acme-classic-accounts.csv', text: report })).toMatch(/Imported 1 record/);
    const classic = FIXTURE_PAGES.find((page) => page.file === 'salesforce/classic-account.html')!;
    const lightningUrl = 'https://acme.lightning.force.com/lightning/r/Account/001D000000IqhSLIAZ/view';
    for (const url of [lightningUrl, `https://${classic.host}${classic.path}`]) {
      const page = await s.open(url);
      await expectPanel(page, { key: /^salesforce:account:001D000000IqhSL(IAZ)?$/, shows: ['Jane Doe'], hides: [/unowned/i] });
      await page.close();
    }
  });

  it('before import: each record page has its panel (unowned), each other page none', async () => {
    for (const site of DEMO_SITES) {
      for (const link of site.links) {
        const page = await s.open(demoUrl(site, link.path));
        if (link.record) {
          await expectPanel(page, { key: recordKey(link.record), shows: [link.record.name, /unowned/i] });
        } else {
          await page.waitForTimeout(600);
          await expectPanel(page, { key: null });
        }
        await page.close();
      }
    }
  });

  it('after importing every export in demo/owners/: each covered record shows its owner, the rest stay unowned', async () => {
    for (const file of ownerExports()) expect(await s.importCsv(file)).toMatch(/Imported/);
    const covered = exportsText();
    for (const site of DEMO_SITES) {
      for (const link of site.links) {
        const record = link.record;
        if (!record) continue;
        const page = await s.open(demoUrl(site, link.path));
        await expectPanel(
          page,
          covered.includes(`"${idInExport(record)}"`)
            ? { key: recordKey(record), shows: [record.name, record.owner], hides: [/unowned/i] }
            : { key: recordKey(record), shows: [record.name, /unowned/i] },
        );
        if (record === site.links[0]?.record) await screenshot(page, `demo-${site.crm}`);
        await page.close();
      }
    }
  });
});
