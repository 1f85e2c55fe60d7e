import { randomUUID } from 'node:crypto';
import type { RecordDescriptor } from '../../lib/model/sync';
import type { Flag, HistoryEntry } from '../../lib/model/ownership';
import type { Sql } from '../db/db';
import type { FlagRow, RecordRow } from './rows';
import { toFlag } from './rows';

/** One write transaction of one team: every row it writes carries `version` (see team-version.ts). */
export interface WriteContext {
  tx: Sql;
  teamId: string;
  version: number;
  now: number;
  /** Set once anything synced was written, so a change that changed nothing can be rolled back. */
  changed: boolean;
  historySeq: number;
}

export function writeContext(tx: Sql, teamId: string, version: number, now: number): WriteContext {
  return { tx, teamId, version, now, changed: false, historySeq: 0 };
}

export async function loadRecord(w: WriteContext, key: string): Promise<RecordRow | null> {
  const rows = await w.tx.query<RecordRow>('SELECT * FROM records WHERE team_id = $1 AND key = $2', [w.teamId, key]);
  return rows[0] ?? null;
}

const DESCRIPTOR_COLUMNS = [
  ['objectType', 'object_type'],
  ['name', 'name'],
  ['email', 'email'],
  ['domain', 'domain'],
] as const;

/**
 * Files what the page showed of a record (never its owner), creating the record when the service has not
 * seen it: a flag can be set on any record a user opens. Only fields the page gave are updated.
 */
export async function upsertDescriptor(w: WriteContext, key: string, record: RecordDescriptor): Promise<RecordRow> {
  const given = {
    objectType: record.objectType?.trim() || undefined,
    name: record.name?.trim() || undefined,
    email: record.email?.trim().toLowerCase() || undefined,
    domain: record.domain?.trim().toLowerCase().replace(/\.$/, '') || undefined,
  };
  const existing = await loadRecord(w, key);
  if (!existing) {
    const entityId = await entityFor(w, record.kind, given.email, given.domain);
    w.changed = true;
    const rows = await w.tx.query<RecordRow>(
      `INSERT INTO records (team_id, key, crm, kind, record_id, object_type, name, email, domain, entity_id, owner_id, updated_at, sync_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, $11, $12) RETURNING *`,
      [w.teamId, key, record.crm, record.kind, record.recordId, given.objectType ?? null, given.name ?? null, given.email ?? null, given.domain ?? null, entityId, w.now, w.version],
    );
    return rows[0]!;
  }
  const changes = DESCRIPTOR_COLUMNS.filter(([field, column]) => given[field] !== undefined && given[field] !== existing[column]);
  if (changes.length === 0) return existing;
  const next = { ...existing };
  for (const [field, column] of changes) next[column] = given[field] ?? null;
  if (next.email !== existing.email || next.domain !== existing.domain) {
    next.entity_id = (await entityFor(w, existing.kind, next.email ?? undefined, next.domain ?? undefined)) ?? existing.entity_id;
  }
  return updateRecord(w, next);
}

/** Writes every column of `row` back, stamped with this transaction's version. */
export async function updateRecord(w: WriteContext, row: RecordRow): Promise<RecordRow> {
  w.changed = true;
  const rows = await w.tx.query<RecordRow>(
    `UPDATE records SET object_type = $3, name = $4, email = $5, domain = $6, entity_id = $7, owner_id = $8,
       supporting_owner_ids = $9, lifecycle_stage = $10, assigned_at = $11, first_touch_at = $12, last_activity_at = $13,
       consent = $14, owner_version = $15, updated_at = $16, sync_version = $17
     WHERE team_id = $1 AND key = $2 RETURNING *`,
    [
      w.teamId, row.key, row.object_type, row.name, row.email, row.domain, row.entity_id, row.owner_id,
      JSON.stringify(row.supporting_owner_ids), row.lifecycle_stage, row.assigned_at, row.first_touch_at, row.last_activity_at,
      JSON.stringify(row.consent), row.owner_version, w.now, w.version,
    ],
  );
  return rows[0]!;
}

/**
 * The entity (one company, one person) a record belongs to, across CRMs: accounts are known by their web
 * domain, contacts by their email. A contact's domain is not used: a colleague is not the same person.
 */
export async function entityFor(w: WriteContext, kind: RecordRow['kind'], email?: string, domain?: string): Promise<string | null> {
  const identity = kind === 'contact' ? (email ? { kind: 'email', value: email } : null) : domain ? { kind: 'domain', value: domain } : null;
  if (!identity) return null;
  await w.tx.query(
    'INSERT INTO identities (team_id, kind, value, entity_id) VALUES ($1, $2, $3, $4) ON CONFLICT (team_id, kind, value) DO NOTHING',
    [w.teamId, identity.kind, identity.value, randomUUID()],
  );
  const rows = await w.tx.query<{ entity_id: string }>('SELECT entity_id FROM identities WHERE team_id = $1 AND kind = $2 AND value = $3', [w.teamId, identity.kind, identity.value]);
  return rows[0]?.entity_id ?? null;
}

/** The flag if it is live (not a tombstone), else null. */
export async function loadLiveFlag(w: WriteContext, id: string): Promise<Flag | null> {
  const rows = await w.tx.query<FlagRow>('SELECT * FROM flags WHERE team_id = $1 AND id = $2 AND NOT deleted', [w.teamId, id]);
  return rows[0] ? toFlag(rows[0]) : null;
}

export async function writeFlag(w: WriteContext, flag: Flag): Promise<void> {
  w.changed = true;
  await w.tx.query(
    `INSERT INTO flags (team_id, id, record_key, type, set_by, since, until, reason, channels, deleted, deleted_at, sync_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, false, NULL, $10)
     ON CONFLICT (team_id, id) DO UPDATE SET record_key = EXCLUDED.record_key, type = EXCLUDED.type, set_by = EXCLUDED.set_by,
       since = EXCLUDED.since, until = EXCLUDED.until, reason = EXCLUDED.reason, channels = EXCLUDED.channels,
       deleted = false, deleted_at = NULL, sync_version = EXCLUDED.sync_version`,
    [w.teamId, flag.id, flag.recordKey, flag.type, flag.setBy, flag.since, flag.until ?? null, flag.reason ?? null, JSON.stringify(flag.channels), w.version],
  );
}

/** Deletion as a tombstone, kept for the tombstone period so every client hears of it. */
export async function tombstoneFlag(w: WriteContext, id: string): Promise<void> {
  w.changed = true;
  await w.tx.query('UPDATE flags SET deleted = true, deleted_at = $3, sync_version = $4 WHERE team_id = $1 AND id = $2', [w.teamId, id, w.now, w.version]);
}

export async function writeHistory(
  w: WriteContext,
  entry: Omit<HistoryEntry, 'id' | 'at'> & { clientTime?: number },
): Promise<void> {
  w.changed = true;
  w.historySeq += 1;
  await w.tx.query(
    `INSERT INTO history (team_id, id, record_key, at, actor, kind, before, after, reason, client_time, sync_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      w.teamId, `${w.version}.${w.historySeq}`, entry.recordKey, w.now, entry.actor, entry.kind,
      clip(entry.before), clip(entry.after), clip(entry.reason), entry.clientTime ?? null, w.version,
    ],
  );
}

/** HistoryEntrySchema allows 1,000 characters per text. */
function clip(text: string | undefined): string | null {
  if (text === undefined) return null;
  return text.length > 1000 ? `${text.slice(0, 999)}…` : text;
}
