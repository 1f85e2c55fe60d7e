import type { Owner, Ownership } from '../model/ownership';
import type { RecordBundle } from '../ownership/build-view';
import type { OwnersightDb } from './database';

/**
 * Everything stored about one record that its panel shows. One read transaction. The owners are asked
 * for as soon as the record is there, not after the other reads: requests in one transaction run in
 * order anyway, and waiting for all of them first cost one more trip to the browser's IndexedDB.
 */
export async function loadBundle(db: OwnersightDb, key: string, historyLimit: number): Promise<RecordBundle> {
  return db.transaction('r', [db.records, db.owners, db.flags, db.checklists, db.history], async () => {
    const reading = db.records.get(key);
    const [record, ownerRows, flags, checklist, history] = await Promise.all([
      reading,
      reading.then((found) => db.owners.bulkGet([found?.ownerId, ...(found?.supportingOwnerIds ?? [])].filter((id): id is string => !!id))),
      db.flags.where('recordKey').equals(key).toArray(),
      db.checklists.get(key),
      db.history.where('[recordKey+at]').between([key, -Infinity], [key, Infinity]).reverse().limit(historyLimit).toArray(),
    ]);
    const owners = new Map<string, Owner>();
    for (const owner of ownerRows) if (owner) owners.set(owner.id, owner);
    return { record, owners, flags, checklist, history };
  });
}

export interface ImportResult {
  /** Records new or changed. */
  written: number;
  ownersWritten: number;
}

function sameOwnership(a: Ownership, b: Ownership): boolean {
  return (
    a.ownerId === b.ownerId &&
    a.name === b.name &&
    a.email === b.email &&
    a.domain === b.domain &&
    a.lifecycleStage === b.lifecycleStage &&
    a.objectType === b.objectType
  );
}

/**
 * Writes an import in one transaction: new records, changed owners (with a history row each), owners.
 * Idempotent: importing the same file again writes nothing. What the import does not carry (flags,
 * consent, supporting owners, SLA times) is kept.
 */
export async function importOwnership(
  db: OwnersightDb,
  owners: readonly Owner[],
  records: readonly Ownership[],
  actor: string,
  now: number,
): Promise<ImportResult> {
  return db.transaction('rw', [db.records, db.owners, db.history], async () => {
    const existingOwners = await db.owners.bulkGet(owners.map((o) => o.id));
    // An import knows a name and maybe an email, never whether someone left: keep what we knew.
    const ownerRows = owners
      .map((owner, i) => ({ owner, old: existingOwners[i] }))
      .filter(({ owner, old }) => !old || old.name !== owner.name || (owner.email && old.email !== owner.email))
      .map(({ owner, old }) => ({ ...old, ...owner, active: old?.active ?? owner.active }));
    await db.owners.bulkPut(ownerRows);

    const existing = await db.records.bulkGet(records.map((r) => r.key));
    const rows: Ownership[] = [];
    const history = [];
    for (const [i, incoming] of records.entries()) {
      const old = existing[i];
      if (old && sameOwnership(old, incoming)) continue;
      const ownerChanged = !old || old.ownerId !== incoming.ownerId;
      rows.push({
        ...incoming,
        supportingOwnerIds: old?.supportingOwnerIds ?? incoming.supportingOwnerIds,
        consent: { ...old?.consent, ...incoming.consent },
        firstTouchAt: ownerChanged ? undefined : old?.firstTouchAt,
        lastActivityAt: old?.lastActivityAt ?? incoming.lastActivityAt,
        assignedAt: ownerChanged ? (incoming.ownerId ? now : undefined) : old?.assignedAt,
        version: (old?.version ?? 0) + (ownerChanged ? 1 : 0),
        updatedAt: now,
      });
      if (ownerChanged) {
        history.push({
          id: crypto.randomUUID(),
          recordKey: incoming.key,
          at: now,
          actor,
          kind: 'import' as const,
          ...(old?.ownerId ? { before: old.ownerId } : {}),
          ...(incoming.ownerId ? { after: incoming.ownerId } : {}),
          reason: old ? 'Owner changed in a CRM export' : 'Imported from a CRM export',
        });
      }
    }
    await db.records.bulkPut(rows);
    await db.history.bulkAdd(history);
    return { written: rows.length, ownersWritten: ownerRows.length };
  });
}
