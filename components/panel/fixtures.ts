// Sample panel states for the unit tests and the visual gallery (test/visual/). Never imported by the panel.
import type { PanelState, PanelView } from '../../lib/model/panel-view';
import type { RecordRef } from '../../lib/model/record';

export const NOW = Date.UTC(2025, 2, 12, 15, 30);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export const REF: RecordRef = { crm: 'salesforce', kind: 'account', recordId: '001Dn00000AbCdEIAV', objectType: 'Account' };

/** Everything at once: two outreach claims, do-not-market, warnings, checklist, SLA, history. */
export function richView(over: Partial<PanelView> = {}): PanelView {
  return {
    ref: REF,
    known: true,
    name: 'Northwind Traders International Holdings (EMEA)',
    lifecycleStage: 'Opportunity',
    owner: {
      id: 'u1',
      name: 'Alex Morgan',
      kind: 'person',
      role: 'sales',
      active: true,
      isViewer: true,
    },
    crmOwner: 'Jordan Lee',
    supporting: [
      { id: 'u2', name: 'Priya Raman', kind: 'person', role: 'success', active: true },
      { id: 't1', name: 'EMEA Field Marketing', kind: 'team', role: 'marketing', active: true },
    ],
    reach: 'stop',
    outreach: [
      { by: 'Dana Whitfield', mine: false, since: NOW - 2 * DAY, until: NOW + 3 * DAY },
      { by: 'Alex Morgan', mine: true, since: NOW - 3 * HOUR },
    ],
    doNotMarket: {
      setBy: 'Priya Raman',
      since: NOW - 5 * DAY,
      until: NOW + 20 * DAY,
      reason: 'Renewal negotiation under way; legal asked for no campaigns.',
      channels: ['email', 'ads'],
    },
    consent: [
      { channel: 'email', status: 'granted' },
      { channel: 'sms', status: 'withdrawn' },
      { channel: 'calls', status: 'granted' },
      { channel: 'direct-mail', status: 'unknown' },
    ],
    warnings: [
      { code: 'stale', severity: 'low', message: 'No activity logged for 41 days.', action: 'Log your last touch.' },
      {
        code: 'crm-owner-differs',
        severity: 'medium',
        message: 'Salesforce shows Jordan Lee as owner.',
        action: 'Update the CRM owner or ask your admin.',
      },
      { code: 'owner-inactive', severity: 'high', message: 'Supporting owner left the team 12 days ago.', action: 'Reassign Customer Success.' },
    ],
    checklist: {
      from: 'Opportunity',
      to: 'Customer',
      done: 4,
      total: 6,
      openItems: ['Kick-off call booked with customer success', 'Signed order form attached'],
      items: [
        { id: 'a', label: 'Decision maker identified', done: true, why: 'ticked', tickable: true },
        { id: 'b', label: 'Primary contact', done: true, why: 'a primary contact is set', tickable: false },
        { id: 'c', label: 'Email consent captured', done: true, why: 'consent for email is granted', tickable: false },
        { id: 'd', label: 'Web domain on the account', done: true, why: 'domain is filled in', tickable: false },
        { id: 'e', label: 'Kick-off call booked with customer success', done: false, why: 'no meeting held yet', tickable: true },
        { id: 'f', label: 'Signed order form attached', done: false, why: 'not ticked yet', tickable: true },
      ],
    },
    why: { expected: 'Alex Morgan', expectedKind: 'person', expectedId: 'alex@acme.test', rule: 'EMEA enterprise', matched: ['region is EMEA', 'segment is Enterprise'], reason: 'Rule "EMEA enterprise" matched.', agrees: true },
    transfer: {
      targets: [
        { id: 'u2', name: 'Priya Raman', kind: 'person' },
        { id: 'q1', name: 'Inbound SDR Queue', kind: 'queue' },
      ],
      notAllowed: null,
      blockedBy: ['Kick-off call booked with customer success', 'Signed order form attached'],
      canOverride: false,
    },
    sla: { label: 'First touch', dueAt: NOW + 3 * HOUR + 20 * MIN, breached: false },
    history: [
      { id: 'h1', recordKey: 'k', at: NOW - 3 * DAY, actor: 'Sam Ortiz', kind: 'owner', before: 'Jordan Lee', after: 'Alex Morgan', reason: 'Territory realignment Q1' },
      { id: 'h2', recordKey: 'k', at: NOW - 5 * DAY, actor: 'Priya Raman', kind: 'flag', after: 'Do not market until Apr 1' },
      { id: 'h3', recordKey: 'k', at: NOW - 40 * DAY, actor: 'CSV import', kind: 'import', after: 'Owner: Jordan Lee' },
    ],
    sync: { connected: true, online: true, lastSyncedAt: NOW - 2 * MIN, pending: 0 },
    ownerVersion: 3,
    viewerRole: 'rep',
    pending: [],
    problems: [],
    now: NOW,
    ...over,
  };
}

/** A record seen for the first time: nothing stored, no owner. */
export function unknownView(over: Partial<PanelView> = {}): PanelView {
  return {
    ref: { crm: 'hubspot', kind: 'contact', recordId: '51', objectType: '0-1' },
    known: false,
    name: 'Maria Castellanos',
    owner: null,
    supporting: [],
    reach: 'clear',
    outreach: [],
    doNotMarket: null,
    consent: [],
    warnings: [],
    checklist: null,
    sla: null,
    history: [],
    sync: { connected: false, online: true, pending: 0 },
    transfer: null,
    ownerVersion: 0,
    pending: [],
    problems: [],
    now: NOW,
    ...over,
  };
}

/** A caution record, offline with pending changes, an SLA already breached. */
export function offlineView(): PanelView {
  return richView({
    name: 'Contoso Ltd',
    lifecycleStage: 'Lead',
    owner: { id: 'q1', name: 'Inbound SDR Queue', kind: 'queue', role: 'queue', active: true, isViewer: false },
    crmOwner: undefined,
    supporting: [],
    reach: 'caution',
    outreach: [{ by: 'Dana Whitfield', mine: false, since: NOW - 20 * HOUR, until: NOW + 2 * DAY }],
    doNotMarket: null,
    consent: [{ channel: 'email', status: 'granted' }],
    warnings: [
      { code: 'sla-breached', severity: 'high', message: 'First touch is 2 hours overdue.', action: 'Call or email today.' },
    ],
    checklist: null,
    sla: { label: 'First touch', dueAt: NOW - 2 * HOUR, breached: true },
    sync: { connected: true, online: false, lastSyncedAt: NOW - 3 * HOUR, pending: 2 },
  });
}

export const STATES = {
  loading: { status: 'loading', ref: REF },
  ready: { status: 'ready', view: richView() },
  unknown: { status: 'ready', view: unknownView() },
  offline: { status: 'ready', view: offlineView() },
  error: {
    status: 'error',
    ref: REF,
    message: 'The team service did not answer (timed out after 10 s).',
    retryable: true,
  },
} satisfies Record<string, PanelState>;
