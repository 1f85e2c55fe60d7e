import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNERS_DIR } from '../../demo/owners';
import { SALESFORCE, TEAM, recordKey } from '../../demo/records';
import { recordUrl } from '../../demo/sites/index';
import { insertSeed } from '../../server/health/seed';
import { syntheticTeam } from '../../server/health/synthetic-team';
import type { Service } from '../../server/service';
import { browserAvailable, CHROMIUM_PATH, expectPanel, panel, RESULTS_DIR, screenshot, startTeamWorld, type ChromiumSession, type TeamWorld } from './harness';

// The ownership health dashboard against a running service (issue 6): an admin opens it from the options
// page, sees the numbers and charts (light and dark screenshots), exports a list as CSV, and hands a
// stale record to the inbound queue; the rep's panel shows the new owner after "Sync now".

const DAY = 86_400_000;
const ADMIN = { email: 'ines.admin@acme-demo.example', name: 'Ines Admin' };
const northwind = SALESFORCE.northwind;
const REASON = 'Territory clean-up from the health dashboard';

/** The whole dashboard, top to bottom, under test-results/e2e/. */
async function fullPage(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
}

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('ownership health dashboard', () => {
  let world: TeamWorld;
  let service: Service;
  let admin: ChromiumSession;
  let rep: ChromiumSession;
  let dashboard: Page;
  let shift = -40 * DAY;

  beforeAll(async () => {
    world = await startTeamWorld({
      people: {
        admin: { ...ADMIN, role: 'admin', browser: true },
        rep: { email: TEAM.alan.email, name: TEAM.alan.name, role: 'rep', browser: true },
      },
      now: () => Date.now() + shift,
      seed: async (svc, team) => {
        // The CRM exports were imported 40 days ago and nobody touched those records since: stale.
        for (const file of ['salesforce-accounts.csv', 'salesforce-contacts.csv']) {
          expect((await svc.admin.importOwners({ team, csv: readFileSync(join(OWNERS_DIR, file), 'utf8') })).errors).toEqual([]);
        }
        shift = 0;
        await insertSeed(svc.db, team, syntheticTeam({ team, records: 600, now: Date.now() }), Date.now());
      },
    });
    ({ service } = world);
    ({ admin, rep } = world.browsers as { admin: ChromiumSession; rep: ChromiumSession });
  }, 180_000);

  afterAll(async () => {
    await world?.close();
  });

  it('the options page links to the dashboard, which shows the numbers and charts to an admin', async () => {
    const options = await admin.openOptions();
    const link = options.getByRole('link', { name: 'Ownership health' });
    await expect.poll(() => link.getAttribute('href')).toBe('dashboard.html');
    const [opened] = await Promise.all([admin.ctx.waitForEvent('page'), link.click()]);
    await opened.waitForLoadState('load');
    expect(opened.url()).toBe(`chrome-extension://${admin.extensionId}/dashboard.html`);
    await options.close();
    dashboard = opened;
    await dashboard.getByRole('heading', { name: 'Ownership health' }).waitFor();
    await dashboard.getByText('Load per owner').waitFor({ timeout: 20_000 });
    await expect.poll(() => dashboard.locator('.tiles').textContent()).toMatch(/Coverage.*%.*Stale.*Misowned/s);
    expect(await dashboard.locator('svg[role="img"]').count()).toBe(3);
    expect(await dashboard.locator('svg.load-bars').getAttribute('aria-label')).toMatch(/Records per owner against capacity/);
    // Links into Salesforce need the org host; until it is given, ids are shown without a link.
    await dashboard.getByText('CRM links').click();
    await dashboard.getByLabel('Salesforce org host').fill('acme.lightning.force.com');
    await dashboard.getByLabel('HubSpot portal id').fill('4815162');
    await dashboard.getByRole('button', { name: 'Save links' }).click();
    await dashboard.getByText('CRM links').click();
    await fullPage(dashboard, 'dashboard-light');
    await dashboard.emulateMedia({ colorScheme: 'dark' });
    await fullPage(dashboard, 'dashboard-dark');
    await dashboard.emulateMedia({ colorScheme: 'light' });
  });

  it('a list exports as CSV, as a download', async () => {
    await dashboard.getByRole('tab', { name: /^Stale/ }).click();
    await dashboard.getByRole('checkbox', { name: `Select ${northwind.name}` }).waitFor({ timeout: 20_000 });
    const [download] = await Promise.all([dashboard.waitForEvent('download'), dashboard.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('ownership-stale.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toMatch(/^"record_key","crm","kind"/);
    expect(text).toContain(northwind.name);
  });

  it('a bulk reassignment from the dashboard is recorded in history and reaches the rep\'s panel after "Sync now"', async () => {
    const repPage = await rep.open(recordUrl(northwind));
    await expectPanel(repPage, { key: recordKey(northwind), shows: [northwind.owner] }, 20_000);

    const row = dashboard.locator('table.records tbody tr', { hasText: northwind.name });
    await expect.poll(() => row.locator('a').getAttribute('href')).toMatch(/^https:\/\/acme\.lightning\.force\.com\/lightning\/r\/Account\/001Dn00000NwTr7\w*\/view$/);
    await dashboard.getByRole('checkbox', { name: `Select ${northwind.name}` }).check();
    await dashboard.getByLabel('New owner').selectOption({ label: 'Inbound queue' });
    await dashboard.getByLabel('Reason').fill(REASON);
    await dashboard.getByRole('button', { name: 'Reassign 1 record' }).click();
    await dashboard.getByText(/Reassigned 1 record to Inbound queue/).waitFor({ timeout: 20_000 });
    await fullPage(dashboard, 'dashboard-after-reassign');

    const history = await service.db.query<{ actor: string; kind: string; before: string; after: string }>('SELECT actor, kind, before, after FROM history WHERE reason = $1', [REASON]);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ actor: ADMIN.email, kind: 'owner', after: 'queue:inbound' });

    await panel(repPage).getByRole('button', { name: 'Sync now' }).click();
    await expectPanel(repPage, { key: recordKey(northwind), shows: ['Inbound queue'] }, 20_000);
    await screenshot(repPage, 'dashboard-rep-sees-reassignment', { panelOnly: true });
    await repPage.close();
  });

  it('a rep opening the dashboard is told it is for admins, and nothing is fetched for them', async () => {
    const page = await rep.open(`chrome-extension://${rep.extensionId}/dashboard.html`);
    await page.getByText(/Ownership health is for admins; you are signed in as a rep/).waitFor({ timeout: 15_000 });
    expect(await page.locator('.tiles').count()).toBe(0);
    await screenshot(page, 'dashboard-rep-refused');
    await page.close();
  });
});
