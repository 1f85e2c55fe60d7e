import { useEffect, useState } from 'preact/hooks';
import type { HealthFilters, HealthList, HealthRecordsReply, HealthReply, ReassignReply, ReassignRequest } from '../../lib/model/health';
import type { UserRole } from '../../lib/model/sync';
import { CRM_IDS } from '../../lib/model/crm-ids';
import { LineChart } from './LineChart';
import { LoadBars } from './LoadBars';
import { OffenderList } from './OffenderList';
import type { CrmLinks } from './record-url';
import './dashboard.css';

// The ownership health dashboard (issue 6): what is unhealthy at a glance, and the lists to fix it from.
// Props in, callbacks out; entrypoints/dashboard wires them to the background.

export interface DashboardApi {
  health(filters: HealthFilters): Promise<HealthReply>;
  list(filters: HealthFilters, list: HealthList): Promise<HealthRecordsReply>;
  reassign(request: ReassignRequest): Promise<ReassignReply>;
  /** Fetches the list as CSV and hands it to the browser as a download. */
  exportCsv(filters: HealthFilters, list: HealthList): Promise<void>;
}

export interface DashboardProps {
  api: DashboardApi;
  /** Who is signed in to the team service, if anyone. */
  viewer: { name: string; role: UserRole; team: string } | null;
  links: CrmLinks;
  onLinksChange(links: CrmLinks): void;
}

const LISTS: { id: HealthList; label: string }[] = [
  { id: 'unowned', label: 'No active owner' },
  { id: 'stale', label: 'Stale' },
  { id: 'misowned', label: 'Misowned' },
  { id: 'mismatch', label: 'Account/contact mismatch' },
  { id: 'overloaded', label: 'Over capacity' },
];

const pct = (share: number) => `${Math.round(share * 100)}%`;
const hours = (ms: number | null) => (ms === null ? '—' : ms < 3_600_000 ? `${Math.round(ms / 60_000)} min` : `${(ms / 3_600_000).toFixed(1)} h`);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function Tile({ label, value, detail, tone }: { label: string; value: string; detail: string; tone?: 'good' | 'warn' | 'bad' }) {
  return (
    <div class={`tile ${tone ?? ''}`}>
      <p class="tile-label">{label}</p>
      <p class="tile-value">{value}</p>
      <p class="tile-detail">{detail}</p>
    </div>
  );
}

export function Dashboard({ api, viewer, links, onLinksChange }: DashboardProps) {
  const [filters, setFilters] = useState<HealthFilters>({});
  const [health, setHealth] = useState<HealthReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [list, setList] = useState<HealthList>('unowned');
  const [listReply, setListReply] = useState<HealthRecordsReply | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [listLoading, setListLoading] = useState(false);
  const [linkDraft, setLinkDraft] = useState<CrmLinks>(links);

  const isAdmin = viewer?.role === 'admin';
  const blocked = !viewer ? 'Connect to your team service in the options first.' : isAdmin ? null : `Only admins can reassign in bulk; you are signed in as a ${viewer.role}.`;

  const loadHealth = async (f = filters) => {
    setLoading(true);
    try {
      setHealth(await api.health(f));
      setError(null);
    } catch (e) {
      setError(message(e));
    } finally {
      setLoading(false);
    }
  };
  const loadList = async (which = list, f = filters) => {
    setListLoading(true);
    try {
      setListReply(await api.list(f, which));
      setListError(null);
    } catch (e) {
      setListReply(null);
      setListError(message(e));
    } finally {
      setListLoading(false);
    }
  };
  useEffect(() => {
    if (!isAdmin) return;
    void loadHealth();
    void loadList();
  }, [isAdmin]);

  const applyFilters = (next: HealthFilters) => {
    setFilters(next);
    void loadHealth(next);
    void loadList(list, next);
  };
  const chooseList = (which: HealthList) => {
    setList(which);
    void loadList(which);
  };
  const reassign = async (recordKeys: string[], ownerId: string, reason: string) => {
    const reply = await api.reassign({ recordKeys, ownerId, reason });
    await Promise.all([loadHealth(), loadList()]);
    const owner = health?.owners.find((o) => o.id === ownerId)?.name ?? ownerId;
    return `Reassigned ${reply.changed} record${reply.changed === 1 ? '' : 's'} to ${owner}${reply.unchanged ? `; ${reply.unchanged} already had that owner` : ''}${reply.missing.length ? `; ${reply.missing.length} not found` : ''}. Panels show it after their next sync.`;
  };

  const counts: Record<HealthList, number | undefined> = health
    ? {
        unowned: health.coverage.total - health.coverage.activeOwned,
        stale: health.stale.count,
        misowned: health.misowned.evaluated ? health.misowned.count : undefined,
        mismatch: health.mismatch.count,
        overloaded: health.load.filter((l) => l.capacity !== null && l.records > l.capacity).reduce((n, l) => n + l.records, 0),
      }
    : { unowned: undefined, stale: undefined, misowned: undefined, mismatch: undefined, overloaded: undefined };

  return (
    <main class="dashboard">
      <header class="top">
        <div>
          <h1>Ownership health</h1>
          <p class="sub">
            {viewer ? `${viewer.team} · signed in as ${viewer.name} (${viewer.role})` : 'Not connected to a team service'}
            {health?.rulePack ? ` · rule pack "${health.rulePack.name}" v${health.rulePack.version}` : health ? ' · no rule pack published' : ''}
          </p>
        </div>
        <form class="filters" aria-label="Filters" onSubmit={(e) => { e.preventDefault(); applyFilters(filters); }}>
          <label>
            CRM
            <select value={filters.crm ?? ''} onChange={(e) => applyFilters({ ...filters, crm: ((e.target as HTMLSelectElement).value || undefined) as HealthFilters['crm'] })}>
              <option value="">All</option>
              {CRM_IDS.map((crm) => <option key={crm} value={crm}>{crm}</option>)}
            </select>
          </label>
          <label>
            Kind
            <select value={filters.kind ?? ''} onChange={(e) => applyFilters({ ...filters, kind: ((e.target as HTMLSelectElement).value || undefined) as HealthFilters['kind'] })}>
              <option value="">All</option>
              <option value="account">Accounts</option>
              <option value="contact">Contacts</option>
            </select>
          </label>
          <label>
            Owner
            <select value={filters.owner ?? ''} onChange={(e) => applyFilters({ ...filters, owner: (e.target as HTMLSelectElement).value || undefined })}>
              <option value="">Anyone</option>
              {health?.owners.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
          </label>
          <label>
            Stale after (days)
            <input type="number" min={1} max={3650} value={filters.staleDays ?? health?.stale.days ?? ''} onChange={(e) => {
              const value = Number((e.target as HTMLInputElement).value);
              applyFilters({ ...filters, staleDays: Number.isInteger(value) && value >= 1 && value <= 3650 ? value : undefined });
            }} />
          </label>
          <label title="The service stores no segment for records, so it cannot filter by one.">
            Segment
            <select disabled><option>Not stored</option></select>
          </label>
          <button type="button" class="secondary" onClick={() => applyFilters(filters)} disabled={!isAdmin || loading}>{loading ? 'Refreshing…' : 'Refresh'}</button>
        </form>
      </header>

      {!isAdmin && (
        <p class="notice" role="alert">
          {viewer ? `Ownership health is for admins; you are signed in as a ${viewer.role}. Ask an admin of ${viewer.team}.` : 'Connect to your team service in the Ownersight options first (Team service).'}
        </p>
      )}
      {error && <p class="error" role="alert">{error}</p>}

      {health && (
        <>
          <section class="tiles" aria-label="At a glance">
            <Tile label="Coverage" value={pct(health.coverage.activeShare)} detail={`${health.coverage.activeOwned} of ${health.coverage.total} with an active owner · ${pct(health.coverage.ownedShare)} with any owner`} tone={health.coverage.activeShare >= 0.95 ? 'good' : health.coverage.activeShare >= 0.85 ? 'warn' : 'bad'} />
            <Tile label="Stale" value={String(health.stale.count)} detail={`nothing happened for ${health.stale.days}+ days`} tone={health.stale.count === 0 ? 'good' : 'warn'} />
            <Tile label="Misowned" value={health.misowned.evaluated ? String(health.misowned.count) : '—'} detail={health.misowned.evaluated ? (health.misowned.byRule[0] ? `most against rule ${health.misowned.byRule[0].ruleId}` : 'owners match the rules') : 'no rule pack to judge by'} tone={health.misowned.count === 0 ? 'good' : 'bad'} />
            <Tile label="Account/contact mismatch" value={String(health.mismatch.count)} detail={`of ${health.mismatch.contactsLinked} contacts linked to an account`} tone={health.mismatch.count === 0 ? 'good' : 'warn'} />
            <Tile label="Time to first touch" value={hours(health.sla.medianMs)} detail={`median · p90 ${hours(health.sla.p90Ms)} · ${health.sla.breaches} late, ${health.sla.overdue} overdue (SLA ${health.sla.hours} h)`} tone={health.sla.breaches + health.sla.overdue === 0 ? 'good' : 'bad'} />
            <Tile label="Flags in force" value={String(health.flags.byType.reduce((n, f) => n + f.count, 0))} detail={`${health.flags.byType.map((f) => `${f.count} ${f.type === 'outreach' ? 'outreach' : 'do not market'}`).join(' · ')}${health.flags.byChannel.some((c) => c.count) ? ` (${health.flags.byChannel.filter((c) => c.count).map((c) => `${c.channel} ${c.count}`).join(', ')})` : ''}`} />
          </section>

          <section class="panels">
            <article class="card wide">
              <h2>Load per owner</h2>
              <LoadBars load={health.load} />
            </article>
            <article class="card">
              <h2>Coverage over time</h2>
              <LineChart
                title="Share of records with an owner"
                points={health.series.coverage.map((p) => ({ day: p.day, value: p.total ? p.share : null }))}
                format={pct}
                max={1}
                summary={`From ${pct(health.series.coverage[0]?.share ?? 0)} on ${health.series.coverage[0]?.day} to ${pct(health.series.coverage.at(-1)?.share ?? 0)} today.`}
              />
            </article>
            <article class="card">
              <h2>Time to first touch, daily median</h2>
              <LineChart
                title="Median time to first touch"
                points={health.series.sla.map((p) => ({ day: p.day, value: p.medianMs === null ? null : p.medianMs / 3_600_000 }))}
                format={(h) => `${h.toFixed(h < 10 ? 1 : 0)} h`}
                reference={{ value: health.sla.hours, label: `SLA ${health.sla.hours} h` }}
                summary={`${health.series.sla.reduce((n, p) => n + p.breaches, 0)} of ${health.series.sla.reduce((n, p) => n + p.measured, 0)} first touches in 30 days were later than the SLA.`}
              />
            </article>
            <article class="card">
              <h2>Reassignments, last 30 days</h2>
              <p class="big">{health.reassignments.total}</p>
              <ol class="reasons">
                {health.reassignments.reasons.map((r) => (
                  <li key={r.reason}><span>{r.reason}</span><span class="n">{r.count}</span></li>
                ))}
              </ol>
            </article>
          </section>
        </>
      )}

      {isAdmin && (
        <section class="card lists" aria-labelledby="lists-title">
          <h2 id="lists-title">Worst offenders</h2>
          <div class="tabs" role="tablist" aria-label="Lists">
            {LISTS.map((l) => (
              <button key={l.id} type="button" role="tab" aria-selected={list === l.id} class={list === l.id ? 'tab active' : 'tab'} onClick={() => chooseList(l.id)}>
                {l.label}
                {counts[l.id] !== undefined && <span class="badge">{counts[l.id]}</span>}
              </button>
            ))}
          </div>
          <OffenderList
            list={list}
            reply={listReply}
            loading={listLoading}
            error={listError}
            owners={health?.owners ?? []}
            links={links}
            reassignBlocked={blocked}
            onReassign={reassign}
            onExport={() => api.exportCsv(filters, list)}
          />
        </section>
      )}

      <section class="card settings">
        <details>
          <summary>CRM links</summary>
          <p>Record links need what a record id does not say. Give them once; they are kept in this browser.</p>
          <form onSubmit={(e) => { e.preventDefault(); onLinksChange(linkDraft); }}>
            <label>
              Salesforce org host
              <input type="text" placeholder="acme.lightning.force.com" value={linkDraft.salesforceHost ?? ''} onInput={(e) => setLinkDraft({ ...linkDraft, salesforceHost: (e.target as HTMLInputElement).value })} />
            </label>
            <label>
              HubSpot portal id
              <input type="text" inputMode="numeric" placeholder="4815162" value={linkDraft.hubspotPortal ?? ''} onInput={(e) => setLinkDraft({ ...linkDraft, hubspotPortal: (e.target as HTMLInputElement).value })} />
            </label>
            <button type="submit" class="secondary">Save links</button>
          </form>
        </details>
        {health && (
          <details>
            <summary>How these numbers are counted</summary>
            <ul>{health.notes.map((n) => <li key={n}>{n}</li>)}</ul>
          </details>
        )}
      </section>
    </main>
  );
}
