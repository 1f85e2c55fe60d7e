// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { StatusReply } from '../../lib/messaging/protocol';
import { Popup } from './Popup';
import { testRoot } from '../test-root';

const root = testRoot();

const base: StatusReply = { records: 3, owners: 2, viewer: undefined, customHosts: [], lastImportAt: undefined, sync: { connected: false, pending: 0, conflicts: 0 } };
const button = (name: string) => [...root().querySelectorAll('button')].find((b) => b.textContent === name);

describe('Popup', () => {
  it('offers to connect when there is no team, and says why the dashboard is off', async () => {
    const openOptions = vi.fn();
    render(<Popup status={async () => base} syncNow={vi.fn()} openOptions={openOptions} openDashboard={vi.fn()} />, root());
    await vi.waitFor(() => expect(root().textContent).toMatch(/Not connected to a team service/));
    expect(button('Sync now')).toBeUndefined();
    expect(button('Ownership health')?.disabled).toBe(true);
    expect(root().textContent).toMatch(/for your team's admins/);
    button('Connect…')!.click();
    expect(openOptions).toHaveBeenCalledOnce();
  });

  it('shows an admin the team, pending changes, Sync now and the dashboard', async () => {
    const status: StatusReply = { ...base, sync: { connected: true, pending: 2, conflicts: 1, user: { email: 'dana@acme.test', name: 'Dana', role: 'admin' }, team: { id: 't', name: 'Acme' } } };
    const syncNow = vi.fn(async () => ({ started: true }));
    const openDashboard = vi.fn();
    render(<Popup status={async () => status} syncNow={syncNow} openOptions={vi.fn()} openDashboard={openDashboard} />, root());
    await vi.waitFor(() => expect(root().textContent).toMatch(/Acme, as Dana/));
    expect(root().textContent).toMatch(/2 changes waiting to be sent. 1 needs your attention/);
    button('Ownership health')!.click();
    expect(openDashboard).toHaveBeenCalledOnce();
    button('Sync now')!.click();
    await vi.waitFor(() => expect(root().textContent).toMatch(/Synced\./));
    expect(syncNow).toHaveBeenCalledOnce();
  });
});
