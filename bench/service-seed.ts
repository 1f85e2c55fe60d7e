import type { Db } from '../server/db/db';
import type { Service } from '../server/service';
import { ROWS_PER_VERSION } from '../server/admin/import-owners';
import { takeTeamVersion } from '../server/sync/team-version';
import { benchOwnerId, benchOwnerName, benchRecordId } from './crm-page';

// Seeding the ownership service for the benchmarks with SQL, in the shape `admin import owners` writes:
// a team version per ROWS_PER_VERSION rows (so pulls page), a record row and an `import` history row per
// record, the owners.
// (The importer itself parses CSV and writes row by row: minutes for a million rows, which measures the
// importer, not sync.) Bench record ids follow crm-page.ts: `001BENCH` + 7 digits + the case-safe suffix.

/** The case-safe suffix of every `001BENCH#######` id (only B, E, N, C, H are upper-case letters). */
const SUFFIX = 'YHA';
if (benchRecordId(42) !== `001BENCH0000042${SUFFIX}`) throw new Error('bench id suffix drifted from salesforceId18');

export interface BenchTeam {
  id: string;
  /** An admin's token (admins may push every mutation). */
  token: string;
  email: string;
}

export async function createBenchTeam(service: Service, name: string, users = 1): Promise<BenchTeam & { tokens: string[] }> {
  const { id } = await service.admin.createTeam({ name });
  const tokens: string[] = [];
  for (let u = 0; u < users; u++) {
    const email = `bench.admin${u}@acme-bench.example`;
    await service.admin.addUser({ team: id, email, name: `Bench Admin ${u}`, role: 'admin' });
    tokens.push((await service.admin.createToken({ team: id, email })).token);
  }
  return { id, token: tokens[0]!, email: 'bench.admin0@acme-bench.example', tokens };
}

/** Inserts `count` records (ids from `first`) and `owners` owners in one transaction, a new team version per ROWS_PER_VERSION rows as the importer does. Returns the last version. */
export async function seedRecords(db: Db, team: string, options: { first?: number; count: number; owners: number; now: number; history?: boolean }): Promise<number> {
  const { count, owners, now } = options;
  const first = options.first ?? 0;
  const CHUNK = ROWS_PER_VERSION;
  return db.transaction(async (tx) => {
    let v = await takeTeamVersion(tx, team);
    await tx.query(
      `INSERT INTO owners (team_id, id, name, kind, role, email, active, sync_version)
       SELECT $1, '005BENCH' || lpad(o::text, 7, '0'), 'Bench Owner ' || o, 'person', 'sales', 'owner' || o || '@acme-bench.example', true, $3
       FROM generate_series(0, $2 - 1) o
       ON CONFLICT (team_id, id) DO NOTHING`,
      [team, owners, v],
    );
    for (let start = first; start < first + count; start += CHUNK) {
      if (start !== first) v = await takeTeamVersion(tx, team);
      const end = Math.min(first + count, start + CHUNK) - 1;
      await tx.query(
        `INSERT INTO records (team_id, key, crm, kind, record_id, object_type, name, domain, owner_id, assigned_at, owner_version, updated_at, sync_version)
         SELECT $1, 'salesforce:account:' || rid, 'salesforce', 'account', rid, 'Account', 'Bench Account ' || i, 'bench' || i || '.example',
                '005BENCH' || lpad((i % $4)::text, 7, '0'), $5, 1, $5, $6
         FROM (SELECT i, '001BENCH' || lpad(i::text, 7, '0') || '${SUFFIX}' AS rid FROM generate_series($2::int, $3::int) i) s`,
        [team, start, end, owners, now, v],
      );
      if (options.history ?? true) {
        await tx.query(
          `INSERT INTO history (team_id, id, record_key, at, actor, kind, after, reason, sync_version)
           SELECT $1, 'bench-h-' || i, 'salesforce:account:001BENCH' || lpad(i::text, 7, '0') || '${SUFFIX}', $5, 'import', 'import',
                  '005BENCH' || lpad((i % $4)::text, 7, '0'), 'Imported from a CRM export', $6
           FROM generate_series($2::int, $3::int) i`,
          [team, start, end, owners, now, v],
        );
      }
    }
    return v;
  });
}

/**
 * Changes the owner of `indices` under one new team version, as one accepted `owner.set` push would per
 * record (record row, owner version +1, a history row). Returns the version.
 */
export async function changeOwners(db: Db, team: string, indices: readonly number[], ownerIndex: number, now: number): Promise<number> {
  return db.transaction(async (tx) => {
    const v = await takeTeamVersion(tx, team);
    const keys = indices.map((i) => `salesforce:account:${benchRecordId(i)}`);
    const owner = benchOwnerId(ownerIndex);
    await tx.query(
      `UPDATE records SET owner_id = $3, owner_version = owner_version + 1, assigned_at = $4, updated_at = $4, sync_version = $5
       WHERE team_id = $1 AND key IN (SELECT jsonb_array_elements_text($2::jsonb))`,
      [team, JSON.stringify(keys), owner, now, v],
    );
    await tx.query(
      `INSERT INTO history (team_id, id, record_key, at, actor, kind, after, reason, sync_version)
       SELECT $1, 'bench-c' || $5::bigint || '-' || k, k, $4::bigint, 'bench.admin0@acme-bench.example', 'owner', $3, 'Bench reassignment', $5::bigint
       FROM jsonb_array_elements_text($2::jsonb) k`,
      [team, JSON.stringify(keys), owner, now, v],
    );
    return v;
  });
}

export { benchOwnerName };
