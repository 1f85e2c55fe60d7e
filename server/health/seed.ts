import type { CrmId, RecordKind } from '../../lib/model/crm-ids';
import type { Channel, Owner } from '../../lib/model/ownership';
import { exportPublicKey, generateKeyPair, keyIdOf, signPack } from '../../lib/rules/sign';
import type { RulePack } from '../../lib/rules/schema';
import type { Db } from '../db/db';
import { takeTeamVersion } from '../sync/team-version';

// Rows written straight into one team's tables, for the health tests (a dataset whose answers are known
// by construction), the benchmark (100,000 records) and the dashboard's end-to-end screenshots. Not a
// write path for users: everything goes in at one team version so pulls still see it, without history
// rows being invented beyond those given.

export interface SeedOwner {
  id: string;
  name: string;
  kind?: Owner['kind'];
  email?: string;
  active?: boolean;
}

export interface SeedRecord {
  key: string;
  crm: CrmId;
  kind: RecordKind;
  recordId: string;
  objectType?: string;
  name?: string;
  email?: string;
  domain?: string;
  ownerId?: string | null;
  lifecycleStage?: string;
  assignedAt?: number;
  firstTouchAt?: number;
  lastActivityAt?: number;
  updatedAt: number;
}

export interface SeedHistory {
  recordKey: string;
  at: number;
  kind: 'owner' | 'import' | 'flag' | 'stage';
  actor?: string;
  before?: string;
  after?: string;
  reason?: string;
}

export interface SeedFlag {
  id: string;
  recordKey: string;
  type: 'outreach' | 'do-not-market';
  since: number;
  until?: number;
  channels?: Channel[];
  deleted?: boolean;
}

export interface Seed {
  owners?: SeedOwner[];
  records?: SeedRecord[];
  history?: SeedHistory[];
  flags?: SeedFlag[];
  /** Stored signed (with a throw-away key) as `rulepack publish` would send it. */
  pack?: RulePack;
}

const CHUNK = 2000;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

export async function insertSeed(db: Db, teamId: string, seed: Seed, now: number): Promise<void> {
  const signed = seed.pack ? await signWithThrowawayKey(seed.pack) : null;
  await db.transaction(async (tx) => {
    const v = await takeTeamVersion(tx, teamId);
    for (const part of chunks(seed.owners ?? [])) {
      await tx.query(
        `INSERT INTO owners (team_id, id, name, kind, role, email, active, sync_version)
         SELECT $1, x.id, x.name, x.kind, 'sales', x.email, x.active, $2
         FROM jsonb_to_recordset($3::jsonb) AS x(id text, name text, kind text, email text, active boolean)`,
        [teamId, v, JSON.stringify(part.map((o) => ({ id: o.id, name: o.name, kind: o.kind ?? 'person', email: o.email ?? null, active: o.active ?? true })))],
      );
    }
    for (const part of chunks(seed.records ?? [])) {
      await tx.query(
        `INSERT INTO records (team_id, key, crm, kind, record_id, object_type, name, email, domain, owner_id, lifecycle_stage, assigned_at,
           first_touch_at, last_activity_at, owner_version, updated_at, sync_version)
         SELECT $1, x.key, x.crm, x.kind, x.record_id, x.object_type, x.name, x.email, x.domain, x.owner_id, x.lifecycle_stage, x.assigned_at,
           x.first_touch_at, x.last_activity_at, CASE WHEN x.owner_id IS NULL THEN 0 ELSE 1 END, x.updated_at, $2
         FROM jsonb_to_recordset($3::jsonb) AS x(key text, crm text, kind text, record_id text, object_type text, name text, email text,
           domain text, owner_id text, lifecycle_stage text, assigned_at bigint, first_touch_at bigint, last_activity_at bigint, updated_at bigint)`,
        [
          teamId,
          v,
          JSON.stringify(
            part.map((r) => ({
              key: r.key, crm: r.crm, kind: r.kind, record_id: r.recordId, object_type: r.objectType ?? null, name: r.name ?? null, email: r.email ?? null,
              domain: r.domain ?? null, owner_id: r.ownerId ?? null, lifecycle_stage: r.lifecycleStage ?? null, assigned_at: r.assignedAt ?? null,
              first_touch_at: r.firstTouchAt ?? null, last_activity_at: r.lastActivityAt ?? null, updated_at: r.updatedAt,
            })),
          ),
        ],
      );
    }
    let seq = 0;
    for (const part of chunks(seed.history ?? [])) {
      await tx.query(
        `INSERT INTO history (team_id, id, record_key, at, actor, kind, before, after, reason, sync_version)
         SELECT $1, x.id, x.record_key, x.at, x.actor, x.kind, x.before, x.after, x.reason, $2
         FROM jsonb_to_recordset($3::jsonb) AS x(id text, record_key text, at bigint, actor text, kind text, before text, after text, reason text)`,
        [
          teamId,
          v,
          JSON.stringify(
            part.map((h) => ({
              id: `${v}.seed.${++seq}`, record_key: h.recordKey, at: h.at, actor: h.actor ?? 'seed', kind: h.kind, before: h.before ?? null, after: h.after ?? null, reason: h.reason ?? null,
            })),
          ),
        ],
      );
    }
    for (const part of chunks(seed.flags ?? [])) {
      await tx.query(
        `INSERT INTO flags (team_id, id, record_key, type, set_by, since, until, reason, channels, deleted, deleted_at, sync_version)
         SELECT $1, x.id, x.record_key, x.type, 'seed', x.since, x.until, NULL, x.channels, x.deleted, CASE WHEN x.deleted THEN $3::bigint END, $2
         FROM jsonb_to_recordset($4::jsonb) AS x(id text, record_key text, type text, since bigint, until bigint, channels jsonb, deleted boolean)`,
        [teamId, v, now, JSON.stringify(part.map((f) => ({ id: f.id, record_key: f.recordKey, type: f.type, since: f.since, until: f.until ?? null, channels: f.channels ?? [], deleted: f.deleted ?? false })))],
      );
    }
    if (signed && seed.pack) {
      await tx.query(
        `INSERT INTO rulepacks (team_id, version, body, updated_at, updated_by) VALUES ($1, $2, $3, $4, 'seed')
         ON CONFLICT (team_id) DO UPDATE SET version = EXCLUDED.version, body = EXCLUDED.body, updated_at = EXCLUDED.updated_at`,
        [teamId, seed.pack.version, JSON.stringify(signed), now],
      );
    }
  });
}

async function signWithThrowawayKey(pack: RulePack) {
  const keys = await generateKeyPair();
  return signPack(pack, keys.privateKey, await keyIdOf(await exportPublicKey(keys.publicKey)));
}
