import { parseOwnersCsv, type ColumnMapping, type ImportError } from '../../lib/import/owners-csv';
import type { CrmId, RecordKind } from '../../lib/model/crm-ids';
import type { Owner, Ownership } from '../../lib/model/ownership';
import { Rollback, withRollback, type Db } from '../db/db';
import type { OwnerRow, RecordRow } from '../sync/rows';
import { takeTeamVersion } from '../sync/team-version';
import { entityFor, updateRecord, writeContext, writeHistory, type WriteContext } from '../sync/writes';

export interface ImportOwnersInput {
  team: string;
  /** The CSV file's text. */
  csv: string;
  crm?: CrmId;
  kind?: RecordKind;
  mapping?: Partial<ColumnMapping>;
  /** Read and compare, write nothing. */
  dryRun?: boolean;
}

export interface ImportReport {
  /** What the file was read as, or null when it could not be read (see errors). */
  format: string | null;
  errors: ImportError[];
  /** Rows that repeated an earlier row. */
  skipped: number;
  owners: { added: number; changed: number; unchanged: number };
  records: { added: number; changed: number; unchanged: number };
  dryRun: boolean;
  /** True when the database was changed. */
  written: boolean;
}

const ACTOR = 'import';
/** Records read (and written) together: one lookup of what is stored per batch. */
const BATCH = 1000;
/**
 * Rows one team version may carry before the import takes the next. A pull never cuts a version in two,
 * so one version per import made a 100,000-record import a single ~50 MB pull page (past the client's
 * reply limit at ~120,000 records); a version per ~2,000 rows lets pulls page at MAX_PULL_ROWS.
 */
export const ROWS_PER_VERSION = 2000;

/**
 * Imports an owners export (read by the extension's own parseOwnersCsv) into one team, in one transaction
 * that takes a new team version every ROWS_PER_VERSION rows written (the team row stays locked throughout,
 * so the versions are consecutive and all commit, or roll back, together).
 * Idempotent: a record or owner equal to what is stored is not written, so the same file twice writes
 * nothing the second time. Like the extension's import, it keeps what a CSV does not carry (flags,
 * consent, supporting owners, whether an owner is active).
 */
export async function importOwners(db: Db, input: ImportOwnersInput, now: number): Promise<ImportReport> {
  const parsed = parseOwnersCsv(input.csv, { ...(input.crm ? { crm: input.crm } : {}), ...(input.kind ? { kind: input.kind } : {}), ...(input.mapping ? { mapping: input.mapping } : {}), now });
  const report: ImportReport = {
    format: parsed.format?.label ?? null,
    errors: parsed.errors,
    skipped: parsed.skipped,
    owners: { added: 0, changed: 0, unchanged: 0 },
    records: { added: 0, changed: 0, unchanged: 0 },
    dryRun: input.dryRun ?? false,
    written: false,
  };
  if (!parsed.format || (parsed.owners.length === 0 && parsed.records.length === 0)) return report;

  return withRollback(() =>
    db.transaction(async (tx) => {
      const version = await takeTeamVersion(tx, input.team);
      const w = writeContext(tx, input.team, version, now);
      let rowsInVersion = 0;
      // Called after each owner or record: moves to the next version once this one holds enough rows.
      const nextVersionIfFull = async (written: boolean) => {
        if (!written) return;
        // A record writes a record row and up to two history rows; counting 2 per record is close enough.
        rowsInVersion += 2;
        if (rowsInVersion < ROWS_PER_VERSION) return;
        w.version = await takeTeamVersion(tx, input.team);
        rowsInVersion = 0;
      };
      for (const owner of parsed.owners) {
        const outcome = await importOwner(w, owner);
        report.owners[outcome]++;
        await nextVersionIfFull(outcome !== 'unchanged');
      }
      for (let i = 0; i < parsed.records.length; i += BATCH) {
        const batch = parsed.records.slice(i, i + BATCH);
        const existing = await tx.query<RecordRow>(
          'SELECT * FROM records WHERE team_id = $1 AND key IN (SELECT jsonb_array_elements_text($2::jsonb))',
          [input.team, JSON.stringify(batch.map((r) => r.key))],
        );
        const byKey = new Map(existing.map((r) => [r.key, r]));
        for (const record of batch) {
          const outcome = await importRecord(w, record, byKey.get(record.key));
          report.records[outcome]++;
          await nextVersionIfFull(outcome !== 'unchanged');
        }
      }
      // A dry run, or a file equal to what is stored: roll back, which also hands the version back.
      if (report.dryRun || !w.changed) throw new Rollback(report);
      report.written = true;
      return report;
    }),
  );
}

async function importOwner(w: WriteContext, owner: Owner): Promise<'added' | 'changed' | 'unchanged'> {
  const [old] = await w.tx.query<OwnerRow>('SELECT * FROM owners WHERE team_id = $1 AND id = $2', [w.teamId, owner.id]);
  // An export knows a name and maybe an email, never whether someone left: keep active and lastActiveAt.
  const email = owner.email ?? old?.email ?? null;
  if (old && old.name === owner.name && old.kind === owner.kind && old.email === email) return 'unchanged';
  w.changed = true;
  await w.tx.query(
    `INSERT INTO owners (team_id, id, name, kind, role, email, active, sync_version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (team_id, id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, email = EXCLUDED.email, sync_version = EXCLUDED.sync_version`,
    [w.teamId, owner.id, owner.name, owner.kind, owner.role, email, owner.active, w.version],
  );
  return old ? 'changed' : 'added';
}

async function importRecord(w: WriteContext, record: Ownership, old: RecordRow | undefined): Promise<'added' | 'changed' | 'unchanged'> {
  if (!old) {
    w.changed = true;
    const entityId = await entityFor(w, record.kind, record.email, record.domain);
    await w.tx.query(
      `INSERT INTO records (team_id, key, crm, kind, record_id, object_type, name, email, domain, entity_id, owner_id, lifecycle_stage,
         assigned_at, owner_version, updated_at, sync_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        w.teamId, record.key, record.crm, record.kind, record.recordId, record.objectType ?? null, record.name ?? null, record.email ?? null,
        record.domain ?? null, entityId, record.ownerId, record.lifecycleStage ?? null, record.ownerId ? w.now : null, record.ownerId ? 1 : 0, w.now, w.version,
      ],
    );
    await writeHistory(w, { recordKey: record.key, actor: ACTOR, kind: 'import', ...(record.ownerId ? { after: record.ownerId } : {}), reason: 'Imported from a CRM export' });
    return 'added';
  }
  const next: RecordRow = {
    ...old,
    object_type: record.objectType ?? old.object_type,
    name: record.name ?? old.name,
    email: record.email ?? old.email,
    domain: record.domain ?? old.domain,
    lifecycle_stage: record.lifecycleStage ?? old.lifecycle_stage,
  };
  const ownerChanged = old.owner_id !== record.ownerId;
  const descriptorChanged = (['object_type', 'name', 'email', 'domain', 'lifecycle_stage'] as const).some((c) => next[c] !== old[c]);
  if (!ownerChanged && !descriptorChanged) return 'unchanged';
  if (ownerChanged) {
    next.owner_id = record.ownerId;
    next.owner_version = old.owner_version + 1;
    next.assigned_at = record.ownerId ? w.now : null;
    next.first_touch_at = null;
  }
  if (next.email !== old.email || next.domain !== old.domain) next.entity_id = (await entityFor(w, old.kind, next.email ?? undefined, next.domain ?? undefined)) ?? old.entity_id;
  await updateRecord(w, next);
  if (ownerChanged) {
    await writeHistory(w, { recordKey: old.key, actor: ACTOR, kind: 'import', ...(old.owner_id ? { before: old.owner_id } : {}), ...(record.ownerId ? { after: record.ownerId } : {}), reason: 'Owner changed in a CRM export' });
  }
  if (next.lifecycle_stage !== old.lifecycle_stage) {
    await writeHistory(w, { recordKey: old.key, actor: ACTOR, kind: 'stage', ...(old.lifecycle_stage ? { before: old.lifecycle_stage } : {}), ...(next.lifecycle_stage ? { after: next.lifecycle_stage } : {}), reason: 'Stage changed in a CRM export' });
  }
  return 'changed';
}
