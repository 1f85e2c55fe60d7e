import { describe, expect, it } from 'vitest';
import type { PanelFlagPolicy } from '../model/panel-view';
import { applyFlagPolicy } from './flag-policy';

const NOW = Date.UTC(2026, 10, 25);
const DAY = 86_400_000;
const policy: PanelFlagPolicy = {
  outreach: { defaultExpiryDays: 10, setBy: ['rep', 'csm'] },
  doNotMarket: { maxDays: 30, setBy: ['marketer'], channels: ['email', 'sms'] },
};

describe('applyFlagPolicy', () => {
  it('gives an outreach claim the pack default expiry, and keeps one the user chose', () => {
    expect(applyFlagPolicy({ name: 'flag.outreach.claim', args: {} }, policy, 'rep', NOW)).toEqual({ change: { name: 'flag.outreach.claim', args: { until: NOW + 10 * DAY } } });
    expect(applyFlagPolicy({ name: 'flag.outreach.claim', args: { until: NOW + DAY } }, policy, 'rep', NOW)).toEqual({ change: { name: 'flag.outreach.claim', args: { until: NOW + DAY } } });
  });

  it.each([
    ['a role the pack leaves out', { name: 'flag.outreach.claim', args: {} }, 'admin', /only rep, csm claim outreach/],
    ['a date past the maximum', { name: 'flag.dnm.set', args: { until: NOW + 40 * DAY, reason: 'x', channels: ['email'] } }, 'marketer', /at most 30 days/],
    ['a channel the pack does not cover', { name: 'flag.dnm.set', args: { until: NOW + 5 * DAY, reason: 'x', channels: ['email', 'ads'] } }, 'marketer', /do not cover ads/],
  ] as const)('refuses %s with a clear reason', (_, change, role, message) => {
    const out = applyFlagPolicy(change as never, policy, role, NOW);
    expect('problem' in out && out.problem).toMatch(message);
  });

  it('lets everything through without a pack', () => {
    const change = { name: 'flag.dnm.set', args: { until: NOW + 4000 * DAY, reason: 'x', channels: ['ads'] } } as const;
    expect(applyFlagPolicy(change as never, null, 'rep', NOW)).toEqual({ change });
  });
});
