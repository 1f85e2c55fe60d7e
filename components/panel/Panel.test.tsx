// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { PanelState } from '../../lib/model/panel-view';
import { NOW, offlineView, REF, richView, STATES, unknownView } from './fixtures';
import { Panel, type PanelProps } from './Panel';
import { testRoot } from '../test-root';

// Expected relative phrases in whatever locale the test runner has (the panel uses the default locale).
const rel = (n: number, unit: Intl.RelativeTimeFormatUnit) => new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(n, unit);

const root = testRoot();

function mount(state: PanelState, over: Partial<PanelProps> = {}) {
  const props: PanelProps = {
    state,
    collapsed: false,
    onToggle: vi.fn(),
    onRetry: vi.fn(),
    onSyncNow: vi.fn(),
    onOpenOptions: vi.fn(),
    onChange: vi.fn(),
    onResolve: vi.fn(),
    theme: 'light',
    ...over,
  };
  render(<Panel {...props} />, root());
  return props;
}
const text = () => root().textContent ?? '';
const button = (name: string | RegExp) =>
  [...root().querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? b.textContent?.trim() === name || b.getAttribute('aria-label') === name : name.test(b.textContent ?? ''),
  );

describe('Panel', () => {
  it('is a complementary landmark named "Ownership", with the theme on its root()', () => {
    mount(STATES.ready, { theme: 'dark' });
    const aside = root().querySelector('aside[aria-label="Ownership"]');
    expect(aside).not.toBeNull();
    expect(aside!.getAttribute('data-theme')).toBe('dark');
    expect(root().querySelector('[aria-live="polite"]')).not.toBeNull();
  });

  it('loading: a skeleton and a polite announcement, no spinner, no content', () => {
    mount(STATES.loading);
    expect(root().querySelector('.os-skeleton')).not.toBeNull();
    expect(root().querySelector('[aria-busy="true"]')).not.toBeNull();
    expect(root().querySelector('[aria-live="polite"]')!.textContent).toMatch(/Loading ownership/);
    expect(root().querySelector('[role="progressbar"]')).toBeNull();
  });

  it('ready: owner, reach-out status, flags, consent, checklist, SLA and sync', () => {
    const props = mount(STATES.ready);
    const t = text();
    expect(t).toContain('Northwind Traders International Holdings (EMEA)');
    expect(t).toContain('Opportunity');
    expect(t).toContain('Owner · Sales');
    expect(t).toContain('Do not reach out');
    expect(t).toContain('Dana Whitfield is reaching out');
    expect(t).toContain('You are reaching out');
    expect(t).toContain(`ends ${rel(3, 'day')}`);
    expect(t).toContain('Do not market');
    expect(t).toContain('Renewal negotiation under way');
    expect(t).toContain('Priya Raman');
    expect(t).toMatch(/Consent.*Email.*SMS.*withdrawn/);
    expect(t).toContain('4 of 6 done');
    expect(t).toContain('Signed order form attached');
    expect(t).toContain(`First touch due ${rel(3, 'hour')}`);
    expect(t).toContain(`Synced ${rel(-2, 'minute')}`);
    expect(t).toContain('In the CRM: Jordan Lee');
    button('Sync now')!.click();
    expect(props.onSyncNow).toHaveBeenCalledOnce();
  });

  it('expiry in words with the exact date in a title', () => {
    mount(STATES.ready);
    const ends = [...root().querySelectorAll('[title]')].find((el) => el.textContent === `ends ${rel(3, 'day')}`);
    expect(ends?.getAttribute('title')).toContain(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(NOW + 3 * 86_400_000));
  });

  it('says "You" for the viewer\'s own record, the name for anyone else', () => {
    mount(STATES.ready);
    const owner = root().querySelector('.os-owner-name')!;
    expect(owner.textContent).toContain('You');
    expect(owner.textContent).not.toContain('Alex Morgan');
    expect(owner.querySelector('[title]')!.getAttribute('title')).toBe('Alex Morgan (you)');

    const view = richView();
    mount({ status: 'ready', view: { ...view, owner: { ...view.owner!, isViewer: false } } });
    expect(root().querySelector('.os-owner-name')!.textContent).toContain('Alex Morgan');
    expect(root().querySelector('.os-owner-name')!.textContent).not.toContain('You');
  });

  it('sorts warnings most serious first, each with its action', () => {
    mount(STATES.ready);
    const items = [...root().querySelectorAll('.os-warning')];
    expect(items.map((li) => li.getAttribute('data-severity'))).toEqual(['high', 'medium', 'low']);
    expect(items[0]!.textContent).toContain('Serious: Supporting owner left the team');
    expect(items[0]!.textContent).toContain('Reassign Customer Success.');
  });

  it('no data yet: the "Unowned" warning in the owner slot, and how to connect', () => {
    const props = mount(STATES.unknown);
    const unowned = root().querySelector('[aria-label="Unowned"]');
    expect(unowned?.textContent).toContain('Unowned');
    expect(unowned?.textContent).toContain('No owner is recorded');
    expect(text()).toContain('Maria Castellanos');
    button('Connect to your team')!.click();
    expect(props.onOpenOptions).toHaveBeenCalledOnce();
    expect(button('Sync now')).toBeUndefined();
  });

  it('uses the background\'s own "unowned" warning once, not twice', () => {
    const view = unknownView({ warnings: [{ code: 'unowned', severity: 'high', message: 'Nobody owns this contact.', action: 'Claim it.' }] });
    mount({ status: 'ready', view });
    expect(text().split('Nobody owns this contact.').length).toBe(2);
    expect(root().querySelectorAll('.os-warning')).toHaveLength(0);
  });

  it('offline: cached data with its age, and pending changes', () => {
    mount({ status: 'ready', view: offlineView() });
    expect(text()).toContain(`Offline — showing data cached ${rel(-3, 'hour')}`);
    expect(text()).toContain('2 changes pending');
    expect(text()).toContain('Outreach in progress');
    expect(text()).toContain(`First touch breached ${rel(-2, 'hour')}`);
  });

  it('error: what failed, what to do, and Retry when retryable', () => {
    const props = mount(STATES.error);
    expect(text()).toContain('Couldn’t load ownership');
    expect(text()).toContain('The team service did not answer');
    expect(text()).toContain('try again');
    button(/Retry/)!.click();
    expect(props.onRetry).toHaveBeenCalledOnce();

    const p2 = mount({ status: 'error', ref: REF, message: 'Signed out of the team service.', retryable: false });
    expect(button(/Retry/)).toBeUndefined();
    button(/Open settings/)!.click();
    expect(p2.onOpenOptions).toHaveBeenCalledOnce();
  });

  it('collapsed: only the tab, with initials and a status in words', () => {
    const props = mount(STATES.ready, { collapsed: true });
    expect(root().querySelector('aside[aria-label="Ownership"]')).not.toBeNull();
    expect(root().querySelector('.os-panel')).toBeNull();
    const buttons = root().querySelectorAll('button');
    expect(buttons).toHaveLength(1);
    const tab = buttons[0]!;
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(tab.textContent).toContain('AM');
    expect(tab.getAttribute('aria-label')).toContain('owned by you');
    expect(tab.getAttribute('aria-label')).toContain('Do not reach out');
    expect(tab.querySelector('.os-dot')!.getAttribute('data-tone')).toBe('stop');
    tab.click();
    expect(props.onToggle).toHaveBeenCalledOnce();
  });

  it('Esc inside the panel collapses it and puts focus on the tab', () => {
    const onToggle = vi.fn();
    mount(STATES.ready, { onToggle });
    const sync = button('Sync now')!;
    sync.focus();
    const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    const pageHeard = vi.fn();
    document.addEventListener('keydown', pageHeard);
    sync.dispatchEvent(esc);
    document.removeEventListener('keydown', pageHeard);
    expect(onToggle).toHaveBeenCalledOnce();
    expect(pageHeard).not.toHaveBeenCalled();
    // The content script answers onToggle by rendering collapsed.
    mount(STATES.ready, { onToggle, collapsed: true });
    expect(document.activeElement).toBe(root().querySelector('.os-tab'));
  });

  it('never takes focus on mount', () => {
    const outside = document.body.appendChild(document.createElement('input'));
    outside.focus();
    mount(STATES.ready);
    mount(STATES.ready, { collapsed: true });
    mount(STATES.ready, { collapsed: false });
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it('history is one click away, collapsed at first', () => {
    mount(STATES.ready);
    const toggle = button(/History/)!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(text()).not.toContain('Territory realignment Q1');
    act(() => toggle.click());
    expect(root().querySelector('.os-history-list')?.textContent).toContain('Territory realignment Q1');
  });

  it('renders hostile CRM strings as text, never as markup', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const view = richView({
      name: evil,
      crmOwner: evil,
      lifecycleStage: evil,
      owner: { id: 'x', name: evil, kind: 'person', role: 'sales', active: true, isViewer: false },
      outreach: [{ by: evil, mine: false, since: NOW - 1000 }],
      warnings: [{ code: 'stale', severity: 'low', message: evil, action: evil }],
      history: [{ id: 'h', recordKey: 'k', at: NOW, actor: evil, kind: 'owner', before: evil, after: evil, reason: evil }],
    });
    mount({ status: 'ready', view });
    act(() => button(/History/)!.click());
    expect(root().querySelector('.os-history-list')).not.toBeNull();
    mount({ status: 'ready', view }, { collapsed: true });
    mount({ status: 'ready', view });
    expect(root().querySelector('img')).toBeNull();
    expect(text()).toContain(evil);
    expect(root().querySelector('.os-record [title]')!.getAttribute('title')).toBe(evil);
  });
});
