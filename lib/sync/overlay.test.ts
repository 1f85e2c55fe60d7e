import { describe, expect, it } from 'vitest';
import type { Flag } from '../model/ownership';
import { flagId, type Mutation, type RecordDescriptor } from '../model/sync';
import type { RecordBundle } from '../ownership/build-view';
import { DEFAULT_OUTREACH_MS, overlayPending } from './overlay';

const NOW = Date.UTC(2026, 10, 25);
const DAY = 86_400_000;
const recordKey = 'salesforce:account:001Dn00000AbCdEIAV';
const record: RecordDescriptor = { crm: 'salesforce', kind: 'account', recordId: '001Dn00000AbCdEIAV', objectType: 'Account', name: 'Acme' };
const empty: RecordBundle = { record: undefined, owners: new Map(), flags: [], checklist: undefined, history: [] };
let id = 0;
const m = (name: Mutation['name'], args: object): Mutation => ({ id: ++id, name, args: { recordKey, record, ...args }, clientTime: NOW }) as Mutation;

describe('overlayPending', () => {
  it('shows a pending do-not-market and claim at once, on a record the service has not seen', () => {
    const out = overlayPending(empty, [m('flag.dnm.set', { until: NOW + DAY, reason: 'Legal hold', channels: ['email'] }), m('flag.outreach.claim', {})], 'me@acme.test', NOW);
    expect(out.flags.map((f) => [f.id, f.setBy, f.until])).toEqual([
      [flagId.doNotMarket(recordKey), 'me@acme.test', NOW + DAY],
      [flagId.outreach(recordKey, 'me@acme.test'), 'me@acme.test', NOW + DEFAULT_OUTREACH_MS],
    ]);
    expect(empty.flags).toEqual([]);
  });

  it('keeps the later do-not-market date, as the service does', () => {
    const later: Flag = { id: flagId.doNotMarket(recordKey), recordKey, type: 'do-not-market', setBy: 'mia', since: NOW - DAY, until: NOW + 9 * DAY, reason: 'Audit', channels: ['email'] };
    const out = overlayPending({ ...empty, flags: [later] }, [m('flag.dnm.set', { until: NOW + DAY, reason: 'Short', channels: ['sms'] })], 'me', NOW);
    expect(out.flags).toEqual([later]);
  });

  it('clears only the flag the user saw, not one extended since', () => {
    const flag: Flag = { id: flagId.doNotMarket(recordKey), recordKey, type: 'do-not-market', setBy: 'mia', since: NOW - DAY, until: NOW + 9 * DAY, reason: 'Audit', channels: ['email'] };
    expect(overlayPending({ ...empty, flags: [flag] }, [m('flag.dnm.clear', { seenUntil: NOW + 9 * DAY })], 'me', NOW).flags).toEqual([]);
    expect(overlayPending({ ...empty, flags: [flag] }, [m('flag.dnm.clear', { seenUntil: NOW + DAY })], 'me', NOW).flags).toEqual([flag]);
  });

  it('releases only the viewer own claim', () => {
    const theirs: Flag = { id: flagId.outreach(recordKey, 'dana@acme.test'), recordKey, type: 'outreach', setBy: 'dana@acme.test', since: NOW, channels: [] };
    const out = overlayPending({ ...empty, flags: [theirs] }, [m('flag.outreach.claim', {}), m('flag.outreach.release', {})], 'me@acme.test', NOW);
    expect(out.flags).toEqual([theirs]);
  });

  it('applies owner and checklist changes in order, keeping item positions', () => {
    const out = overlayPending(
      empty,
      [
        m('owner.set', { ownerId: 'person:ann', expectedVersion: 0, reason: 'Territory' }),
        m('checklist.item.set', { from: 'Lead', to: 'Opportunity', itemId: 'a', label: 'A', done: true }),
        m('checklist.item.set', { from: 'Lead', to: 'Opportunity', itemId: 'b', label: 'B', done: false }),
        m('checklist.item.set', { from: 'Lead', to: 'Opportunity', itemId: 'a', label: 'A', done: false }),
      ],
      'me',
      NOW,
    );
    expect(out.record).toMatchObject({ key: recordKey, ownerId: 'person:ann', assignedAt: NOW, name: 'Acme' });
    expect(out.checklist?.items.map((i) => [i.id, i.done])).toEqual([['a', false], ['b', false]]);
  });
});
