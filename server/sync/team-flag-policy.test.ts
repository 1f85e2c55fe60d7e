import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starterPack } from '../../lib/rules/starter-pack';
import { putRulePack } from '../rulepack';
import { TEST_DATABASES } from '../test/databases';
import { DAY, hubspotAccount, newTeam, startHarness, T0, type Harness } from '../test/harness';

// The team's published flag policy narrows who may set flags and for how long, on the service too: a
// client that skips the extension's own check is still refused, with the same words.

describe.each(TEST_DATABASES)('flag policy of the published pack on $name', (database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(database);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses a do-not-market outside the policy, and applies one within it', async () => {
    const { team, users } = await newTeam(h.service, { mia: 'marketer', ada: 'admin' });
    const pack = { ...starterPack({ team, now: T0 }), flags: { doNotMarket: { maxDays: 30, setBy: ['admin' as const], channels: ['email' as const] } } };
    // Stored as an admin publishes it; the service does not verify signatures (installs do).
    await putRulePack(h.service.db, team, 1, JSON.stringify({ pack, signature: { alg: 'Ed25519', keyId: '0123456789abcdef', value: 'AA' } }), 'ada@acme.test', T0);
    const target = hubspotAccount('71');

    const byMarketer = await users.mia!.push({ name: 'flag.dnm.set', args: { ...target, until: T0 + 5 * DAY, reason: 'Audit', channels: ['email'] } });
    expect(byMarketer.results[0]).toMatchObject({ status: 'rejected', message: expect.stringMatching(/Your team's rules let only admin set "do not market"/) });
    const tooLong = await users.ada!.push({ name: 'flag.dnm.set', args: { ...target, until: T0 + 40 * DAY, reason: 'Audit', channels: ['email'] } });
    expect(tooLong.results[0]).toMatchObject({ status: 'rejected', message: expect.stringMatching(/at most 30 days/) });
    const wrongChannel = await users.ada!.push({ name: 'flag.dnm.set', args: { ...target, until: T0 + 5 * DAY, reason: 'Audit', channels: ['ads'] } });
    expect(wrongChannel.results[0]).toMatchObject({ status: 'rejected', message: expect.stringMatching(/do not cover ads/) });
    const ok = await users.ada!.push({ name: 'flag.dnm.set', args: { ...target, until: T0 + 5 * DAY, reason: 'Audit', channels: ['email'] } });
    expect(ok.results[0]).toMatchObject({ status: 'applied' });
  });
});
