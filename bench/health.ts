// The ownership health numbers for a team of 100,000 records (issue 6), on the embedded database (PGlite)
// and on PostgreSQL (OWNERSIGHT_TEST_DATABASE_URL, a fresh schema dropped afterwards; skipped with a
// note when unreachable). Measured for each:
// - cold: healthReply right after a write (one record reassigned), so the answer is counted again by SQL;
//   the very first call after start (JIT, empty database caches) separately;
// - warm: healthReply again with nothing written: answered from the cache;
// - http: GET /v1/health through the service's app as wired today, and the offender lists and CSV (which
//   still read every row).
// Run: npx tsx bench/health.ts [records]; writes bench/health.json. Numbers only, no assertions: machines
// vary, the figures are for people to compare.

import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { quoteIdent } from '../server/db/postgres-db';
import { healthReply } from '../server/health/health-cache';
import { reassign } from '../server/health/reassign';
import { insertSeed } from '../server/health/seed';
import { syntheticTeam } from '../server/health/synthetic-team';
import { createService } from '../server/service';

const COLD_RUNS = 7;
const WARM_RUNS = 50;
const HTTP_RUNS = 5;
const records = Number(process.argv[2] ?? 100_000);
const POSTGRES_URL = process.env.OWNERSIGHT_TEST_DATABASE_URL ?? 'postgres://ownersight:ownersight@127.0.0.1:5432/ownersight_test';

const round = (ms: number) => Math.round(ms * 10) / 10;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
/** Nearest rank, as the service's own percentiles. */
const rank = (xs: number[], p: number) => sorted(xs)[Math.max(0, Math.ceil(p * xs.length) - 1)]!;
const stats = (xs: number[]) => ({ runs: xs.length, medianMs: round(rank(xs, 0.5)), p95Ms: round(rank(xs, 0.95)), maxMs: round(Math.max(...xs)) });

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

async function http(run: () => Promise<Response>): Promise<{ ms: number; bytes: number }> {
  const { ms, value } = await timed(async () => {
    const response = await run();
    const body = await response.text();
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${body.slice(0, 300)}`);
    return body.length;
  });
  return { ms, bytes: value };
}

async function measure(database: 'pglite' | 'postgres', now: number) {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const service = await createService({ ...(database === 'pglite' ? { dataDir: 'memory://' } : { databaseUrl: POSTGRES_URL, schema }), now: () => now });
  try {
    const { id: team } = await service.admin.createTeam({ name: 'Bench' });
    await service.admin.addUser({ team, email: 'admin@acme-demo.example', name: 'Admin', role: 'admin' });
    const { token } = await service.admin.createToken({ team, email: 'admin@acme-demo.example' });
    const seedStart = performance.now();
    const seed = syntheticTeam({ team, records, now });
    await insertSeed(service.db, team, seed, now);
    const seedMs = performance.now() - seedStart;
    const get = (path: string) => () => Promise.resolve(service.app.request(path, { headers: { Authorization: `Bearer ${token}` } }));
    // What GET /v1/health does with the new path: count (or look up) and serialise.
    const answer = async () => JSON.stringify(await healthReply(service.db, team, {}, now)).length;

    const first = await timed(answer);
    // A write between calls: the record changes hands, the team version moves, the next answer is counted.
    const key = seed.records![0]!.key;
    const cold: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      await reassign(service.db, team, 'admin@acme-demo.example', { recordKeys: [key], ownerId: i % 2 ? 'queue:inbound' : 'team:enterprise', reason: 'Bench write' }, now);
      cold.push((await timed(answer)).ms);
    }
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) warm.push((await timed(answer)).ms);
    const hub = await timed(() => healthReply(service.db, team, { crm: 'hubspot' }, now));

    await http(get('/v1/health')); // warm-up: JIT, database caches
    const routed = [];
    for (let i = 0; i < HTTP_RUNS; i++) routed.push(await http(get('/v1/health')));
    const lists = [];
    for (let i = 0; i < HTTP_RUNS; i++) lists.push(await http(get('/v1/health/records?list=misowned')));
    const csv = await http(get('/v1/health/records?list=unowned&format=csv'));
    return {
      database: database === 'pglite' ? 'pglite (memory://)' : `postgresql (fresh schema at ${new URL(POSTGRES_URL).host})`,
      seedMs: round(seedMs),
      replyBytes: first.value,
      firstCallMs: round(first.ms),
      cold: stats(cold),
      warm: stats(warm),
      coldFilteredMs: round(hub.ms),
      httpAsWired: { ...stats(routed.map((r) => r.ms)), note: 'GET /v1/health through server/http/app.ts, which still calls loadHealthData + buildHealthReply (every row) until it calls healthReply' },
      misownedList: { medianMs: round(rank(lists.map((r) => r.ms), 0.5)), replyBytes: lists[0]!.bytes },
      unownedCsv: { ms: round(csv.ms), bytes: csv.bytes },
    };
  } finally {
    await service.close();
    if (database === 'postgres') {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`).finally(() => client.end());
    }
  }
}

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const now = Date.now();
  const seed = syntheticTeam({ team: 'count', records, now });
  const pglite = await measure('pglite', now);
  console.log(JSON.stringify(pglite, null, 2));
  const problem = await postgresReachable();
  const postgres = problem ? { skipped: `PostgreSQL at ${POSTGRES_URL} is unreachable: ${problem}` } : await measure('postgres', now);
  const result = {
    records,
    historyRows: seed.history?.length ?? 0,
    node: process.version,
    target: 'warm p95 <= 300 ms; cold as low as possible',
    pglite,
    postgres,
    measuredAt: new Date(now).toISOString(),
  };
  writeFileSync(fileURLToPath(new URL('./health.json', import.meta.url)), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(postgres, null, 2));
}

await main();
