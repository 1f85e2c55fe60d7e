import { describe, expect, it } from 'vitest';
import type { Flag } from '../../lib/model/ownership';
import { DEFAULT_OUTREACH_DAYS, decideDnmClear, decideDnmSet, decideOutreachClaim, decideOwnerSet, setChecklistItem } from './field-rules';

const NOW = Date.UTC(2026, 0, 5);
const DAY = 86_400_000;
const dnm = (until: number, setBy = 'ann@acme.test', reason = 'Asked'): Flag => ({ id: 'dnm:k', recordKey: 'k', type: 'do-not-market', setBy, since: NOW, until, reason, channels: ['email'] });
const incoming = (until: number, setBy = 'mia@acme.test', reason = 'Asked') => ({ id: 'dnm:k', recordKey: 'k', until, reason, channels: ['email' as const], setBy });

describe('field rules', () => {
  it('"do not market": the later date stands, whichever arrives first', () => {
    expect(decideDnmSet(dnm(NOW + 9 * DAY), incoming(NOW + 3 * DAY), NOW)).toMatchObject({ kind: 'keep', message: expect.stringContaining('2026-01-14') });
    expect(decideDnmSet(dnm(NOW + 3 * DAY), incoming(NOW + 9 * DAY), NOW)).toMatchObject({ kind: 'write', flag: { until: NOW + 9 * DAY, setBy: 'mia@acme.test' } });
  });

  it('"do not market" at an equal date: the same winner in either order', () => {
    const x = incoming(NOW + DAY, 'ann@acme.test', 'Asked');
    const y = incoming(NOW + DAY, 'mia@acme.test', 'Legal');
    const asFlag = (i: typeof x): Flag => ({ ...i, type: 'do-not-market', since: NOW, channels: [...i.channels] });
    const yThenX = decideDnmSet(asFlag(y), x, NOW);
    const xThenY = decideDnmSet(asFlag(x), y, NOW);
    const winner = (d: ReturnType<typeof decideDnmSet>, stored: Flag) => (d.kind === 'write' ? d.flag.setBy : stored.setBy);
    expect(winner(yThenX, asFlag(y))).toBe(winner(xThenY, asFlag(x)));
  });

  it('"do not market" clear refuses a date later than the one seen', () => {
    expect(decideDnmClear(dnm(NOW + 9 * DAY, 'mia@acme.test'), NOW + 3 * DAY)).toMatchObject({ kind: 'reject', message: expect.stringContaining('mia@acme.test') });
    expect(decideDnmClear(dnm(NOW + 3 * DAY), NOW + 3 * DAY)).toEqual({ kind: 'delete' });
    expect(decideDnmClear(null, NOW)).toMatchObject({ kind: 'keep' });
  });

  it('outreach claims default to the shared default expiry and refuse a past end', () => {
    expect(decideOutreachClaim(null, { id: 'o', recordKey: 'k', setBy: 'rob@acme.test' }, NOW)).toMatchObject({ kind: 'write', flag: { until: NOW + DEFAULT_OUTREACH_DAYS * DAY, since: NOW } });
    expect(decideOutreachClaim(null, { id: 'o', recordKey: 'k', setBy: 'rob@acme.test', until: NOW - 1 }, NOW)).toMatchObject({ kind: 'reject' });
  });

  it('owner compare-and-set', () => {
    expect(decideOwnerSet({ ownerId: 'a', version: 2 }, 1, 'b')).toEqual({ kind: 'conflict', current: { ownerId: 'a', version: 2 } });
    expect(decideOwnerSet({ ownerId: 'a', version: 2 }, 2, 'a')).toEqual({ kind: 'same' });
    expect(decideOwnerSet({ ownerId: 'a', version: 2 }, 2, 'b')).toEqual({ kind: 'change', version: 3 });
  });

  it('checklist: a new transition starts a new list; an unchanged item is no change', () => {
    const args = { recordKey: 'k', from: 'lead', to: 'customer', itemId: 'i', label: 'Call', done: true };
    const list = setChecklistItem(null, args, 'rob@acme.test', NOW);
    expect(list).toEqual({ recordKey: 'k', from: 'lead', to: 'customer', items: [{ id: 'i', label: 'Call', done: true, doneBy: 'rob@acme.test', doneAt: NOW }] });
    expect(setChecklistItem(list as never, args, 'cat@acme.test', NOW + 1)).toBeNull();
    expect(setChecklistItem(list as never, { ...args, from: 'customer', to: 'churned', itemId: 'j' }, 'rob@acme.test', NOW)).toMatchObject({ from: 'customer', items: [{ id: 'j' }] });
  });
});
