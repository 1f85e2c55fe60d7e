import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { dispatch, RequestError, type Handlers } from './dispatch';
import { PanelClientMessageSchema } from './protocol';
import { classifySender } from './sender';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id' };
const optionsPage: Browser.runtime.MessageSender = { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' };
const contentScript: Browser.runtime.MessageSender = {
  id: 'ext-id',
  url: 'https://acme.lightning.force.com/lightning/r/Account/001/view',
  tab: { id: 4 } as Browser.tabs.Tab,
};

const sfRef = { crm: 'salesforce', kind: 'account', recordId: '001Dn00000AbCdEIAV', objectType: 'Account' };

function handlers(): Handlers {
  return {
    'import.preview': vi.fn(async () => ({ format: null, records: 0, owners: 0, unowned: 0, skipped: 0, errors: [] })),
    'import.commit': vi.fn(async () => ({ format: null, records: 0, owners: 0, unowned: 0, skipped: 0, errors: [] })),
    'status.get': vi.fn(async () => ({ records: 1, owners: 1, viewer: undefined, customHosts: [], lastImportAt: undefined, sync: { connected: false, pending: 0, conflicts: 0 } })),
    'viewer.set': vi.fn(async ({ viewer }) => ({ viewer })),
    'hosts.add': vi.fn(async (p) => p),
    'hosts.remove': vi.fn(async () => ({ removed: true })),
    'panel.sync-now': vi.fn(async () => ({ started: false, reason: 'not connected' })),
    'options.open': vi.fn(async () => ({ opened: true as const })),
    'panel.load': vi.fn(async () => ({ loaded: true as const })),
    'sync.test': vi.fn(async () => ({ user: { email: 'a@b.c', name: 'A', role: 'rep' as const }, team: { id: 't', name: 'T' } })),
    'sync.connect': vi.fn(async () => ({ user: { email: 'a@b.c', name: 'A', role: 'rep' as const }, team: { id: 't', name: 'T' }, synced: true })),
    'sync.disconnect': vi.fn(async () => ({ disconnected: true as const })),
    'record.change': vi.fn(async () => ({ mutationId: 1 })),
    'conflict.resolve': vi.fn(async () => ({ resolved: true })),
    'health.get': vi.fn(async () => {
      throw new RequestError('not-connected', 'stub');
    }),
    'health.records': vi.fn(async () => ({ format: 'csv' as const, csv: '', filename: 'x.csv' })),
    'health.reassign': vi.fn(async () => ({ changed: 0, unchanged: 0, missing: [], version: null })),
    'rulepack.status': vi.fn(async () => ({ active: null, refusal: null, lastCheck: null, keysFrom: 'none' as const, keys: [], policy: { managed: false, problems: [] }, publish: { allowed: true as const } })),
    'rulepack.preview': vi.fn(async () => ({ signed: false, errors: [] })),
    'rulepack.publish': vi.fn(async () => ({ version: 1 })),
    'rulepack.key.pin': vi.fn(async () => ({ keyIds: [] })),
    'rulepack.key.unpin': vi.fn(async () => ({ removed: true })),
  };
}

describe('classifySender', () => {
  it('tells extension pages, content scripts and strangers apart', () => {
    expect(classifySender(optionsPage, self)).toBe('extension-page');
    expect(classifySender(contentScript, self)).toBe('content-script');
    expect(classifySender({ ...contentScript, id: 'other-extension' }, self)).toBe('untrusted');
    expect(classifySender(undefined, self)).toBe('untrusted');
    expect(classifySender({ id: 'ext-id' }, self)).toBe('untrusted');
    // A page cannot become an extension page by putting our origin in its path or query.
    expect(classifySender({ ...contentScript, url: 'https://evil.example/chrome-extension://ext-id/options.html' }, self)).toBe('content-script');
    expect(classifySender({ id: 'ext-id', url: 'chrome-extension://ext-id-evil/options.html' }, self)).toBe('untrusted');
    // A frame with no tab and a web URL is not a content script we know of.
    expect(classifySender({ id: 'ext-id', url: 'https://example.com/' }, self)).toBe('untrusted');
  });
});

describe('dispatch', () => {
  it('runs a valid request from an allowed sender', async () => {
    const h = handlers();
    const reply = await dispatch({ route: 'viewer.set', payload: { viewer: ' me@example.com ' } }, optionsPage, self, h);
    expect(reply).toEqual({ ok: true, value: { viewer: 'me@example.com' } });
  });

  it('refuses a content script that asks for an options-page route, without running it', async () => {
    const h = handlers();
    const reply = await dispatch({ route: 'import.commit', payload: { csv: 'x' } }, contentScript, self, h);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(h['import.commit']).not.toHaveBeenCalled();
  });

  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['no route', { payload: {} }],
    ['extra envelope field', { route: 'status.get', payload: {}, admin: true }],
    ['unknown route', { route: 'db.drop', payload: {} }],
    ['prototype route', { route: '__proto__', payload: {} }],
    ['constructor route', { route: 'constructor', payload: {} }],
    ['extra payload field', { route: 'viewer.set', payload: { viewer: 'a', role: 'admin' } }],
    ['wrong payload type', { route: 'viewer.set', payload: { viewer: 42 } }],
    ['huge string', { route: 'viewer.set', payload: { viewer: 'x'.repeat(10_000) } }],
    ['unknown CRM', { route: 'hosts.add', payload: { origin: 'https://crm.example.com', crm: 'myspace' } }],
    ['missing payload', { route: 'hosts.remove' }],
    ['change smuggling its own record key', { route: 'record.change', payload: { ref: sfRef, facts: {}, change: { name: 'flag.outreach.release', args: { recordKey: 'salesforce:account:other' } } } }],
    ['change with an unknown name', { route: 'record.change', payload: { ref: sfRef, facts: {}, change: { name: 'owner.delete-all', args: {} } } }],
    ['do-not-market with no channel', { route: 'record.change', payload: { ref: sfRef, facts: {}, change: { name: 'flag.dnm.set', args: { until: 1, reason: 'x', channels: [] } } } }],
    ['do-not-market with a made-up channel', { route: 'record.change', payload: { ref: sfRef, facts: {}, change: { name: 'flag.dnm.set', args: { until: 1, reason: 'x', channels: ['fax'] } } } }],
    ['owner change without a reason', { route: 'record.change', payload: { ref: sfRef, facts: {}, change: { name: 'owner.set', args: { ownerId: 'x', expectedVersion: 0, reason: '   ' } } } }],
    ['conflict id that is not a number', { route: 'conflict.resolve', payload: { mutationId: '1; drop', choice: 'mine' } }],
    ['bulk reassignment without a reason', { route: 'health.reassign', payload: { recordKeys: ['salesforce:account:1'], ownerId: 'x', reason: ' ' } }],
    ['bulk reassignment of 1,001 records', { route: 'health.reassign', payload: { recordKeys: Array.from({ length: 1001 }, (_, i) => `k${i}`), ownerId: 'x', reason: 'y' } }],
    ['health list with a made-up name', { route: 'health.records', payload: { list: 'everyone', format: 'json' } }],
    ['connect with a token field of 1 MB', { route: 'sync.connect', payload: { serverUrl: 'https://x', token: 't'.repeat(1_000_000) } }],
    ['rule pack over 1 MB', { route: 'rulepack.preview', payload: { text: 'x'.repeat(1024 * 1024 + 1) } }],
    ['unpin with a key id that is not one', { route: 'rulepack.key.unpin', payload: { keyId: '../../etc' } }],
  ])('refuses a hostile message (%s) with a clear error', async (_, message) => {
    const h = handlers();
    const reply = await dispatch(message, optionsPage, self, h);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message.length).toBeGreaterThan(5);
    for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
  });

  it('lets the panel ask for a change, but never for the token routes', async () => {
    const h = handlers();
    const change = { ref: sfRef, facts: { name: 'Acme' }, change: { name: 'flag.outreach.claim', args: {} } };
    expect(await dispatch({ route: 'record.change', payload: change }, contentScript, self, h)).toEqual({ ok: true, value: { mutationId: 1 } });
    for (const route of ['sync.connect', 'sync.test', 'sync.disconnect', 'status.get', 'health.get']) {
      const reply = await dispatch({ route, payload: route.startsWith('sync.') && route !== 'sync.disconnect' ? { serverUrl: 'https://x', token: 'y' } : {} }, contentScript, self, h);
      expect(reply, route).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('keeps every rule-pack route (pinned keys, preview, publish) away from content scripts', async () => {
    const h = handlers();
    const calls = [
      { route: 'rulepack.status', payload: {} },
      { route: 'rulepack.preview', payload: { text: '{}' } },
      { route: 'rulepack.publish', payload: { text: '{}' } },
      { route: 'rulepack.key.pin', payload: { text: '{}' } },
      { route: 'rulepack.key.unpin', payload: { keyId: '0123456789abcdef' } },
    ];
    for (const call of calls) {
      expect(await dispatch(call, contentScript, self, h), call.route).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect((await dispatch(call, optionsPage, self, h)).ok, call.route).toBe(true);
    }
  });

  it('serialises handler errors for the caller', async () => {
    const h = handlers();
    h['hosts.add'] = async () => {
      throw new RequestError('bad-origin', 'Not an https origin');
    };
    const reply = await dispatch({ route: 'hosts.add', payload: { origin: 'ftp://x', crm: 'odoo' } }, optionsPage, self, h);
    expect(reply).toEqual({ ok: false, error: { code: 'bad-origin', message: 'Not an https origin' } });
  });
});

describe('panel port messages', () => {
  const ref = { crm: 'salesforce', kind: 'account', recordId: '001Dn00000AbCdEIAV', objectType: 'Account' };
  it('accepts a watch with a valid ref and facts', () => {
    expect(PanelClientMessageSchema.safeParse({ type: 'watch', ref, facts: { name: 'Acme' } }).success).toBe(true);
  });
  it.each([
    { type: 'watch', ref: { ...ref, crm: 'evil' }, facts: {} },
    { type: 'watch', ref: { ...ref, kind: 'deal' }, facts: {} },
    { type: 'watch', ref: { ...ref, recordId: '' }, facts: {} },
    { type: 'watch', ref, facts: { name: 'x'.repeat(5000) } },
    { type: 'watch', ref, facts: { script: '<img onerror>' } },
    { type: 'facts' },
    { type: 'sudo' },
  ])('refuses %j', (message) => {
    expect(PanelClientMessageSchema.safeParse(message).success).toBe(false);
  });
});
