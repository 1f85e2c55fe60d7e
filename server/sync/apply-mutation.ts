import { recordKey, storedRecordKey } from '../../lib/model/record-key';
import { flagId, type Mutation, type MutationResult, type UserRole } from '../../lib/model/sync';
import type { Flag } from '../../lib/model/ownership';
import type { RecordChange } from '../../lib/messaging/protocol';
import type { PanelFlagPolicy } from '../../lib/model/panel-view';
import { applyFlagPolicy } from '../../lib/ownership/flag-policy';
import { mayApply } from '../permissions';
import {
  decideDnmClear,
  decideDnmSet,
  decideOutreachClaim,
  decideOutreachRelease,
  decideOwnerSet,
  isoDay,
  setChecklistItem,
  type FlagDecision,
} from './field-rules';
import type { ChecklistRow, RecordRow } from './rows';
import { toChecklist } from './rows';
import { loadLiveFlag, tombstoneFlag, updateRecord, upsertDescriptor, writeFlag, writeHistory, type WriteContext } from './writes';

export interface PushUser {
  email: string;
  role: UserRole;
  /** The team rule pack's flag policy, when one is published: it narrows who sets flags, how long, where. */
  flagPolicy?: PanelFlagPolicy | null;
}

/** A flag that a push set or cleared, for the webhooks sent after commit. */
export interface FlagChange {
  action: 'set' | 'cleared';
  flag: Flag;
  record: { key: string; email?: string; domain?: string; name?: string };
}

export interface MutationOutcome {
  result: MutationResult;
  flagChanges: FlagChange[];
}

/** Applies one new (not duplicate) mutation inside the push's transaction. */
export async function applyMutation(w: WriteContext, user: PushUser, mutation: Mutation): Promise<MutationOutcome> {
  const { args } = mutation;
  const key = storedRecordKey(args.record);
  const flagChanges: FlagChange[] = [];
  const done = (status: MutationResult['status'], message?: string, extra: Partial<MutationResult> = {}): MutationOutcome => ({
    result: { id: mutation.id, status, ...(message ? { message } : {}), ...extra },
    flagChanges,
  });
  if (args.recordKey !== key && args.recordKey !== recordKey(args.record)) {
    return done('rejected', `The record key "${args.recordKey}" does not name the record it came with (${key}).`);
  }
  let record = await upsertDescriptor(w, key, args.record);
  const permission = mayApply(mutation.name, { role: user.role, ownsRecord: await userOwns(w, record, user.email) });
  if (!permission.allowed) return done('rejected', permission.reason);
  const policy = applyFlagPolicy(mutation as unknown as RecordChange, user.flagPolicy ?? null, user.role, w.now);
  if ('problem' in policy) return done('rejected', policy.problem);
  const history = { recordKey: key, actor: user.email, clientTime: mutation.clientTime };
  const recordInfo = { key, ...(record.email ? { email: record.email } : {}), ...(record.domain ? { domain: record.domain } : {}), ...(record.name ? { name: record.name } : {}) };

  /** Writes a flag decision: the flag row, its history, and the webhook change. */
  const settleFlag = async (id: string, decision: FlagDecision, reason?: string): Promise<MutationOutcome> => {
    if (decision.kind === 'reject') return done('rejected', decision.message);
    if (decision.kind === 'keep') return done('applied', decision.message);
    const before = await loadLiveFlag(w, id);
    if (decision.kind === 'delete') {
      if (!before) return done('applied');
      await tombstoneFlag(w, id);
      await writeHistory(w, { ...history, kind: 'flag', before: describeFlag(before), ...(reason ? { reason } : {}) });
      flagChanges.push({ action: 'cleared', flag: before, record: recordInfo });
      return done('applied', decision.message);
    }
    await writeFlag(w, decision.flag);
    await writeHistory(w, {
      ...history,
      kind: 'flag',
      ...(before ? { before: describeFlag(before) } : {}),
      after: describeFlag(decision.flag),
      ...(decision.flag.reason ? { reason: decision.flag.reason } : reason ? { reason } : {}),
    });
    flagChanges.push({ action: 'set', flag: decision.flag, record: recordInfo });
    return done('applied', decision.message);
  };

  switch (mutation.name) {
    case 'owner.set': {
      const a = mutation.args;
      if (a.ownerId !== null && !(await ownerExists(w, a.ownerId))) {
        return done('rejected', `The owner "${a.ownerId}" is not known to the team service; import the team's owners first.`);
      }
      const decision = decideOwnerSet({ ownerId: record.owner_id, version: record.owner_version }, a.expectedVersion, a.ownerId);
      if (decision.kind === 'conflict') {
        return done('conflict', 'Someone changed the owner after you looked; compare and choose again.', { current: decision.current });
      }
      if (decision.kind === 'same') return done('applied', 'That owner was already the owner of record.');
      const before = record.owner_id;
      record = await updateRecord(w, {
        ...record,
        owner_id: a.ownerId,
        owner_version: decision.version,
        assigned_at: a.ownerId ? w.now : null,
        first_touch_at: null,
      });
      await writeHistory(w, { ...history, kind: 'owner', ...(before ? { before } : {}), ...(a.ownerId ? { after: a.ownerId } : {}), reason: a.reason });
      return done('applied');
    }
    case 'supporting.set': {
      const ids = [...new Set(mutation.args.ownerIds)];
      for (const id of ids) {
        if (!(await ownerExists(w, id))) return done('rejected', `The owner "${id}" is not known to the team service; import the team's owners first.`);
      }
      const before = record.supporting_owner_ids;
      if (sameList(before, ids)) return done('applied');
      await updateRecord(w, { ...record, supporting_owner_ids: ids });
      await writeHistory(w, { ...history, kind: 'supporting', ...(before.length ? { before: before.join(', ') } : {}), ...(ids.length ? { after: ids.join(', ') } : {}) });
      return done('applied');
    }
    case 'flag.dnm.set': {
      const a = mutation.args;
      const id = flagId.doNotMarket(key);
      const decision = decideDnmSet(await loadLiveFlag(w, id), { id, recordKey: key, until: a.until, reason: a.reason, channels: a.channels, setBy: user.email }, w.now);
      return settleFlag(id, decision);
    }
    case 'flag.dnm.clear': {
      const id = flagId.doNotMarket(key);
      return settleFlag(id, decideDnmClear(await loadLiveFlag(w, id), mutation.args.seenUntil));
    }
    case 'flag.outreach.claim': {
      const id = flagId.outreach(key, user.email);
      const a = mutation.args;
      const decision = decideOutreachClaim(await loadLiveFlag(w, id), { id, recordKey: key, setBy: user.email, ...(a.until !== undefined ? { until: a.until } : {}) }, w.now);
      return settleFlag(id, decision);
    }
    case 'flag.outreach.release': {
      const id = flagId.outreach(key, user.email);
      return settleFlag(id, decideOutreachRelease(await loadLiveFlag(w, id)));
    }
    case 'checklist.item.set': {
      const a = mutation.args;
      const rows = await w.tx.query<ChecklistRow>('SELECT * FROM checklists WHERE team_id = $1 AND record_key = $2', [w.teamId, key]);
      const current = rows[0] ? toChecklist(rows[0]) : null;
      const next = setChecklistItem(current, { ...a, recordKey: key }, user.email, w.now);
      if (next === null) return done('applied');
      if (next === 'full') return done('rejected', 'This checklist already has 100 items; no more can be added.');
      w.changed = true;
      await w.tx.query(
        `INSERT INTO checklists (team_id, record_key, from_stage, to_stage, items, sync_version) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (team_id, record_key) DO UPDATE SET from_stage = EXCLUDED.from_stage, to_stage = EXCLUDED.to_stage,
           items = EXCLUDED.items, sync_version = EXCLUDED.sync_version`,
        [w.teamId, key, next.from, next.to, JSON.stringify(next.items), w.version],
      );
      const old = current?.from === a.from && current.to === a.to ? current.items.find((i) => i.id === a.itemId) : undefined;
      await writeHistory(w, {
        ...history,
        kind: 'checklist',
        ...(old ? { before: `${old.label}: ${old.done ? 'done' : 'not done'}` } : {}),
        after: `${a.label}: ${a.done ? 'done' : 'not done'}`,
        reason: `Handoff ${a.from} → ${a.to}`,
      });
      return done('applied');
    }
    case 'consent.set': {
      const { channel, status } = mutation.args;
      const before = record.consent[channel];
      if (before === status) return done('applied');
      await updateRecord(w, { ...record, consent: { ...record.consent, [channel]: status } });
      // HistoryEntrySchema has no consent kind; consent is filed with the flags that also stop marketing.
      await writeHistory(w, { ...history, kind: 'flag', ...(before ? { before: `consent ${channel}: ${before}` } : {}), after: `consent ${channel}: ${status}` });
      return done('applied');
    }
  }
}

async function userOwns(w: WriteContext, record: RecordRow, email: string): Promise<boolean> {
  if (!record.owner_id) return false;
  const rows = await w.tx.query('SELECT 1 FROM owners WHERE team_id = $1 AND id = $2 AND lower(email) = $3', [w.teamId, record.owner_id, email.toLowerCase()]);
  return rows.length > 0;
}

async function ownerExists(w: WriteContext, id: string): Promise<boolean> {
  return (await w.tx.query('SELECT 1 FROM owners WHERE team_id = $1 AND id = $2', [w.teamId, id])).length > 0;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function describeFlag(flag: Flag): string {
  if (flag.type === 'outreach') return `outreach in progress until ${isoDay(flag.until ?? Infinity)}`;
  return `do not market until ${isoDay(flag.until ?? Infinity)} (${flag.channels.join(', ')})`;
}
