import type { Channel, Checklist, Flag, HistoryEntry, Owner, Ownership } from '../../lib/model/ownership';

// Table rows as the database returns them, and their wire shapes (lib/model/ownership.ts). Null columns
// become absent properties: the schemas are strict and say "optional", not "nullable".

export interface RecordRow {
  key: string;
  crm: Ownership['crm'];
  kind: Ownership['kind'];
  record_id: string;
  object_type: string | null;
  name: string | null;
  email: string | null;
  domain: string | null;
  entity_id: string | null;
  owner_id: string | null;
  supporting_owner_ids: string[];
  lifecycle_stage: string | null;
  assigned_at: number | null;
  first_touch_at: number | null;
  last_activity_at: number | null;
  consent: Ownership['consent'];
  owner_version: number;
  updated_at: number;
  sync_version: number;
}

export interface OwnerRow {
  id: string;
  name: string;
  kind: Owner['kind'];
  role: Owner['role'];
  email: string | null;
  active: boolean;
  last_active_at: number | null;
  sync_version: number;
}

export interface FlagRow {
  id: string;
  record_key: string;
  type: Flag['type'];
  set_by: string;
  since: number;
  until: number | null;
  reason: string | null;
  channels: Channel[];
  deleted: boolean;
  sync_version: number;
}

export interface ChecklistRow {
  record_key: string;
  from_stage: string;
  to_stage: string;
  items: Checklist['items'];
  sync_version: number;
}

export interface HistoryRow {
  id: string;
  record_key: string;
  at: number;
  actor: string;
  kind: HistoryEntry['kind'];
  before: string | null;
  after: string | null;
  reason: string | null;
  sync_version: number;
}

const opt = <K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } =>
  (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

export function toOwnership(row: RecordRow): Ownership {
  return {
    key: row.key,
    crm: row.crm,
    kind: row.kind,
    recordId: row.record_id,
    ...opt('objectType', row.object_type),
    ...opt('name', row.name),
    ...opt('email', row.email),
    ...opt('domain', row.domain),
    ownerId: row.owner_id,
    supportingOwnerIds: row.supporting_owner_ids,
    ...opt('lifecycleStage', row.lifecycle_stage),
    ...opt('assignedAt', row.assigned_at),
    ...opt('firstTouchAt', row.first_touch_at),
    ...opt('lastActivityAt', row.last_activity_at),
    consent: row.consent,
    updatedAt: row.updated_at,
    version: row.owner_version,
  };
}

export function toOwner(row: OwnerRow): Owner {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    role: row.role,
    ...opt('email', row.email),
    active: row.active,
    ...opt('lastActiveAt', row.last_active_at),
  };
}

export function toFlag(row: FlagRow): Flag {
  return {
    id: row.id,
    recordKey: row.record_key,
    type: row.type,
    setBy: row.set_by,
    since: row.since,
    ...opt('until', row.until),
    ...opt('reason', row.reason),
    channels: row.channels,
  };
}

export function toChecklist(row: ChecklistRow): Checklist {
  return { recordKey: row.record_key, from: row.from_stage, to: row.to_stage, items: row.items };
}

export function toHistory(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    recordKey: row.record_key,
    at: row.at,
    actor: row.actor,
    kind: row.kind,
    ...opt('before', row.before),
    ...opt('after', row.after),
    ...opt('reason', row.reason),
  };
}
