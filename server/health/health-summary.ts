import type { HealthFilters, HealthReply } from '../../lib/model/health';
import { CHANNELS, FLAG_TYPES, type Channel, type Flag } from '../../lib/model/ownership';
import type { Sql } from '../db/db';
import { readPack, windowStart, type HealthData, type HealthOwnerRow, type HealthRecordRow } from './health-data';
import { assembleReply, reasonOf, seriesDays, staleDaysFor, type HealthCounts } from './health-numbers';
import { DAY_MS, expectationsOf, ownerDirectory, slaLimitsOf } from './record-health';
import { utcDay } from './series';

// The health numbers counted by the database (issue 6): aggregates over the team's rows instead of every
// row shipped to TypeScript, so 100,000 records cost a few scans. The rules still run in TypeScript, once
// per distinct combination of the facts they read. Every number must equal buildHealthReply's (the
// reference, over rows): health-summary.test.ts holds them side by side.

/** What moves with the clock alone between `now` and `horizon`: thresholds, so a cached reply can follow. */
export interface ClockEvents {
  /** Instants x: a record counts as stale at t once x < t. Sorted. */
  stale: number[];
  /** Instants x: an untouched record counts as overdue at t once x < t. Sorted. */
  overdue: number[];
  /** Flags in force now that lapse at `until` (not in force at t once until <= t). Sorted by until. */
  lapsing: { until: number; type: Flag['type']; channels: Channel[] }[];
}

export interface HealthSummary {
  reply: HealthReply;
  /** The moment of counting. */
  now: number;
  /**
   * Until then (excluded) only `events` change the numbers: the next UTC midnight (the series windows
   * move), or the first history entry dated after now (it enters the series and reassignments).
   */
  horizon: number;
  events: ClockEvents;
}

/** The part after an email's last @; '' without one. */
const emailDomainSql = (column: string) => `CASE WHEN position('@' in ${column}) > 0 THEN right(${column}, position('@' in reverse(${column})) - 1) ELSE '' END`;
/**
 * Counts the numbers of one team for `filters`, inside the caller's (repeatable read) transaction.
 * Parameters: $1 team, $2 crm, $3 kind, $4 owner, then what each query needs (every one it passes is used:
 * PostgreSQL cannot type a parameter it never sees).
 */
export async function summarizeHealth(tx: Sql, teamId: string, filters: HealthFilters, now: number): Promise<HealthSummary> {
  const base = [teamId, filters.crm ?? null, filters.kind ?? null, filters.owner ?? null];
  const filtered = (alias: string) =>
    `${alias}.team_id = $1 AND ($2::text IS NULL OR ${alias}.crm = $2) AND ($3::text IS NULL OR ${alias}.kind = $3) AND ($4::text IS NULL OR ${alias}.owner_id = $4)`;
  const since = windowStart(now);
  const nextMidnight = (Math.floor(now / DAY_MS) + 1) * DAY_MS;

  // Hash and merge joins only: PGlite has no autovacuum, so tables often have no statistics, and the
  // planner then takes 100,000 rows for a handful and loops over them (seconds instead of milliseconds).
  await tx.query('SET LOCAL enable_nestloop = off');
  const stored = await tx.query<{ version: number; body: string }>('SELECT version, body FROM rulepacks WHERE team_id = $1', [teamId]);
  const read = readPack(stored[0]?.body);
  const pack: HealthData['pack'] = read.ok && read.pack ? { version: stored[0]!.version, pack: read.pack } : null;
  const owners = await tx.query<HealthOwnerRow>('SELECT id, name, kind, active FROM owners WHERE team_id = $1 ORDER BY id', [teamId]);
  const staleDays = staleDaysFor({ pack }, filters.staleDays);
  const staleMs = staleDays * DAY_MS;
  const [future] = await tx.query<{ at: number | null }>('SELECT min(at) AS at FROM history WHERE team_id = $1 AND at > $2', [teamId, now]);
  const horizon = Math.min(nextMidnight, future?.at ?? Infinity);

  // Records by the facts rules can read and by owner: coverage, load, stale and misowned from one scan.
  const rules = pack?.pack;
  const byDomain = !!rules && (rules.rules.some((r) => r.when.emailDomain) || !!rules.slas?.some((s) => s.when?.emailDomain));
  const facts = `r.crm, r.kind, coalesce(r.object_type, '') AS object_type, coalesce(r.lifecycle_stage, '') AS stage, ${
    byDomain ? `${emailDomainSql('coalesce(r.email, \'\')')} AS email_domain, coalesce(r.domain, '')` : `'' AS email_domain, ''`
  } AS domain`;
  const groups = await tx.query<{ crm: HealthRecordRow['crm']; kind: HealthRecordRow['kind']; object_type: string; stage: string; email_domain: string; domain: string; owner_id: string | null; n: number; stale: number }>(
    `SELECT ${facts}, r.owner_id, count(*) AS n,
       count(*) FILTER (WHERE coalesce(greatest(r.last_activity_at, r.first_touch_at, r.assigned_at), r.updated_at) < $5 - $6::bigint) AS stale
     FROM records r WHERE ${filtered('r')} GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    [...base, now, staleMs],
  );
  const row = (g: (typeof groups)[number]): HealthRecordRow => ({
    key: '', crm: g.crm, kind: g.kind, recordId: '', objectType: g.object_type || null, name: null, email: g.email_domain ? `@${g.email_domain}` : null,
    domain: g.domain || null, ownerId: g.owner_id, lifecycleStage: g.stage || null, assignedAt: null, firstTouchAt: null, lastActivityAt: null, updatedAt: 0,
  });
  const directory = ownerDirectory(owners);
  const expect = rules ? expectationsOf(rules) : null;
  const limitOf = slaLimitsOf(rules ?? null);
  const held = new Map<string, number>();
  const misownedByRule = new Map<string, number>();
  const limits = new Map<string, { g: (typeof groups)[number]; limit: number }>();
  let total = 0;
  let owned = 0;
  let activeOwned = 0;
  let stale = 0;
  let misowned = 0;
  for (const g of groups) {
    total += g.n;
    stale += g.stale;
    if (g.owner_id === null) continue;
    owned += g.n;
    if (directory.isActive(g.owner_id)) activeOwned += g.n;
    held.set(g.owner_id, (held.get(g.owner_id) ?? 0) + g.n);
    const facts = row(g);
    limits.set([g.crm, g.kind, g.object_type, g.stage, g.email_domain, g.domain].join('\u0000'), { g, limit: limitOf(facts) });
    const e = expect?.(facts);
    if (!e || e.accepted.has(g.owner_id)) continue;
    misowned += g.n;
    misownedByRule.set(e.ruleId, (misownedByRule.get(e.ruleId) ?? 0) + g.n);
  }

  // SLA: one limit for every record (the usual pack) is a constant; several join a table of fact groups.
  const distinct = new Set([...limits.values()].map((l) => l.limit));
  const single = distinct.size <= 1;
  const limitTable = single
    ? ''
    : `JOIN jsonb_to_recordset($6::jsonb) AS l(crm text, kind text, object_type text, stage text, email_domain text, domain text, ms bigint)
         ON (l.crm, l.kind, l.object_type, l.stage, l.email_domain, l.domain) = (f.crm, f.kind, f.object_type, f.stage, f.email_domain, f.domain)`;
  const limitParam = single
    ? [...distinct][0] ?? 0
    : JSON.stringify([...limits.values()].map(({ g, limit }) => ({ crm: g.crm, kind: g.kind, object_type: g.object_type, stage: g.stage, email_domain: g.email_domain, domain: g.domain, ms: limit })));
  const timed = `SELECT f.*, ${single ? '$6::bigint' : 'l.ms'} AS ms,
       CASE WHEN f.first_touch_at >= f.assigned_at THEN f.first_touch_at - f.assigned_at END AS ttf
     FROM (SELECT ${facts}, r.assigned_at, r.first_touch_at FROM records r WHERE ${filtered('r')} AND r.owner_id IS NOT NULL AND r.assigned_at IS NOT NULL) f ${limitTable}`;
  const slaRows = await tx.query<{ day: number | null; whole: number; measured: number; median: number | null; p90: number | null; breaches: number; overdue: number }>(
    `SELECT s.first_touch_at / ${DAY_MS} AS day, grouping(s.first_touch_at / ${DAY_MS}) AS whole, count(s.ttf) AS measured,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY s.ttf) AS median, percentile_disc(0.9) WITHIN GROUP (ORDER BY s.ttf) AS p90,
       count(*) FILTER (WHERE s.ttf > s.ms) AS breaches, count(*) FILTER (WHERE s.first_touch_at IS NULL AND $5 - s.assigned_at > s.ms) AS overdue
     FROM (${timed}) s
     GROUP BY GROUPING SETS ((), (s.first_touch_at / ${DAY_MS}))`,
    [...base, now, limitParam],
  );
  const overdueSoon = await tx.query<{ at: number }>(
    `SELECT s.assigned_at + s.ms AS at FROM (${timed}) s WHERE s.first_touch_at IS NULL AND s.assigned_at + s.ms >= $5 AND s.assigned_at + s.ms < $7 ORDER BY 1`,
    [...base, now, limitParam, horizon],
  );
  const staleSoon = await tx.query<{ at: number }>(
    `SELECT t + $6::bigint AS at FROM (SELECT coalesce(greatest(r.last_activity_at, r.first_touch_at, r.assigned_at), r.updated_at) AS t FROM records r WHERE ${filtered('r')}) s
     WHERE t >= $5 - $6::bigint AND t < $7 - $6::bigint ORDER BY 1`,
    [...base, now, staleMs, horizon],
  );
  const whole = slaRows.find((s) => s.whole === 1);
  const windowDays = new Map(slaRows.filter((s) => s.whole === 0 && s.day !== null).map((s) => [utcDay(s.day! * DAY_MS), s]));

  // Account/contact mismatch: contacts joined to the accounts of their CRM at their email's domain
  // (records.match_domain, migration 003: identityDomain (lib/model/identity.ts) of the web or email domain, kept with the row).
  const [mismatch] = await tx.query<{ linked: number; mismatched: number }>(
    `WITH accounts AS MATERIALIZED (
       SELECT crm, match_domain AS domain, owner_id FROM records WHERE team_id = $1 AND kind = 'account' AND match_domain IS NOT NULL),
     by_domain AS (SELECT crm, domain, count(owner_id) AS owned FROM accounts GROUP BY crm, domain),
     owner_of AS (SELECT DISTINCT crm, domain, owner_id FROM accounts WHERE owner_id IS NOT NULL),
     contacts AS (SELECT r.crm, r.match_domain AS domain, r.owner_id FROM records r WHERE ${filtered('r')} AND r.kind = 'contact' AND r.match_domain IS NOT NULL)
     SELECT count(d.crm) AS linked, count(*) FILTER (WHERE c.owner_id IS NOT NULL AND d.owned > 0 AND o.owner_id IS NULL) AS mismatched
     FROM contacts c
     LEFT JOIN by_domain d ON d.crm = c.crm AND d.domain = c.domain
     LEFT JOIN owner_of o ON o.crm = c.crm AND o.domain = c.domain AND o.owner_id = c.owner_id`,
    base,
  );

  // Flags in force on the filtered records, and those that lapse before the horizon.
  const flagsInForce = `FROM flags f WHERE f.team_id = $1 AND NOT f.deleted AND (f.until IS NULL OR f.until > $5)
       AND EXISTS (SELECT 1 FROM records r WHERE ${filtered('r')} AND r.key = f.record_key)`;
  const [flagCounts] = await tx.query<Record<string, number>>(
    `SELECT ${FLAG_TYPES.map((_, i) => `count(*) FILTER (WHERE f.type = $${6 + i}) AS t${i}`).join(', ')},
       ${CHANNELS.map((_, i) => `count(*) FILTER (WHERE f.type = 'do-not-market' AND f.channels @> jsonb_build_array($${6 + FLAG_TYPES.length + i}::text)) AS c${i}`).join(', ')}
     ${flagsInForce}`,
    [...base, now, ...FLAG_TYPES, ...CHANNELS],
  );
  const lapsing = await tx.query<{ until: number; type: Flag['type']; channels: Channel[] }>(
    `SELECT f.until, f.type, f.channels ${flagsInForce} AND f.until < $6 ORDER BY f.until`,
    [...base, now, horizon],
  );

  // Reassignments of the window, by day and reason (trimmed in TypeScript, as the reference does).
  const reassignments = await tx.query<{ day: number; reason: string | null; n: number }>(
    `SELECT h.at / ${DAY_MS} AS day, h.reason, count(*) AS n FROM history h
     WHERE h.team_id = $1 AND h.kind IN ('owner', 'import') AND (h.kind = 'owner' OR h.before IS NOT NULL) AND h.at >= $6 AND h.at <= $5
       AND EXISTS (SELECT 1 FROM records r WHERE ${filtered('r')} AND r.key = h.record_key)
     GROUP BY 1, 2`,
    [...base, now, since],
  );
  const reassignedPerDay = new Map<string, number>();
  const reasons = new Map<string, number>();
  for (const r of reassignments) {
    reassignedPerDay.set(utcDay(r.day * DAY_MS), (reassignedPerDay.get(utcDay(r.day * DAY_MS)) ?? 0) + r.n);
    reasons.set(reasonOf(r.reason), (reasons.get(reasonOf(r.reason)) ?? 0) + r.n);
  }

  // Coverage by day as coverageSeries counts it, by buckets: a record joins on the day of its first
  // history entry (bucket -1: always), owned as its first window change's `before` (else its owner now);
  // each change then moves owned by its after minus the state before it. Cumulated over the days below.
  const bucket = (x: string) => `CASE WHEN ${x} IS NULL THEN -1 WHEN ${x} > $5 THEN ${SERIES_IGNORED} ELSE (${x} - $6) / ${DAY_MS} END`;
  const coverageRows = await tx.query<{ what: 'record' | 'change'; bucket: number; total: number; owned: number }>(
    `WITH r AS (SELECT r.key, r.owner_id FROM records r WHERE ${filtered('r')}),
     changes AS (
       SELECT h.record_key, h.at, h.before, h.after, row_number() OVER w AS n, lag(h.after) OVER w AS previous
       FROM history h JOIN r ON r.key = h.record_key
       WHERE h.team_id = $1 AND h.kind IN ('owner', 'import') AND h.at >= $6
       WINDOW w AS (PARTITION BY h.record_key COLLATE "C" ORDER BY h.at, h.sync_version, h.id)),
     first_seen AS (
       SELECT h.record_key, min(h.at) AS first_at FROM history h JOIN r ON r.key = h.record_key
       WHERE h.team_id = $1 AND h.at >= $6
         AND NOT EXISTS (SELECT 1 FROM history o WHERE o.team_id = $1 AND o.record_key = h.record_key AND o.at < $6)
       GROUP BY h.record_key),
     seen AS (
       SELECT f.first_at, CASE WHEN c.record_key IS NULL THEN r.owner_id IS NOT NULL ELSE c.before IS NOT NULL END AS owned
       FROM r LEFT JOIN first_seen f ON f.record_key = r.key LEFT JOIN changes c ON c.record_key = r.key AND c.n = 1)
     SELECT 'record' AS what, ${bucket('first_at')} AS bucket, count(*) AS total, count(*) FILTER (WHERE owned) AS owned FROM seen GROUP BY 2
     UNION ALL
     SELECT 'change', ${bucket('at')}, 0, sum((after IS NOT NULL)::int - (CASE WHEN n = 1 THEN before IS NOT NULL ELSE previous IS NOT NULL END)::int)
     FROM changes GROUP BY 2`,
    [...base, now, since],
  );
  const days = seriesDays(now);
  let runningTotal = 0;
  let runningOwned = 0;
  const at = (b: number, what: 'record' | 'change') => coverageRows.filter((c) => c.bucket === b && c.what === what);
  const coverage: HealthReply['series']['coverage'] = [];
  for (let i = -1; i < days.length; i++) {
    for (const c of at(i, 'record')) {
      runningTotal += c.total;
      runningOwned += c.owned;
    }
    for (const c of at(i, 'change')) runningOwned += c.owned;
    if (i >= 0) coverage.push({ day: days[i]!, total: runningTotal, owned: runningOwned, share: runningTotal ? runningOwned / runningTotal : 0 });
  }

  const counts: HealthCounts = {
    now,
    filters,
    staleDays,
    pack,
    packProblem: read.ok ? undefined : read.problem,
    owners,
    total,
    owned,
    activeOwned,
    held,
    stale,
    misowned,
    misownedByRule,
    mismatched: mismatch?.mismatched ?? 0,
    contactsLinked: mismatch?.linked ?? 0,
    flagsByType: new Map(FLAG_TYPES.map((type, i) => [type, flagCounts?.[`t${i}`] ?? 0])),
    flagsByChannel: new Map(CHANNELS.map((channel, i) => [channel, flagCounts?.[`c${i}`] ?? 0])),
    sla: { measured: whole?.measured ?? 0, medianMs: whole?.median ?? null, p90Ms: whole?.p90 ?? null, breaches: whole?.breaches ?? 0, overdue: whole?.overdue ?? 0 },
    reassignedPerDay,
    reasons,
    series: {
      coverage,
      sla: days.map((day) => {
        const s = windowDays.get(day);
        return { day, measured: s?.measured ?? 0, breaches: s?.breaches ?? 0, medianMs: s && s.measured > 0 ? s.median : null };
      }),
    },
  };
  return {
    reply: assembleReply(counts),
    now,
    horizon,
    events: { stale: staleSoon.map((s) => s.at), overdue: overdueSoon.map((s) => s.at), lapsing },
  };
}

/** Bucket of history dated after now: never in a series. */
const SERIES_IGNORED = 1_000_000;
