import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulePack } from '../../lib/rules/schema';
import { exportPublicKey, generateKeyPair, keyIdOf, signPack } from '../../lib/rules/sign';
import type { Service } from '../../server/service';
import { browserAvailable, CHROMIUM_PATH, screenshot, startTeamWorld, type ChromiumSession, type TeamWorld } from './harness';

// Rule-pack distribution end to end (issue #5): one running service, an admin's and a rep's Chromium.
// The admin imports a signed pack file on the options page, sees what it changes, and publishes it; the
// rep, who pinned the admin's public key, syncs and the pack becomes active. A pack signed by another key,
// and then a pack tampered with in the service's own database, are refused after the next syncs, the
// options page says why, and the first version stays in force.

const DAY = 86_400_000;

interface Key {
  privateKey: CryptoKey;
  keyId: string;
  publicKey: string;
}

async function newKey(): Promise<Key> {
  const pair = await generateKeyPair();
  const publicKey = await exportPublicKey(pair.publicKey);
  return { privateKey: pair.privateKey, publicKey, keyId: await keyIdOf(publicKey) };
}

/** The public key file as `npm run rulepack -- keygen` writes it. */
const keyFile = (key: Key) => JSON.stringify({ alg: 'Ed25519', keyId: key.keyId, publicKey: key.publicKey, createdAt: new Date().toISOString() }, null, 2);

function pack(team: string, version: number, extra: Partial<RulePack> = {}): RulePack {
  return {
    schemaVersion: 1,
    team,
    version,
    issuedAt: new Date(Date.now() - DAY).toISOString(),
    expiresAt: new Date(Date.now() + 90 * DAY).toISOString(),
    name: `Acme rules v${version}`,
    rules: [{ id: 'emea-enterprise', priority: 10, when: { region: ['EMEA'], segment: ['Enterprise'] }, assign: { owner: { kind: 'person', id: 'grace@acme-demo.example' } } }],
    fallback: { kind: 'queue', id: 'unassigned' },
    checklists: [{ from: 'Lead', to: 'MQL', items: [{ id: 'email', label: 'Email address known', requirement: { type: 'field', field: 'email' } }] }],
    ...extra,
  };
}

/** "Sync now" on the options page, then the rule-pack section as it stands after the run. */
async function syncAndRead(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByText(/^Synced\.$/).waitFor({ timeout: 20_000 });
}

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('rule packs from the admin to every install', () => {
  let world: TeamWorld;
  let service: Service;
  let admin: ChromiumSession;
  let rep: ChromiumSession;
  let team: string;
  let tokens: Record<string, string>;
  let signer: Key;
  let stranger: Key;

  beforeAll(async () => {
    signer = await newKey();
    stranger = await newKey();
    world = await startTeamWorld({
      people: {
        admin: { email: 'ada.admin@acme-demo.example', name: 'Ada Admin', role: 'admin', browser: true },
        rep: { email: 'rob.rep@acme-demo.example', name: 'Rob Rep', role: 'rep', browser: true },
      },
    });
    ({ service, team, tokens } = world);
    ({ admin, rep } = world.browsers as { admin: ChromiumSession; rep: ChromiumSession });
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('the rep pins the admin\'s public key on the options page; nothing is active yet', async () => {
    const page = await rep.openOptions();
    await page.getByLabel('Public key (rulepack-key.pub.json)').fill(keyFile(signer));
    await page.getByRole('button', { name: 'Pin key' }).click();
    await page.getByText(`This install now trusts 1 key: ${signer.keyId}`).waitFor();
    await expect.poll(() => page.getByTestId('rulepack-keys').textContent()).toContain(signer.keyId);
    await expect.poll(() => page.getByTestId('rulepack-active').textContent()).toMatch(/No rule pack is active/);
    // A rep may not publish, and is told why.
    await expect.poll(() => page.getByRole('button', { name: 'Publish to team' }).isDisabled()).toBe(true);
    await page.getByText(/Only admins can publish a rule pack; you are signed in as a sales rep/).waitFor();
    await page.close();
  });

  it('the admin imports the signed file, sees what it adds, and publishes it', async () => {
    const page = await admin.openOptions();
    const signed = await signPack(pack(team, 1), signer.privateKey, signer.keyId);
    await page.getByLabel('Rule pack file').setInputFiles({ name: 'rulepack.signed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(signed, null, 2)) });
    const preview = page.getByTestId('rulepack-preview');
    await expect.poll(() => preview.textContent()).toMatch(/version 1, “Acme rules v1” for team team_/);
    const diff = await page.getByTestId('rulepack-diff').textContent();
    expect(diff).toMatch(/No pack is active yet/);
    expect(diff).toMatch(/Assignment rules:\s*added emea-enterprise/);
    expect(diff).toMatch(/Handoff checklists:\s*added Lead → MQL/);
    // The admin's own install has no key pinned: the preview says it would refuse, publishing is still allowed.
    expect(await preview.textContent()).toMatch(/This install would refuse it: .*No signing key is pinned/);
    await page.getByRole('button', { name: 'Publish to team' }).click();
    await page.getByText('Published version 1 to the team.', { exact: false }).waitFor({ timeout: 15_000 });
    await screenshot(page, 'rulepack-admin-published');

    // An invalid file: every mistake with its JSON path, and no publishing.
    await page.getByLabel('Rule pack file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...pack(team, 2), rules: [{ id: 'x', priority: 1, when: { crm: ['myspace'] }, assign: {} }] })) });
    await expect.poll(() => preview.textContent()).toMatch(/not a valid rule pack/);
    expect(await preview.textContent()).toMatch(/\$\.rules\[0\]\.when\.crm\[0\]/);
    expect(await page.getByRole('button', { name: 'Publish to team' }).isDisabled()).toBe(true);
    await page.close();
  });

  it('after the rep\'s next sync the pack is active, with its signer', async () => {
    const page = await rep.openOptions();
    await syncAndRead(page);
    const active = page.getByTestId('rulepack-active');
    await expect.poll(() => active.textContent(), { timeout: 10_000 }).toMatch(/Active: version 1, “Acme rules v1”, signed with key/);
    expect(await active.textContent()).toContain(signer.keyId);
    await screenshot(page, 'rulepack-rep-active');
    await page.close();
  });

  it('a higher version signed by a key the rep does not trust is refused; version 1 stays', async () => {
    const envelope = await signPack(pack(team, 2, { name: 'Sneaky v2', fallback: { kind: 'person', id: 'mallory@evil.example' } }), stranger.privateKey, stranger.keyId);
    // The service stores it (it holds no keys): the install is what refuses it.
    const put = await service.app.request('/v1/rulepack', { method: 'PUT', headers: { Authorization: `Bearer ${tokens.admin}` }, body: JSON.stringify(envelope) });
    expect(put.status).toBe(200);
    const page = await rep.openOptions();
    await syncAndRead(page);
    const refusal = page.getByTestId('rulepack-refusal');
    await expect.poll(() => refusal.textContent(), { timeout: 10_000 }).toMatch(new RegExp(`Refused version 2 .*signed by key ${stranger.keyId}, which this install does not trust`));
    expect(await refusal.textContent()).toMatch(/Version 1 stays in force/);
    expect(await page.getByTestId('rulepack-active').textContent()).toMatch(/Active: version 1/);
    await page.close();
  });

  it('a pack changed in the service\'s database after signing is refused too, and the page says why', async () => {
    const envelope = await signPack(pack(team, 3), signer.privateKey, signer.keyId);
    const tampered = { ...envelope, pack: { ...envelope.pack, fallback: { kind: 'person', id: 'mallory@evil.example' } } };
    await service.db.query('UPDATE rulepacks SET version = $2, body = $3 WHERE team_id = $1', [team, 3, JSON.stringify(tampered)]);
    const page = await rep.openOptions();
    await syncAndRead(page);
    const refusal = page.getByTestId('rulepack-refusal');
    await expect.poll(() => refusal.textContent(), { timeout: 10_000 }).toMatch(/Refused version 3 .*The signature does not match the pack: it was changed after signing/);
    expect(await page.getByTestId('rulepack-active').textContent()).toMatch(/Active: version 1, “Acme rules v1”/);
    await screenshot(page, 'rulepack-rep-refused');
    await page.close();
  });
});
