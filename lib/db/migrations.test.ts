import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OwnersightDb, LATEST_VERSION } from './database';
import { MIGRATIONS } from './migrations/index';

const FIXTURES = join(import.meta.dirname, 'migrations', 'fixtures');
const pad = (n: number) => String(n).padStart(3, '0');

interface Fixture {
  tables: Record<string, unknown[]>;
}

function fixtureOf(version: number): Fixture {
  return JSON.parse(readFileSync(join(FIXTURES, `${pad(version)}.json`), 'utf8')) as Fixture;
}

/** A database at `version`, holding the fixture of that version, closed again. */
async function seedAt(name: string, version: number): Promise<void> {
  const old = new OwnersightDb(name, undefined, MIGRATIONS.filter((m) => m.version <= version));
  await old.open();
  for (const [table, rows] of Object.entries(fixtureOf(version).tables)) await old.table(table).bulkPut(rows);
  old.close();
}

describe('migrations', () => {
  it('are numbered 1..N without gaps, each in its own file', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const files = readdirSync(join(import.meta.dirname, 'migrations')).filter((f) => /^\d{3}-.*\.ts$/.test(f));
    expect(files.map((f) => Number(f.slice(0, 3)))).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('each step after the first has a fixture of the version before it', () => {
    for (const migration of MIGRATIONS.slice(1)) {
      expect(() => fixtureOf(migration.version - 1), `fixtures/${pad(migration.version - 1)}.json`).not.toThrow();
    }
  });

  it('every step keeps every row of the version before it', async () => {
    for (const migration of MIGRATIONS.slice(1)) {
      const name = `keep-rows-${migration.version}`;
      await seedAt(name, migration.version - 1);
      const db = new OwnersightDb(name, undefined, MIGRATIONS.filter((m) => m.version <= migration.version));
      await db.open();
      for (const [table, rows] of Object.entries(fixtureOf(migration.version - 1).tables)) {
        // A table the step deletes has its own test that its rows were set aside.
        if (migration.stores[table] === null) continue;
        const keyPath = db.table(table).schema.primKey.keyPath as string;
        const keys = (rows as Record<string, unknown>[]).map((row) => row[keyPath]);
        const found = await db.table(table).bulkGet(keys as never[]);
        expect(found.filter(Boolean).length, `${table} rows kept by v${migration.version}`).toBe(rows.length);
      }
      db.close();
    }
  });

  it('002 normalises emails and domains so the identity indexes find version-1 rows', async () => {
    await seedAt('m002', 1);
    const db = new OwnersightDb('m002');
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    const byEmail = await db.records.where('email').equals('ada@example.com').toArray();
    expect(byEmail.map((r) => r.key)).toEqual(['hubspot:contact:51']);
    const byDomain = await db.records.where('domain').equals('acme.com').first();
    expect(byDomain?.key).toBe('salesforce:account:001Dn00000AbCdEIAV');
    expect(byDomain?.supportingOwnerIds).toEqual([]);
    expect((await db.owners.get('person:grace-hopper'))?.email).toBe('grace@example.com');
    expect((await db.owners.get('person:grace-hopper'))?.active).toBe(true);
    // Tables that version 1 did not have are there and empty.
    expect(await db.flags.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });

  it('003 sets the old outbox rows aside in meta before the table goes; 004 makes the keyed outbox', async () => {
    await seedAt('m003', 2);
    const db = new OwnersightDb('m003');
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect((await db.meta.get('outbox.legacy'))?.value).toEqual(fixtureOf(2).tables.outbox);
    expect(await db.outbox.count()).toBe(0);
    expect(db.outbox.schema.primKey.keyPath).toBe('mutationId');
    expect(await db.flags.count()).toBe(1);
    db.close();
  });

  it('005 drops the indexes nothing reads; the panel\'s reads still work on version-4 rows', async () => {
    await seedAt('m005', 4);
    const db = new OwnersightDb('m005');
    await db.open();
    const indexes = (table: string) => db.table(table).schema.indexes.map((i) => i.name).sort();
    expect(indexes('records')).toEqual(['domain', 'email', 'ownerId']);
    expect(indexes('owners')).toEqual([]);
    expect(indexes('flags')).toEqual(['recordKey']);
    expect(indexes('history')).toEqual(['[recordKey+at]']);
    const history = await db.history.where('[recordKey+at]').between(['hubspot:contact:51', -Infinity], ['hubspot:contact:51', Infinity]).reverse().toArray();
    expect(history.map((h) => h.id)).toEqual(['h-2', 'h-1']);
    // The compound index also answers its first part (tests and tools read history by record this way).
    expect(await db.history.where('recordKey').equals('hubspot:contact:51').count()).toBe(2);
    expect(await db.records.where('ownerId').equals('person:grace-hopper').count()).toBe(1);
    expect(await db.outbox.where('recordKey').equals('salesforce:account:001Dn00000AbCdEIAV').count()).toBe(1);
    db.close();
  });

  it('a database reopened at the latest version keeps its data (service worker restart)', async () => {
    const db = new OwnersightDb('reopen');
    await db.meta.put({ key: 'viewer', value: 'x@example.com' });
    db.close();
    const again = new OwnersightDb('reopen');
    expect((await again.meta.get('viewer'))?.value).toBe('x@example.com');
    again.close();
  });
});
