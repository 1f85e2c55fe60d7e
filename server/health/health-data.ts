import type { CrmId, RecordKind } from '../../lib/model/crm-ids';
import type { Channel, Flag, Owner } from '../../lib/model/ownership';
import { parseRulePack } from '../../lib/rules/parse';
import type { RulePack } from '../../lib/rules/schema';
import type { Db } from '../db/db';

// What the health numbers are computed from: one team's rows, read in one snapshot. The SQL stays plain
// (no aggregates that PGlite and PostgreSQL might disagree on); the numbers are pure TypeScript over these
// rows (./health-numbers), so a test can hand them a dataset and know every answer.

export interface HealthRecordRow {
  key: string;
  crm: CrmId;
  kind: RecordKind;
  recordId: string;
  objectType: string | null;
  name: string | null;
  email: string | null;
  domain: string | null;
  ownerId: string | null;
  lifecycleStage: string | null;
  assignedAt: number | null;
  firstTouchAt: number | null;
  lastActivityAt: number | null;
  updatedAt: number;
}

export interface HealthOwnerRow {
  id: string;
  name: string;
  kind: Owner['kind'];
  active: boolean;
}

export interface FlagInForce {
  recordKey: string;
  type: Flag['type'];
  channels: Channel[];
}

/** An owner change from history: `owner` rows (people, admins) and `import` rows (CRM exports). */
export interface OwnerChange {
  recordKey: string;
  at: number;
  kind: 'owner' | 'import';
  before: string | null;
  after: string | null;
  reason: string | null;
}

export interface HealthData {
  now: number;
  records: HealthRecordRow[];
  owners: HealthOwnerRow[];
  flags: FlagInForce[];
  /** Oldest first. */
  ownerChanges: OwnerChange[];
  /** When the service first wrote history for each record: the best "created at" it has. */
  firstSeen: Map<string, number>;
  pack: { version: number; pack: RulePack } | null;
  /** Set when a pack is stored but cannot be read as a rule pack. */
  packProblem?: string;
}

export async function loadHealthData(db: Db, teamId: string, now: number): Promise<HealthData> {
  return db.transaction(async (tx) => {
    const records = await tx.query<{
      key: string; crm: CrmId; kind: RecordKind; record_id: string; object_type: string | null; name: string | null; email: string | null;
      domain: string | null; owner_id: string | null; lifecycle_stage: string | null; assigned_at: number | null; first_touch_at: number | null;
      last_activity_at: number | null; updated_at: number;
    }>(
      `SELECT key, crm, kind, record_id, object_type, name, email, domain, owner_id, lifecycle_stage, assigned_at, first_touch_at,
         last_activity_at, updated_at
       FROM records WHERE team_id = $1 ORDER BY key`,
      [teamId],
    );
    const owners = await tx.query<HealthOwnerRow>('SELECT id, name, kind, active FROM owners WHERE team_id = $1 ORDER BY id', [teamId]);
    const flags = await tx.query<{ record_key: string; type: Flag['type']; channels: Channel[] }>(
      'SELECT record_key, type, channels FROM flags WHERE team_id = $1 AND NOT deleted AND (until IS NULL OR until > $2)',
      [teamId, now],
    );
    const changes = await tx.query<{ record_key: string; at: number; kind: 'owner' | 'import'; before: string | null; after: string | null; reason: string | null }>(
      `SELECT record_key, at, kind, before, after, reason FROM history
       WHERE team_id = $1 AND kind IN ('owner', 'import') ORDER BY at, sync_version, id`,
      [teamId],
    );
    const seen = await tx.query<{ record_key: string; first: number }>('SELECT record_key, min(at) AS first FROM history WHERE team_id = $1 GROUP BY record_key', [teamId]);
    const stored = await tx.query<{ version: number; body: string }>('SELECT version, body FROM rulepacks WHERE team_id = $1', [teamId]);
    const pack = readPack(stored[0]?.body);
    return {
      now,
      records: records.map((r) => ({
        key: r.key, crm: r.crm, kind: r.kind, recordId: r.record_id, objectType: r.object_type, name: r.name, email: r.email, domain: r.domain,
        ownerId: r.owner_id, lifecycleStage: r.lifecycle_stage, assignedAt: r.assigned_at, firstTouchAt: r.first_touch_at,
        lastActivityAt: r.last_activity_at, updatedAt: r.updated_at,
      })),
      owners,
      flags: flags.map((f) => ({ recordKey: f.record_key, type: f.type, channels: f.channels })),
      ownerChanges: changes.map((c) => ({ recordKey: c.record_key, at: c.at, kind: c.kind, before: c.before, after: c.after, reason: c.reason })),
      // min() of a bigint is a numeric on PostgreSQL: pg hands it back as a string.
      firstSeen: new Map(seen.map((s) => [s.record_key, Number(s.first)])),
      ...(pack.ok ? { pack: pack.pack ? { version: stored[0]!.version, pack: pack.pack } : null } : { pack: null, packProblem: pack.problem }),
    };
  }, 'repeatable read');
}

/**
 * The stored body is what the admin published: `{ pack, signature }` (lib/rules/sign.ts), or a bare pack.
 * The service does not verify the signature: it only ever stored what an admin sent (PUT /v1/rulepack).
 */
function readPack(body: string | undefined): { ok: true; pack: RulePack | null } | { ok: false; problem: string } {
  if (body === undefined) return { ok: true, pack: null };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, problem: 'The stored rule pack is not JSON.' };
  }
  const inner = value && typeof value === 'object' && 'pack' in value ? (value as { pack: unknown }).pack : value;
  const parsed = parseRulePack(inner);
  if (!parsed.ok) return { ok: false, problem: `The stored rule pack cannot be read (${parsed.errors[0]?.path}: ${parsed.errors[0]?.message}).` };
  return { ok: true, pack: parsed.pack };
}
