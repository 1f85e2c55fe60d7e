import { describe, expect, it } from 'vitest';
import type { Flag, Owner, Ownership } from '../model/ownership';
import type { RecordRef } from '../crm/types';
import { buildPanelView, type ViewInput } from './build-view';
import { DEFAULT_POLICY } from './policy';
import { comparableName } from './warnings';

const NOW = Date.UTC(2026, 10, 23, 12);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ref: RecordRef = { crm: 'hubspot', kind: 'contact', recordId: '51', objectType: '0-1', host: 'app.hubspot.com' };
const grace: Owner = { id: 'person:grace', name: 'Grace Hopper', kind: 'person', role: 'sales', email: 'grace@example.com', active: true };
const record: Ownership = {
  key: 'hubspot:contact:51', crm: 'hubspot', kind: 'contact', recordId: '51', name: 'Ada Lovelace', ownerId: grace.id,
  supportingOwnerIds: [], consent: {}, updatedAt: NOW - HOUR, version: 1,
};

function input(over: Partial<ViewInput> = {}): ViewInput {
  return {
    ref, facts: {}, record, owners: new Map([[grace.id, grace]]), flags: [], checklist: undefined, history: [],
    viewer: undefined, sync: { connected: false, online: true, pending: 0 }, now: NOW, policy: DEFAULT_POLICY, ...over,
  };
}
const flag = (over: Partial<Flag>): Flag => ({ id: 'f', recordKey: record.key, type: 'outreach', setBy: 'sam@example.com', since: NOW - HOUR, channels: [], ...over });

describe('buildPanelView', () => {
  it('an owned, healthy record: owner shown, clear to reach out, no warnings', () => {
    const view = buildPanelView(input());
    expect(view.owner?.name).toBe('Grace Hopper');
    expect(view.owner?.isViewer).toBe(false);
    expect(view.reach).toBe('clear');
    expect(view.warnings).toEqual([]);
  });

  it('says it is the viewer when the viewer owns the record', () => {
    expect(buildPanelView(input({ viewer: 'GRACE@example.com' })).owner?.isViewer).toBe(true);
  });

  it('an unknown record is the unowned warning, not an empty view', () => {
    const view = buildPanelView(input({ record: undefined, facts: { name: 'From the page' } }));
    expect(view.known).toBe(false);
    expect(view.name).toBe('From the page');
    expect(view.warnings.map((w) => w.code)).toEqual(['unowned']);
  });

  it("someone else's outreach is caution, do-not-market is stop, expired flags are gone", () => {
    expect(buildPanelView(input({ flags: [flag({})] })).reach).toBe('caution');
    expect(buildPanelView(input({ viewer: 'sam@example.com', flags: [flag({})] })).reach).toBe('clear');
    const dnm = flag({ id: 'd', type: 'do-not-market', until: NOW + 3 * DAY, channels: ['email'] });
    const view = buildPanelView(input({ flags: [flag({}), dnm, flag({ id: 'old', until: NOW - 1 })] }));
    expect(view.reach).toBe('stop');
    expect(view.outreach).toHaveLength(1);
    expect(view.doNotMarket?.channels).toEqual(['email']);
    expect(buildPanelView(input({ flags: [{ ...dnm, until: NOW - 1 }] })).doNotMarket).toBeNull();
  });

  it('asks to be rebuilt when the next flag ends', () => {
    const view = buildPanelView(input({ flags: [flag({ until: NOW + 2 * HOUR }), flag({ id: 'g', until: NOW + HOUR })] }));
    expect(view.refreshAt).toBe(NOW + HOUR);
    expect(buildPanelView(input()).refreshAt).toBeUndefined();
  });

  it('of two do-not-market flags the later end wins', () => {
    const view = buildPanelView(input({ flags: [flag({ id: 'a', type: 'do-not-market', until: NOW + DAY }), flag({ id: 'b', type: 'do-not-market', until: NOW + 9 * DAY })] }));
    expect(view.doNotMarket?.until).toBe(NOW + 9 * DAY);
  });

  it('withdrawn consent stops outreach', () => {
    const view = buildPanelView(input({ record: { ...record, consent: { email: 'withdrawn', calls: 'granted' } } }));
    expect(view.reach).toBe('stop');
    expect(view.consent).toEqual([{ channel: 'email', status: 'withdrawn' }, { channel: 'calls', status: 'granted' }]);
  });

  it('warns of a deactivated owner, a CRM owner that differs, a stale record and a breached SLA, most serious first', () => {
    const view = buildPanelView(input({
      owners: new Map([[grace.id, { ...grace, active: false }]]),
      facts: { owner: 'Alan Turing' },
      record: { ...record, updatedAt: NOW - 60 * DAY, assignedAt: NOW - 60 * DAY },
    }));
    expect(view.warnings.map((w) => w.code)).toEqual(['owner-inactive', 'sla-breached', 'crm-owner-differs', 'stale']);
  });

  it('does not warn when the CRM shows the same owner written another way', () => {
    expect(buildPanelView(input({ facts: { owner: 'Hopper, Grace' } })).warnings).toEqual([]);
    expect(comparableName('  Hopper ,  Grace ')).toBe('grace hopper');
  });

  it('SLA counts from assignment and stops at the first touch', () => {
    const running = buildPanelView(input({ record: { ...record, assignedAt: NOW - HOUR } })).sla;
    expect(running).toMatchObject({ dueAt: NOW - HOUR + DAY, breached: false });
    const met = buildPanelView(input({ record: { ...record, assignedAt: NOW - 3 * DAY, firstTouchAt: NOW - 3 * DAY + HOUR } })).sla;
    expect(met).toMatchObject({ breached: false, touchedAt: NOW - 3 * DAY + HOUR });
  });

  it('checklist progress lists the open items', () => {
    const view = buildPanelView(input({ checklist: { recordKey: record.key, from: 'Opportunity', to: 'Customer', items: [
      { id: 'a', label: 'Primary contact', done: true }, { id: 'b', label: 'Consent captured', done: false },
    ] } }));
    expect(view.checklist).toEqual({
      from: 'Opportunity',
      to: 'Customer',
      done: 1,
      total: 2,
      openItems: ['Consent captured'],
      items: [
        { id: 'a', label: 'Primary contact', done: true, why: 'ticked', tickable: true },
        { id: 'b', label: 'Consent captured', done: false, why: 'not ticked yet', tickable: true },
      ],
    });
  });
});

describe('names of people', () => {
  it('shows the name of the owner with the email the service gives, and the email when none is known', () => {
    const view = buildPanelView(
      input({
        flags: [
          { id: 'o1', recordKey: record.key, type: 'outreach', setBy: 'GRACE@example.com', since: 1, channels: [] },
          { id: 'o2', recordKey: record.key, type: 'outreach', setBy: 'stranger@example.com', since: 2, channels: [] },
        ],
        history: [{ id: 'h', recordKey: record.key, at: 1, actor: 'grace@example.com', kind: 'flag' }],
        viewer: 'grace@example.com',
      }),
    );
    expect(view.outreach.map((c) => [c.by, c.mine])).toEqual([['Grace Hopper', true], ['stranger@example.com', false]]);
    expect(view.history[0]!.actor).toBe('Grace Hopper');
  });
});
