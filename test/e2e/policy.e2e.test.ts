import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, realpathSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulePack } from '../../lib/rules/schema';
import { exportPublicKey, generateKeyPair, keyIdOf, signPack } from '../../lib/rules/sign';
import { serve } from '../../server/serve';
import { createService, type Service } from '../../server/service';
import { browserAvailable, CHROMIUM_PATH, ensureBuilt, launchChromium, screenshot, startDemo, type ChromiumSession } from './harness';

// Enterprise deployment (issue #5) with a real Chromium policy file. Debian's Chromium reads
// /etc/chromium/policies/managed/*.json; an extension's own policy sits under
// "3rdparty" → "extensions" → its id, and reaches it as storage.managed, checked against
// public/managed_schema.json. The test writes the file (root only), launches Chromium, and removes the
// file in `finally`.
//
// The id: an unpacked extension without a manifest "key" gets an id made from its folder's absolute path
// (Chromium: SHA-256 of the path, first 32 hex digits spelt a–p). We compute it from the build folder
// instead of committing a key, and check it against the id Chromium reports.

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'ownersight-e2e-test.json');
const DAY = 86_400_000;

/** Chromium's id for an unpacked extension loaded from `dir` (crx_file::id_util::GenerateIdForPath). */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

/** Writing /etc needs root. Not root: CI fails (nothing must go green untested), elsewhere it skips loudly. */
function canWritePolicy(): boolean {
  if (process.getuid?.() === 0) return true;
  const message = 'The Chromium policy test writes /etc/chromium/policies/managed and must run as root.';
  if (process.env.CI === 'true') throw new Error(message);
  const bar = '!'.repeat(100);
  console.warn(`\n${bar}\n!!! SKIPPED: ${message}\n${bar}\n`);
  return false;
}

const runnable = browserAvailable('Chromium', CHROMIUM_PATH) && canWritePolicy();

function pack(team: string, version: number): RulePack {
  return {
    schemaVersion: 1,
    team,
    version,
    issuedAt: new Date(Date.now() - DAY).toISOString(),
    expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
    name: `Policy test v${version}`,
    rules: [],
    fallback: { kind: 'queue', id: 'unassigned' },
  };
}

describe.skipIf(!runnable)('browser policy (managed storage) in a real Chromium', () => {
  let service: Service;
  let server: Awaited<ReturnType<typeof serve>>;
  let demo: Awaited<ReturnType<typeof startDemo>>;
  let rep: ChromiumSession;
  let team: string;
  let adminToken: string;
  let repToken: string;
  let expectedId: string;
  const keys: Record<'pinned' | 'stranger', { privateKey: CryptoKey; keyId: string; publicKey: string }> = {} as never;
  const createdDirs: string[] = [];

  beforeAll(async () => {
    service = await createService({ dataDir: 'memory://' });
    team = (await service.admin.createTeam({ name: 'Managed Co' })).id;
    await service.admin.addUser({ team, email: 'ada@managed.example', name: 'Ada', role: 'admin' });
    await service.admin.addUser({ team, email: 'rob@managed.example', name: 'Rob', role: 'rep' });
    adminToken = (await service.admin.createToken({ team, email: 'ada@managed.example' })).token;
    repToken = (await service.admin.createToken({ team, email: 'rob@managed.example' })).token;
    for (const name of ['pinned', 'stranger'] as const) {
      const pair = await generateKeyPair();
      const publicKey = await exportPublicKey(pair.publicKey);
      keys[name] = { privateKey: pair.privateKey, publicKey, keyId: await keyIdOf(publicKey) };
    }
    server = await serve(service, { port: 0, hostname: '127.0.0.1' });

    const extensionDir = ensureBuilt('chrome');
    expectedId = unpackedExtensionId(extensionDir);
    for (let dir = POLICY_DIR; !existsSync(dir); dir = dirname(dir)) createdDirs.push(dir);
    mkdirSync(POLICY_DIR, { recursive: true });
    const policy = {
      '3rdparty': {
        extensions: {
          [expectedId]: {
            serverUrl: server.url,
            teamId: team,
            pinnedKeys: [{ keyId: keys.pinned.keyId, publicKey: keys.pinned.publicKey }],
            minPackVersion: 2,
          },
        },
      },
    };
    writeFileSync(POLICY_FILE, JSON.stringify(policy, null, 2));
    demo = await startDemo();
    rep = await launchChromium({ demo, extensionDir });
  }, 120_000);

  afterAll(async () => {
    try {
      await rep?.close();
      await demo?.dispose();
      await server?.close();
      await service?.close();
    } finally {
      rmSync(POLICY_FILE, { force: true });
      // Only the folders this test made, and only if nothing else was put there meanwhile.
      for (const dir of createdDirs) if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
    }
  });

  it('Chromium gives the unpacked extension the id computed from its folder', () => {
    expect(rep.extensionId).toBe(expectedId);
  });

  it('the options page shows the managed server, team, minimum version and key, read-only', async () => {
    const page = await rep.openOptions();
    const box = page.getByTestId('rulepack-policy');
    // Chromium loads 3rdparty policy shortly after start: reload until it is there.
    await expect
      .poll(async () => {
        await page.reload();
        await page.getByTestId('rulepack-active').waitFor(); // the section has its status
        return (await box.count()) ? box.textContent() : '';
      }, { timeout: 20_000, interval: 500 })
      .toContain(server.url);
    const text = await box.textContent();
    expect(text).toContain(`Team: ${team}`);
    expect(text).toContain('Lowest pack version allowed: 2');
    expect(text).toContain(keys.pinned.keyId);
    expect(await page.getByTestId('rulepack-keys').textContent()).toMatch(new RegExp(`${keys.pinned.keyId}\\s*pinned by browser policy`));
    // No key can be pasted over the policy's.
    expect(await page.getByLabel('Public key (rulepack-key.pub.json)').count()).toBe(0);
    await page.getByText('Your organisation pins the keys by browser policy').waitFor();
    await screenshot(page, 'rulepack-policy-options');
    await page.close();
  });

  it('a pack signed by a key the policy does not pin is refused; one below the policy minimum too; the pinned one is taken', async () => {
    const page = await rep.openOptions();
    await page.getByLabel('Server URL').fill(server.url);
    await page.getByLabel('Access token').fill(repToken);
    await page.getByRole('button', { name: 'Save and connect' }).click();
    await page.getByTestId('team-status').waitFor({ timeout: 20_000 });

    const publish = async (version: number, key: (typeof keys)['pinned']) => {
      const envelope = await signPack(pack(team, version), key.privateKey, key.keyId);
      const put = await service.app.request('/v1/rulepack', { method: 'PUT', headers: { Authorization: `Bearer ${adminToken}` }, body: JSON.stringify(envelope) });
      expect(put.status).toBe(200);
    };
    const syncNow = async () => {
      await page.getByRole('button', { name: 'Sync now' }).click();
      await page.getByText(/^Synced\.$/).waitFor({ timeout: 20_000 });
    };
    const refusal = page.getByTestId('rulepack-refusal');

    await publish(1, keys.pinned);
    await syncNow();
    await expect.poll(() => refusal.textContent(), { timeout: 10_000 }).toMatch(/Refused version 1 .*below the lowest version your administrator allows \(2\)/);

    await publish(2, keys.stranger);
    await syncNow();
    await expect.poll(() => refusal.textContent(), { timeout: 10_000 }).toMatch(new RegExp(`Refused version 2 .*signed by key ${keys.stranger.keyId}, which this install does not trust \\(trusted keys: ${keys.pinned.keyId}\\)`));
    expect(await page.getByTestId('rulepack-active').textContent()).toMatch(/No rule pack is active/);
    await screenshot(page, 'rulepack-policy-refused');

    await publish(3, keys.pinned);
    await syncNow();
    await expect.poll(() => page.getByTestId('rulepack-active').textContent(), { timeout: 10_000 }).toMatch(new RegExp(`Active: version 3, “Policy test v3”, signed with key ${keys.pinned.keyId}`));
    expect(await refusal.count()).toBe(0);
    await page.close();
  });
});
