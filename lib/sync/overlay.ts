import type { Flag, Ownership } from '../model/ownership';
import { flagId, type Mutation } from '../model/sync';
import type { RecordBundle } from '../ownership/build-view';
import { DEFAULT_FLAG_POLICY } from '../rules/policies';

/** Outreach claims last this long unless the rule pack or the user says otherwise (the service agrees). */
export const DEFAULT_OUTREACH_MS = DEFAULT_FLAG_POLICY.outreach.defaultExpiryDays * 24 * 60 * 60 * 1000;

function baseRecord(mutation: Mutation, now: number): Ownership {
  const { record, recordKey } = mutation.args;
  return {
    key: recordKey,
    crm: record.crm,
    kind: record.kind,
    recordId: record.recordId,
    ...(record.objectType ? { objectType: record.objectType } : {}),
    ...(record.name ? { name: record.name } : {}),
    ...(record.email ? { email: record.email } : {}),
    ...(record.domain ? { domain: record.domain } : {}),
    ownerId: null,
    supportingOwnerIds: [],
    consent: {},
    updatedAt: now,
    version: 0,
  };
}

/**
 * Lays the record's pending mutations (oldest first) over what the service last confirmed, the way the
 * service will apply them, so the panel shows the user's change at once. Pure: the confirmed rows are
 * never written, so a change the service refuses simply stops being laid over them.
 */
export function overlayPending(bundle: RecordBundle, pending: readonly Mutation[], viewer: string, now: number): RecordBundle {
  if (!pending.length) return bundle;
  let record = bundle.record;
  const flags = new Map<string, Flag>(bundle.flags.map((flag) => [flag.id, flag]));
  let checklist = bundle.checklist;
  for (const mutation of pending) {
    const key = mutation.args.recordKey;
    switch (mutation.name) {
      case 'owner.set':
        record = { ...(record ?? baseRecord(mutation, now)), ownerId: mutation.args.ownerId, assignedAt: now };
        delete record.firstTouchAt;
        break;
      case 'supporting.set':
        record = { ...(record ?? baseRecord(mutation, now)), supportingOwnerIds: mutation.args.ownerIds };
        break;
      case 'consent.set':
        record = { ...(record ?? baseRecord(mutation, now)) };
        record.consent = { ...record.consent, [mutation.args.channel]: mutation.args.status };
        break;
      case 'flag.dnm.set': {
        const id = flagId.doNotMarket(key);
        const old = flags.get(id);
        // Of two dates the later one stands, as on the service.
        if (old?.until !== undefined && old.until > mutation.args.until) break;
        const { until, reason, channels } = mutation.args;
        flags.set(id, { id, recordKey: key, type: 'do-not-market', setBy: viewer, since: old?.since ?? now, until, reason, channels });
        break;
      }
      case 'flag.dnm.clear': {
        const id = flagId.doNotMarket(key);
        const old = flags.get(id);
        if (old && (old.until ?? Infinity) <= mutation.args.seenUntil) flags.delete(id);
        break;
      }
      case 'flag.outreach.claim': {
        const id = flagId.outreach(key, viewer);
        const until = mutation.args.until ?? now + DEFAULT_OUTREACH_MS;
        flags.set(id, { id, recordKey: key, type: 'outreach', setBy: viewer, since: flags.get(id)?.since ?? now, until, channels: [] });
        break;
      }
      case 'flag.outreach.release':
        flags.delete(flagId.outreach(key, viewer));
        break;
      case 'checklist.item.set': {
        const { from, to, itemId, label, done } = mutation.args;
        const items = checklist && checklist.from === from && checklist.to === to ? checklist.items.filter((item) => item.id !== itemId) : [];
        const old = checklist?.items.find((item) => item.id === itemId);
        const item = { id: itemId, label, done, ...(done ? { doneBy: viewer, doneAt: now } : {}) };
        const at = checklist?.items.findIndex((i) => i.id === itemId) ?? -1;
        if (old && at >= 0) items.splice(at, 0, item);
        else items.push(item);
        checklist = { recordKey: key, from, to, items };
        break;
      }
    }
  }
  return { ...bundle, record, flags: [...flags.values()], checklist };
}
