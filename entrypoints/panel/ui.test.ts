// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { REF, richView } from '../../components/panel/fixtures';
import type { PanelState } from '../../lib/model/panel-view';
import type { PanelActions } from '../content/panel-handle';
import { HOST_TAG, PanelUi } from './ui';

// The panel's life across a record switch in one tab: the previous record's panel stays until the new
// answer (one render per navigation, bench/RESULTS.md 7), and nothing clicked in it reaches the new record.

const OTHER = { ...REF, recordId: '001Dn00000ZzZzZIAV' };
const ready = (name: string, ref = REF): PanelState => ({ status: 'ready', view: richView({ ref, name }) });
const root = () => document.querySelector(HOST_TAG)!.shadowRoot!;
const text = () => root().textContent ?? '';
const button = (label: string) => [...root().querySelectorAll('button')].find((b) => b.textContent?.trim() === label);

describe('PanelUi across a record switch', () => {
  let ctx: ContentScriptContext;
  let actions: { [K in keyof PanelActions]: ReturnType<typeof vi.fn> };

  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    ctx = new ContentScriptContext('panel-test');
    actions = { onRetry: vi.fn(), onSyncNow: vi.fn(), onOpenOptions: vi.fn(), onChange: vi.fn(), onResolve: vi.fn() };
  });
  afterEach(() => {
    ctx.abort();
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('keeps the previous panel, with its actions off, until the next record answers', async () => {
    const ui = new PanelUi(ctx, actions as unknown as PanelActions);
    await ui.show('a', ready('Northwind'));
    button('Sync now')!.click();
    expect(actions.onSyncNow).toHaveBeenCalledTimes(1);

    await ui.show('b', { status: 'loading', ref: OTHER });
    ui.update({ status: 'loading', ref: OTHER });
    expect(text()).toContain('Northwind');
    expect(root().querySelector('.os-skeleton')).toBeNull();
    button('Sync now')!.click();
    expect(actions.onSyncNow).toHaveBeenCalledTimes(1);
    expect(document.querySelector(HOST_TAG)!.getAttribute('data-ownersight-record')).toBe('a');

    ui.update(ready('Contoso', OTHER));
    expect(text()).toContain('Contoso');
    expect(document.querySelector(HOST_TAG)!.getAttribute('data-ownersight-record')).toBe('b');
    button('Sync now')!.click();
    expect(actions.onSyncNow).toHaveBeenCalledTimes(2);
  });

  it('shows the skeleton when the answer is slow', async () => {
    const ui = new PanelUi(ctx, actions as unknown as PanelActions);
    await ui.show('a', ready('Northwind'));
    await ui.show('b', { status: 'loading', ref: OTHER });
    vi.advanceTimersByTime(149);
    expect(root().querySelector('.os-skeleton')).toBeNull();
    vi.advanceTimersByTime(1);
    expect(root().querySelector('.os-skeleton')).not.toBeNull();
    expect(text()).not.toContain('Northwind');
  });

  it('on the first record of the tab, shows the answer without a skeleton first, or the skeleton when it is slow', async () => {
    const ui = new PanelUi(ctx, actions as unknown as PanelActions);
    await ui.show('a', { status: 'loading', ref: REF });
    expect(document.querySelector(HOST_TAG)).not.toBeNull();
    expect(root().querySelector('.os-skeleton')).toBeNull();
    ui.update(ready('Northwind'));
    expect(text()).toContain('Northwind');

    ui.remove();
    const slow = new PanelUi(ctx, actions as unknown as PanelActions);
    await slow.show('b', { status: 'loading', ref: OTHER });
    // The collapsed choice read from storage meanwhile does not bring the skeleton early.
    await fakeBrowser.storage.local.set({ panelCollapsed: false });
    await Promise.resolve();
    expect(root().querySelector('.os-skeleton')).toBeNull();
    vi.advanceTimersByTime(150);
    expect(root().querySelector('.os-skeleton')).not.toBeNull();
  });
});
