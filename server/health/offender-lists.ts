import type { HealthFilters, HealthList, HealthRecord } from '../../lib/model/health';
import { csvCell } from '../suppressions';
import type { HealthData, HealthRecordRow } from './health-data';
import { staleDaysFor } from './health-numbers';
import { accountIndex, capacities, DAY_MS, expectationsOf, inFilters, isStale, lastTouch, mismatchOf, ownerDirectory } from './record-health';

// The worst offenders behind each number, worst first: what an admin fixes from the dashboard and what a
// BI tool downloads as CSV. Built with the same judgements as the numbers (./record-health).

/** JSON answers list at most this many; the CSV has every record. */
export const MAX_LIST_ROWS = 500;

export function offenderList(data: HealthData, filters: HealthFilters, list: HealthList): HealthRecord[] {
  const { now } = data;
  const owners = ownerDirectory(data.owners);
  const records = data.records.filter((r) => inFilters(r, filters));
  const days = (t: number) => Math.floor((now - t) / DAY_MS);
  const base = (r: HealthRecordRow, why: string): HealthRecord => ({
    key: r.key,
    crm: r.crm,
    kind: r.kind,
    recordId: r.recordId,
    ...(r.objectType ? { objectType: r.objectType } : {}),
    ...(r.name ? { name: r.name } : {}),
    ownerId: r.ownerId,
    ...(r.ownerId ? { ownerName: owners.name(r.ownerId) } : {}),
    why,
    lastTouchAt: lastTouch(r),
  });
  const oldestFirst = (a: HealthRecordRow, b: HealthRecordRow) => lastTouch(a) - lastTouch(b) || a.key.localeCompare(b.key);

  switch (list) {
    case 'unowned':
      // No active owner: nobody, an owner who left, or an id the owner list does not have.
      return records
        .filter((r) => !owners.isActive(r.ownerId))
        .sort(oldestFirst)
        .map((r) =>
          base(r, r.ownerId === null ? `no owner of record for ${days(lastTouch(r))} days` : owners.get(r.ownerId) ? `owner ${owners.name(r.ownerId)} is inactive` : `owner id ${r.ownerId} is not in the team's owner list`),
        );
    case 'stale': {
      const staleDays = staleDaysFor(data, filters.staleDays);
      return records.filter((r) => isStale(r, now, staleDays)).sort(oldestFirst).map((r) => base(r, `nothing happened for ${days(lastTouch(r))} days`));
    }
    case 'misowned': {
      if (!data.pack) return [];
      const expect = expectationsOf(data.pack.pack);
      return records
        .filter((r) => r.ownerId !== null && !expect(r).accepted.has(r.ownerId))
        .map((r) => {
          const e = expect(r);
          return { ...base(r, `owned by ${owners.name(r.ownerId!)}; ${e.describe}`), ruleId: e.ruleId, ...(e.ownerId ? { expectedOwnerId: e.ownerId } : {}) };
        })
        .sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.key.localeCompare(b.key));
    }
    case 'mismatch': {
      const accountsOf = accountIndex(data.records);
      const out: HealthRecord[] = [];
      for (const r of records) {
        if (r.kind !== 'contact') continue;
        const account = mismatchOf(r, accountsOf(r));
        if (!account) continue;
        out.push({
          ...base(r, `contact owned by ${owners.name(r.ownerId!)}, account ${account.name ?? account.recordId} by ${owners.name(account.ownerId!)}`),
          accountKey: account.key,
          expectedOwnerId: account.ownerId!,
        });
      }
      return out.sort((a, b) => a.key.localeCompare(b.key));
    }
    case 'overloaded': {
      const caps = capacities(data.pack?.pack ?? null);
      const held = new Map<string, number>();
      for (const r of records) if (r.ownerId) held.set(r.ownerId, (held.get(r.ownerId) ?? 0) + 1);
      const over = (id: string) => {
        const cap = caps.get(id);
        return cap === undefined || cap === null ? 0 : (held.get(id) ?? 0) - cap;
      };
      return records
        .filter((r) => r.ownerId !== null && over(r.ownerId) > 0)
        .sort((a, b) => over(b.ownerId!) - over(a.ownerId!) || a.ownerId!.localeCompare(b.ownerId!) || oldestFirst(a, b))
        .map((r) => base(r, `${owners.name(r.ownerId!)} holds ${held.get(r.ownerId!)} records, capacity ${caps.get(r.ownerId!)}`));
    }
  }
}

const CSV_HEADER = ['record_key', 'crm', 'kind', 'record_id', 'object_type', 'name', 'owner_id', 'owner_name', 'why', 'rule_id', 'expected_owner_id', 'account_key', 'last_touch_at'];

/** RFC 4180, every cell through the suppression list's formula-safe quoting. */
export function offendersCsv(records: readonly HealthRecord[]): string {
  const rows = records.map((r) => [
    r.key, r.crm, r.kind, r.recordId, r.objectType ?? '', r.name ?? '', r.ownerId ?? '', r.ownerName ?? '', r.why, r.ruleId ?? '', r.expectedOwnerId ?? '',
    r.accountKey ?? '', r.lastTouchAt === undefined ? '' : new Date(r.lastTouchAt).toISOString(),
  ]);
  return [CSV_HEADER, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
