import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNERS_DIR } from '../../demo/owners';
import { SALESFORCE, TEAM, recordKey } from '../../demo/records';
import { recordUrl } from '../../demo/sites/index';
import { browserAvailable, CHROMIUM_PATH, connectThroughOptions, expectPanel, panel, screenshot, startTeamWorld, syncNow, type ChromiumSession, type TeamWorld } from './harness';

// Two people, two Chromium profiles, one running ownership service (embedded database, on loopback):
// a marketer sets "do not market" in her panel, a rep sees it in his after "Sync now", may not set one
// himself and is told why, and the flag goes away by itself when the service's clock passes its date.

const DAY = 86_400_000;
const northwind = SALESFORCE.northwind;

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('team sync between two browsers', () => {
  let world: TeamWorld;
  let marketer: ChromiumSession;
  let rep: ChromiumSession;
  let clockShift = 0;

  beforeAll(async () => {
    world = await startTeamWorld({
      people: {
        marketer: { email: 'mia.marketer@acme-demo.example', name: 'Mia Marketer', role: 'marketer', browser: true },
        rep: { email: TEAM.alan.email, name: TEAM.alan.name, role: 'rep', browser: true },
      },
      now: () => Date.now() + clockShift,
      connect: false,
      seed: async (svc, team) => {
        const report = await svc.admin.importOwners({ team, csv: readFileSync(join(OWNERS_DIR, 'salesforce-accounts.csv'), 'utf8') });
        expect(report.errors).toEqual([]);
      },
    });
    ({ marketer, rep } = world.browsers as { marketer: ChromiumSession; rep: ChromiumSession });
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('each person connects through the options page (Server URL, Access token, connection test)', async () => {
    expect(await connectThroughOptions(marketer, world.server.url, world.tokens.marketer!, { test: true })).toMatch(/Connected to Acme Demo .* as Mia Marketer \(Marketer\)/);
    expect(await connectThroughOptions(rep, world.server.url, world.tokens.rep!)).toMatch(/as Alan Turing \(Sales rep\)/);
  });

  it('the owners the admin imported on the service show in both panels', async () => {
    for (const s of [marketer, rep]) {
      const page = await s.open(recordUrl(northwind));
      await expectPanel(page, { key: recordKey(northwind), shows: [northwind.owner, /Synced/], hides: [/unowned/i] });
      await page.close();
    }
  });

  it('a rep may not set "do not market", and the panel says why', async () => {
    const page = await rep.open(recordUrl(northwind));
    const button = panel(page).getByRole('button', { name: 'Do not market…' });
    await expect.poll(() => button.isDisabled()).toBe(true);
    await expect.poll(() => panel(page).textContent()).toMatch(/Only marketers and admins can set "do not market"; you are signed in as a rep/);
    await screenshot(page, 'team-sync-rep-disabled', { panelOnly: true });
    await page.close();
  });

  it('a flag the marketer sets appears in the rep\'s panel after "Sync now"', async () => {
    const mPage = await marketer.open(recordUrl(northwind));
    const p = panel(mPage);
    await p.getByRole('button', { name: 'Do not market…' }).click();
    const tomorrow = new Date(Date.now() + DAY);
    const pad = (n: number) => String(n).padStart(2, '0');
    await p.getByLabel('Do not market until').fill(`${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}`);
    await p.getByLabel('Reason').fill('Contract renewal under negotiation');
    await p.getByLabel('SMS').check();
    await p.getByRole('button', { name: 'Set flag' }).click();
    // Shown at once (pending), then confirmed by the service.
    await expectPanel(mPage, { key: recordKey(northwind), shows: ['Do not reach out', 'Contract renewal under negotiation'] }, 15_000);
    await expect.poll(() => p.textContent(), { timeout: 15_000 }).not.toMatch(/pending/i);
    await screenshot(mPage, 'team-sync-marketer-flag', { panelOnly: true });

    const rPage = await rep.open(recordUrl(northwind));
    await syncNow(rPage);
    await expectPanel(rPage, { key: recordKey(northwind), shows: ['Do not reach out', 'Contract renewal under negotiation', 'Email and SMS'] }, 15_000);
    await screenshot(rPage, 'team-sync-rep-sees-flag', { panelOnly: true });
    await mPage.close();
    await rPage.close();
  });

  it('the flag ends by itself when the service clock passes its date, with nobody acting', async () => {
    // From here on the service's clock stays two days ahead of the browsers'.
    clockShift = 2 * DAY;
    const rPage = await rep.open(recordUrl(northwind));
    await syncNow(rPage); // the pull carries the service's clock; the panel measures expiry by it
    await expectPanel(rPage, { key: recordKey(northwind), shows: ['Clear to reach out'], hides: ['Contract renewal under negotiation'] }, 15_000);
    await rPage.close();
  });

  it('the rep claims outreach; the marketer sees the claim after syncing', async () => {
    const rPage = await rep.open(recordUrl(northwind));
    await panel(rPage).getByRole('button', { name: 'Claim outreach' }).click();
    await expectPanel(rPage, { key: recordKey(northwind), shows: ['You are reaching out'] }, 15_000);
    const mPage = await marketer.open(recordUrl(northwind));
    await syncNow(mPage);
    await expectPanel(mPage, { key: recordKey(northwind), shows: ['Outreach in progress', /alan\.turing@acme-demo\.example is reaching out|Alan Turing is reaching out/] }, 15_000);
    await screenshot(mPage, 'team-sync-marketer-sees-claim', { panelOnly: true });
    await rPage.close();
    await mPage.close();
  });
});
