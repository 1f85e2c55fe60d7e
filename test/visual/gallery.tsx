// The panel in every state, light and dark, each beside a fake CRM record page. Built and shot by
// screenshot.ts; open test-results/panel-gallery/index.html to click through it by hand.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { PanelState } from '../../lib/model/panel-view';
import { Panel } from '../../components/panel/Panel';
import { NOW, richView, STATES } from '../../components/panel/fixtures';
import panelCss from '../../components/panel/panel.css?inline';

type Theme = 'light' | 'dark';

const clearView = richView({
  name: 'Fabrikam Robotics GmbH',
  lifecycleStage: 'Customer',
  owner: { id: 't2', name: 'DACH Customer Success', kind: 'team', role: 'success', active: true, isViewer: false },
  crmOwner: undefined,
  supporting: [{ id: 'u4', name: 'Lukas Baumgärtner-Schmidt', kind: 'person', role: 'sales', active: false }],
  reach: 'clear',
  outreach: [],
  doNotMarket: null,
  consent: [
    { channel: 'email', status: 'granted' },
    { channel: 'calls', status: 'granted' },
  ],
  warnings: [],
  checklist: { from: 'Customer', to: 'Renewal', done: 1, total: 1, openItems: [], items: [{ id: 'qbr', label: 'QBR held', done: true, why: 'ticked', tickable: true }] },
  sla: { label: 'First touch', dueAt: NOW - 2 * 86_400_000, touchedAt: NOW - 2 * 86_400_000 - 3_600_000, breached: false },
  sync: { connected: true, online: true, lastSyncedAt: NOW - 40_000, pending: 3 },
});

const hostile = richView({
  name: '<img src=x onerror=alert(1)>',
  owner: { id: 'x', name: '<script>alert(1)</script> Evil Owner With A Very Long Name Indeed', kind: 'person', role: 'other', active: true, isViewer: false },
});

export const CASES: { id: string; title: string; state: PanelState; collapsed?: boolean }[] = [
  { id: 'ready', title: 'Ready: stop, two outreach claims, do-not-market, warnings, checklist, SLA', state: STATES.ready },
  { id: 'offline', title: 'Offline with 2 pending changes, caution, queue owner, SLA breached', state: STATES.offline },
  { id: 'clear', title: 'Clear, team owner, checklist done, SLA met, syncing 3 changes', state: { status: 'ready', view: clearView } },
  { id: 'unknown', title: 'No data yet (known: false), not connected', state: STATES.unknown },
  { id: 'loading', title: 'Loading', state: STATES.loading },
  { id: 'error', title: 'Error (retryable)', state: STATES.error },
  { id: 'hostile', title: 'Hostile CRM strings', state: { status: 'ready', view: hostile } },
  { id: 'collapsed', title: 'Collapsed tab (stop)', state: STATES.ready, collapsed: true },
  { id: 'collapsed-unknown', title: 'Collapsed tab (unowned)', state: STATES.unknown, collapsed: true },
];

function Live({ state, theme, startCollapsed }: { state: PanelState; theme: Theme; startCollapsed: boolean }) {
  const [collapsed, setCollapsed] = useState(startCollapsed);
  const log = (what: string) => () => console.log(`[gallery] ${what}`);
  return (
    <Panel
      state={state}
      theme={theme}
      collapsed={collapsed}
      onToggle={() => setCollapsed((c) => !c)}
      onRetry={log('retry')}
      onSyncNow={log('sync now')}
      onOpenOptions={log('open options')}
      onChange={log('change')}
      onResolve={log('resolve')}
    />
  );
}

/** A CRM record page in grey boxes, so the panel is judged where it lives. */
function FakeCrm() {
  const lines = (n: number) =>
    Array.from({ length: n }, (_, i) => <div class="crm-line" style={{ width: `${45 + ((i * 37) % 50)}%` }} />);
  return (
    <div class="crm">
      <div class="crm-nav">
        <span class="crm-logo" />
        <span class="crm-tab">Home</span>
        <span class="crm-tab crm-tab-on">Accounts</span>
        <span class="crm-tab">Contacts</span>
        <span class="crm-tab">Opportunities</span>
      </div>
      <div class="crm-head">
        <span class="crm-icon" />
        <div>
          <div class="crm-kicker">Account</div>
          <div class="crm-title">Northwind Traders International Holdings</div>
        </div>
        <span class="crm-btn">Edit</span>
        <span class="crm-btn">New Contact</span>
      </div>
      <div class="crm-cols">
        <div class="crm-card">{lines(9)}</div>
        <div class="crm-card">{lines(6)}</div>
      </div>
    </div>
  );
}

function mount(theme: Theme) {
  document.body.dataset.theme = theme;
  const root = document.getElementById('gallery')!;
  for (const c of CASES) {
    const cell = document.createElement('section');
    cell.className = 'cell';
    cell.dataset.cell = `${c.id}-${theme}`;
    cell.innerHTML = `<h1 class="cell-title"></h1><div class="frame"></div>`;
    cell.querySelector('h1')!.textContent = `${c.title} — ${theme}`;
    root.append(cell);
    const frame = cell.querySelector<HTMLElement>('.frame')!;
    render(<FakeCrm />, frame.appendChild(document.createElement('div')));
    // As the content script does: a shadow root holding the stylesheet string and the panel.
    const host = frame.appendChild(document.createElement('ownersight-panel'));
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = panelCss;
    shadow.append(style);
    render(<Live state={c.state} theme={theme} startCollapsed={!!c.collapsed} />, shadow.appendChild(document.createElement('div')));
  }
}

mount((new URLSearchParams(location.search).get('theme') as Theme) ?? 'light');
