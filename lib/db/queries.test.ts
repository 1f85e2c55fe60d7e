import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Owner, Ownership } from '../model/ownership';
import { OwnersightDb } from './database';
import { importOwnership, loadBundle } from './queries';

const T0 = Date.UTC(2026, 10, 1);
const grace: Owner = { id: 'person:grace', name: 'Grace Hopper', kind: 'person', role: 'other', active: true };
const alan: Owner = { id: 'person:alan', name: 'Alan Turing', kind: 'person', role: 'other', active: true };
const row = (over: Partial<Ownership> = {}): Ownership => ({
  key: 'hubspot:contact:51', crm: 'hubspot', kind: 'contact', recordId: '51', objectType: '0-1', name: 'Ada',
  ownerId: grace.id, supportingOwnerIds: [], consent: {}, updatedAt: T0, version: 0, ...over,
});

let db: OwnersightDb;
afterEach(() => db?.close());

describe('importOwnership', () => {
  it('writes records, owners and one history row per new record; a second import of the same file writes nothing', async () => {
    db = new OwnersightDb(`import-${Math.random()}`);
    const first = await importOwnership(db, [grace], [row(), row({ key: 'hubspot:contact:52', recordId: '52', ownerId: null })], 'me', T0);
    expect(first).toEqual({ written: 2, ownersWritten: 1 });
    expect(await db.history.count()).toBe(2);
    expect((await db.records.get('hubspot:contact:51'))).toMatchObject({ assignedAt: T0, version: 1 });
    const again = await importOwnership(db, [grace], [row(), row({ key: 'hubspot:contact:52', recordId: '52', ownerId: null })], 'me', T0 + 1000);
    expect(again).toEqual({ written: 0, ownersWritten: 0 });
    expect(await db.history.count()).toBe(2);
  });

  it('an owner change is recorded with before and after, and keeps flags-side data such as consent', async () => {
    db = new OwnersightDb(`import-${Math.random()}`);
    await importOwnership(db, [grace], [row()], 'me', T0);
    await db.records.update('hubspot:contact:51', { consent: { email: 'withdrawn' }, supportingOwnerIds: ['person:x'] });
    await importOwnership(db, [alan], [row({ ownerId: alan.id })], 'me', T0 + 5000);
    const stored = await db.records.get('hubspot:contact:51');
    expect(stored).toMatchObject({ ownerId: alan.id, assignedAt: T0 + 5000, version: 2, consent: { email: 'withdrawn' }, supportingOwnerIds: ['person:x'] });
    const bundle = await loadBundle(db, 'hubspot:contact:51', 10);
    expect(bundle.history.map((h) => [h.before, h.after])).toEqual([[grace.id, alan.id], [undefined, grace.id]]);
    expect(bundle.owners.get(alan.id)?.name).toBe('Alan Turing');
  });

  it('an import never re-activates an owner we know was deactivated', async () => {
    db = new OwnersightDb(`import-${Math.random()}`);
    await db.owners.put({ ...grace, active: false });
    await importOwnership(db, [{ ...grace, email: 'grace@example.com' }], [row()], 'me', T0);
    expect((await db.owners.get(grace.id))?.active).toBe(false);
  });
});
