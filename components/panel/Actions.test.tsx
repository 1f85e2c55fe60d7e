// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { RecordChange } from '../../lib/messaging/protocol';
import type { PanelView } from '../../lib/model/panel-view';
import { FlagActions } from './FlagActions';
import { richView } from './fixtures';
import { Handoff } from './Handoff';
import { testRoot } from '../test-root';

// The panel's controls: each one the viewer may not use is disabled with its reason; forms say what is
// wrong before anything is sent; a claim over someone else's asks first; a transfer waits for the checklist.

const root = testRoot();

const button = (name: string) => [...root().querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const click = (name: string) => act(() => button(name)!.click());
const submit = () => act(() => void root().querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true })));

function flags(view: PanelView) {
  const onChange = vi.fn<(change: RecordChange) => void>();
  render(<FlagActions view={view} onChange={onChange} />, root());
  return onChange;
}

describe('FlagActions', () => {
  it('a rep may claim but not set "do not market", and is told why', () => {
    flags(richView({ viewerRole: 'rep', outreach: [], doNotMarket: null }));
    expect(button('Claim outreach')!.disabled).toBe(false);
    expect(button('Do not market…')!.disabled).toBe(true);
    expect(root().textContent).toMatch(/Only marketers and admins can set "do not market"; you are signed in as a rep\./);
  });

  it('without a team connection, both are off with one reason', () => {
    flags(richView({ viewerRole: undefined, outreach: [], sync: { connected: false, online: true, pending: 0 } }));
    expect(button('Claim outreach')!.disabled).toBe(true);
    expect(root().querySelectorAll('.os-why')).toHaveLength(1);
    expect(root().textContent).toMatch(/Connect to your team service/);
  });

  it('a claim over someone else\'s asks first, and sends nothing until confirmed', async () => {
    const onChange = flags(richView({ viewerRole: 'rep', outreach: [{ by: 'Dana Whitfield', mine: false, since: 0 }] }));
    await click('Claim outreach');
    expect(root().textContent).toMatch(/Dana Whitfield is already reaching out/);
    expect(onChange).not.toHaveBeenCalled();
    await click('Claim anyway');
    expect(onChange).toHaveBeenCalledWith({ name: 'flag.outreach.claim', args: {} });
  });

  it('the do-not-market form refuses a missing reason, then sends date, reason and channels', async () => {
    const view = richView({ viewerRole: 'marketer', doNotMarket: null });
    const onChange = flags(view);
    await click('Do not market…');
    await submit();
    expect(root().querySelector('[role="alert"]')!.textContent).toMatch(/Say why/);
    expect(onChange).not.toHaveBeenCalled();
    const reason = root().querySelector<HTMLInputElement>('input[type="text"]')!;
    await act(() => {
      reason.value = 'Renewal talks';
      reason.dispatchEvent(new Event('input'));
    });
    await submit();
    expect(onChange).toHaveBeenCalledOnce();
    const change = onChange.mock.calls[0]![0];
    expect(change).toMatchObject({ name: 'flag.dnm.set', args: { reason: 'Renewal talks', channels: ['email'] } });
    expect(change.name === 'flag.dnm.set' && change.args.until).toBeGreaterThan(view.now);
  });

  it('the pack\'s maximum is enforced in the form', async () => {
    flags(richView({ viewerRole: 'marketer', doNotMarket: null, flagPolicy: { outreach: { defaultExpiryDays: 14, setBy: ['rep'] }, doNotMarket: { maxDays: 30, setBy: ['marketer'], channels: ['email', 'sms'] } } }));
    await click('Do not market…');
    expect(root().querySelector<HTMLInputElement>('input[type="date"]')!.max).not.toBe('');
    expect([...root().querySelectorAll('fieldset label')].map((l) => l.textContent)).toEqual(['Email', 'SMS']);
  });
});

describe('Handoff', () => {
  it('transfer stays off with the reason while items are open (not an admin), and a tick is sent as a change', async () => {
    const onChange = vi.fn<(change: RecordChange) => void>();
    const view = richView({ viewerRole: 'rep' });
    render(<Handoff view={view} onChange={onChange} />, root());
    expect(button('Transfer ownership…')!.disabled).toBe(true);
    expect(root().textContent).toMatch(/Complete the checklist first: 2 open items\./);
    const box = root().querySelector<HTMLInputElement>('input[type="checkbox"]:not(:checked)')!;
    await act(() => box.click());
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ name: 'checklist.item.set', args: expect.objectContaining({ done: true, from: 'Opportunity', to: 'Customer' }) }));
  });

  it('an admin may transfer past open items only with "Transfer anyway" and a reason; the reason names the handoff', async () => {
    const onChange = vi.fn<(change: RecordChange) => void>();
    const view = richView({ viewerRole: 'admin', transfer: { ...richView().transfer!, canOverride: true } });
    render(<Handoff view={view} onChange={onChange} />, root());
    await click('Transfer ownership…');
    const select = root().querySelector('select')!;
    await act(() => {
      select.value = 'u2';
      select.dispatchEvent(new Event('change'));
    });
    const reason = root().querySelector<HTMLInputElement>('form input[type="text"]')!;
    await act(() => {
      reason.value = 'Closed won';
      reason.dispatchEvent(new Event('input'));
    });
    await submit();
    expect(root().querySelector('[role="alert"]')!.textContent).toMatch(/Transfer anyway/);
    expect(onChange).not.toHaveBeenCalled();
    const override = [...root().querySelectorAll<HTMLInputElement>('form input[type="checkbox"]')].pop()!;
    await act(() => override.click());
    await submit();
    expect(onChange).toHaveBeenCalledWith({
      name: 'owner.set',
      args: { ownerId: 'u2', expectedVersion: 3, reason: 'Handoff Opportunity → Customer (checklist overridden with 2 open): Closed won' },
    });
  });
});
