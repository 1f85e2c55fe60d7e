import { render } from 'preact';
import { Dashboard, type DashboardApi } from '../../components/dashboard/Dashboard';
import type { CrmLinks } from '../../components/dashboard/record-url';
import { request } from '../../lib/messaging/client';

// Wiring only: the view is components/dashboard; the background holds the token and calls the service.
const LINKS_KEY = 'ownersight.dashboard.links';

function readLinks(): CrmLinks {
  try {
    const value = JSON.parse(localStorage.getItem(LINKS_KEY) ?? '{}') as Record<string, unknown>;
    return {
      ...(typeof value.salesforceHost === 'string' ? { salesforceHost: value.salesforceHost } : {}),
      ...(typeof value.hubspotPortal === 'string' ? { hubspotPortal: value.hubspotPortal } : {}),
    };
  } catch {
    return {};
  }
}

function download(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const api: DashboardApi = {
  health: (filters) => request('health.get', filters),
  async list(filters, list) {
    const answer = await request('health.records', { ...filters, list, format: 'json' });
    if (answer.format !== 'json') throw new Error('The extension answered with a file instead of a list.');
    return answer.reply;
  },
  reassign: (body) => request('health.reassign', body),
  async exportCsv(filters, list) {
    const answer = await request('health.records', { ...filters, list, format: 'csv' });
    if (answer.format !== 'csv') throw new Error('The extension answered with a list instead of a file.');
    download(answer.csv, answer.filename);
  },
};

async function start(): Promise<void> {
  const root = document.getElementById('app')!;
  const status = await request('status.get', {}).catch(() => null);
  const sync = status?.sync;
  const viewer = sync?.user && sync.team ? { name: sync.user.name, role: sync.user.role, team: sync.team.name } : null;
  const draw = (links: CrmLinks) =>
    render(
      <Dashboard
        api={api}
        viewer={viewer}
        links={links}
        onLinksChange={(next) => {
          localStorage.setItem(LINKS_KEY, JSON.stringify(next));
          draw(next);
        }}
      />,
      root,
    );
  draw(readLinks());
}

void start();
