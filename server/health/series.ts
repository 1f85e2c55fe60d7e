import type { HealthReply } from '../../lib/model/health';
import type { HealthRecordRow, OwnerChange } from './health-data';
import { nearestRank } from './percentile';
import { DAY_MS } from './record-health';

// Daily series (UTC days) rebuilt from what the service keeps: the owner history for coverage, and the
// records' assignment and first-touch times for the SLA.

export const utcDay = (t: number): string => new Date(t).toISOString().slice(0, 10);
const dayEnd = (day: string): number => Date.parse(`${day}T00:00:00Z`) + DAY_MS - 1;

/**
 * Coverage at the end of each day. A record counts from its first history entry (always, if it has none);
 * its owner at a moment is the `after` of its last owner change by then, before its first change the
 * `before` of that change, and with no changes its owner now.
 */
export function coverageSeries(
  records: readonly HealthRecordRow[],
  changes: readonly OwnerChange[],
  firstSeen: ReadonlyMap<string, number>,
  days: readonly string[],
  now: number,
): HealthReply['series']['coverage'] {
  const byRecord = new Map<string, OwnerChange[]>();
  for (const c of changes) {
    const list = byRecord.get(c.recordKey);
    if (list) list.push(c);
    else byRecord.set(c.recordKey, [c]);
  }
  const ends = days.map((day) => Math.min(dayEnd(day), now));
  const total = ends.map(() => 0);
  const owned = ends.map(() => 0);
  for (const record of records) {
    const since = firstSeen.get(record.key) ?? -Infinity;
    const history = byRecord.get(record.key) ?? [];
    let next = 0;
    // Days ascend, and so do the changes: one walk through both.
    ends.forEach((end, i) => {
      if (since > end) return;
      while (next < history.length && history[next]!.at <= end) next++;
      const owner = history.length === 0 ? record.ownerId : next === 0 ? history[0]!.before : history[next - 1]!.after;
      total[i]!++;
      if (owner !== null) owned[i]!++;
    });
  }
  return days.map((day, i) => ({ day, total: total[i]!, owned: owned[i]!, share: total[i] ? owned[i]! / total[i]! : 0 }));
}

/** First touches per day (by the day of the touch): how many, how many late, and the median time. */
export function slaSeries(owned: readonly HealthRecordRow[], limitOf: (r: HealthRecordRow) => number, days: readonly string[]): HealthReply['series']['sla'] {
  const byDay = new Map<string, { times: number[]; breaches: number }>();
  for (const r of owned) {
    if (r.assignedAt === null || r.firstTouchAt === null || r.firstTouchAt < r.assignedAt) continue;
    const day = utcDay(r.firstTouchAt);
    const entry = byDay.get(day) ?? { times: [], breaches: 0 };
    const ttf = r.firstTouchAt - r.assignedAt;
    entry.times.push(ttf);
    if (ttf > limitOf(r)) entry.breaches++;
    byDay.set(day, entry);
  }
  return days.map((day) => {
    const entry = byDay.get(day);
    return { day, measured: entry?.times.length ?? 0, breaches: entry?.breaches ?? 0, medianMs: entry ? nearestRank(entry.times, 0.5) : null };
  });
}
