import type { HealthFilters, HealthReply } from '../../lib/model/health';
import type { Db } from '../db/db';
import { summarizeHealth, type HealthSummary } from './health-summary';

// GET /v1/health answered from memory while nothing changed (issue 6): an answer is kept per team and
// filters with the team's sync version and rule pack it was counted at. Every write takes a new team
// version (server/sync/team-version.ts) and a published pack has a new version, so a write makes the
// next call count again: no answer outlives the data it was counted from. The clock is the other input:
// until the answer's horizon, the records turning stale or overdue and the flags lapsing are known
// instants (HealthSummary.events), followed here; past it, the answer is counted again.

/** Answers kept per database: a dashboard's few filter combinations for a few dozen teams. */
export const HEALTH_CACHE_ENTRIES = 32;

interface Entry {
  stamp: string;
  summary: HealthSummary;
}

// Per Db object: two services in one process (tests, the bench) never share answers.
const caches = new WeakMap<Db, Map<string, Entry>>();

const STAMP_SQL = `SELECT tv.v, rp.version AS pack_version, rp.updated_at AS pack_at
  FROM team_version tv LEFT JOIN rulepacks rp ON rp.team_id = tv.team_id WHERE tv.team_id = $1`;

async function stampOf(sql: Pick<Db, 'query'>, teamId: string): Promise<string> {
  const [row] = await sql.query<{ v: number; pack_version: number | null; pack_at: number | null }>(STAMP_SQL, [teamId]);
  return row ? `${row.v}/${row.pack_version}/${row.pack_at}` : 'no team';
}

export async function healthReply(db: Db, teamId: string, filters: HealthFilters, now: number): Promise<HealthReply> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = JSON.stringify([teamId, filters.crm ?? null, filters.kind ?? null, filters.owner ?? null, filters.staleDays ?? null]);
  const stamp = await stampOf(db, teamId);
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp && hit.summary.now <= now && now < hit.summary.horizon) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return follow(hit.summary, now);
  }
  // The stamp is read again in the snapshot the numbers are counted in, so it names exactly their data.
  const entry = await db.transaction(async (tx) => ({ stamp: await stampOf(tx, teamId), summary: await summarizeHealth(tx, teamId, filters, now) }), 'repeatable read');
  cache.delete(key);
  cache.set(key, entry);
  while (cache.size > HEALTH_CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return follow(entry.summary, now);
}

/** How many of the sorted instants are before t. */
function before(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The summary's reply as counted at `now` (summary.now <= now < summary.horizon). */
export function follow(summary: HealthSummary, now: number): HealthReply {
  const { reply, events } = summary;
  if (now === summary.now) return reply;
  const lapsed = events.lapsing.slice(0, before(events.lapsing.map((f) => f.until), now + 1));
  return {
    ...reply,
    serverNow: now,
    stale: { ...reply.stale, count: reply.stale.count + before(events.stale, now) },
    sla: { ...reply.sla, overdue: reply.sla.overdue + before(events.overdue, now) },
    flags: {
      byType: reply.flags.byType.map((t) => ({ ...t, count: t.count - lapsed.filter((f) => f.type === t.type).length })),
      byChannel: reply.flags.byChannel.map((c) => ({ ...c, count: c.count - lapsed.filter((f) => f.type === 'do-not-market' && f.channels.includes(c.channel)).length })),
    },
  };
}
