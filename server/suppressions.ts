import type { Channel, Ownership } from '../lib/model/ownership';
import type { Db } from './db/db';

// Who marketing automation must leave alone right now, on one channel (issue 3, "out to marketing
// automation"): a "do not market" in force that covers the channel, a human outreach claim in progress
// (any channel: a person is talking to them), or consent withdrawn for the channel. Contacts are listed
// by email, accounts by web domain (and email when the record has one): a contact's company domain is not
// suppressed because one person asked.

export const SUPPRESSION_REASONS = ['do-not-market', 'outreach', 'consent-withdrawn'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export interface Suppression {
  type: 'email' | 'domain';
  value: string;
  reason: SuppressionReason;
  /** Until when (epoch ms), or null for "until changed". */
  until: number | null;
  recordKeys: string[];
}

export interface SuppressionSource {
  recordKey: string;
  kind: Ownership['kind'];
  email: string | null;
  domain: string | null;
  reason: SuppressionReason;
  until: number | null;
  channels?: readonly Channel[];
}

/** Pure: the list for one channel at `now`, one entry per (address, reason), the latest end date kept. */
export function buildSuppressions(sources: readonly SuppressionSource[], channel: Channel, now: number): Suppression[] {
  const byKey = new Map<string, Suppression>();
  for (const s of sources) {
    if (s.until !== null && s.until <= now) continue;
    if (s.reason === 'do-not-market' && !s.channels?.includes(channel)) continue;
    const addresses: { type: Suppression['type']; value: string }[] = [];
    if (s.email) addresses.push({ type: 'email', value: s.email });
    if (s.domain && s.kind === 'account') addresses.push({ type: 'domain', value: s.domain });
    for (const address of addresses) {
      const key = `${address.type}\u0000${address.value}\u0000${s.reason}`;
      const found = byKey.get(key);
      if (!found) {
        byKey.set(key, { ...address, reason: s.reason, until: s.until, recordKeys: [s.recordKey] });
        continue;
      }
      found.until = found.until === null || s.until === null ? null : Math.max(found.until, s.until);
      if (!found.recordKeys.includes(s.recordKey)) found.recordKeys.push(s.recordKey);
    }
  }
  return [...byKey.values()].sort((a, b) => a.type.localeCompare(b.type) || a.value.localeCompare(b.value) || a.reason.localeCompare(b.reason));
}

export async function loadSuppressionSources(db: Db, teamId: string, channel: Channel, now: number): Promise<SuppressionSource[]> {
  const flags = await db.query<{ record_key: string; kind: Ownership['kind']; email: string | null; domain: string | null; type: string; until: number | null; channels: Channel[] }>(
    `SELECT f.record_key, r.kind, r.email, r.domain, f.type, f.until, f.channels
     FROM flags f JOIN records r ON r.team_id = f.team_id AND r.key = f.record_key
     WHERE f.team_id = $1 AND NOT f.deleted AND (f.until IS NULL OR f.until > $2)`,
    [teamId, now],
  );
  const withdrawn = await db.query<{ key: string; kind: Ownership['kind']; email: string | null; domain: string | null }>(
    `SELECT key, kind, email, domain FROM records WHERE team_id = $1 AND consent ->> $2 = 'withdrawn'`,
    [teamId, channel],
  );
  return [
    ...flags.map((f) => ({
      recordKey: f.record_key,
      kind: f.kind,
      email: f.email,
      domain: f.domain,
      reason: (f.type === 'outreach' ? 'outreach' : 'do-not-market') as SuppressionReason,
      until: f.until,
      channels: f.channels,
    })),
    ...withdrawn.map((r) => ({ recordKey: r.key, kind: r.kind, email: r.email, domain: r.domain, reason: 'consent-withdrawn' as const, until: null })),
  ];
}

const CSV_HEADER = ['type', 'value', 'reason', 'until', 'record_keys'];

/** RFC 4180 CSV, safe to open in a spreadsheet: no cell starts a formula. */
export function suppressionsCsv(list: readonly Suppression[]): string {
  const lines = [CSV_HEADER, ...list.map((s) => [s.type, s.value, s.reason, s.until === null ? '' : new Date(s.until).toISOString(), s.recordKeys.join(' ')])];
  return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * A CRM value like `=HYPERLINK(...)` or `@SUM(...)` would run as a formula when the file is opened in a
 * spreadsheet (OWASP "CSV injection"): such cells are prefixed with an apostrophe, and every cell is quoted.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r|%]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
