// The ownership health endpoint for a team of 100,000 records (issue 6): the time GET /v1/health and one
// offender list take through the service's HTTP app on the embedded database (PGlite), after a warm-up.
// Run: npx tsx bench/health.ts [records]; writes bench/health.json. Numbers only, no assertions: CI
// machines vary, the figure is for people to compare.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { insertSeed } from '../server/health/seed';
import { syntheticTeam } from '../server/health/synthetic-team';
import { createService } from '../server/service';

const RUNS = 7;
const records = Number(process.argv[2] ?? 100_000);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

async function timed(run: () => Promise<Response>): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const response = await run();
  const body = await response.text();
  const ms = performance.now() - start;
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${body.slice(0, 300)}`);
  return { ms, bytes: body.length };
}

async function main(): Promise<void> {
  const now = Date.now();
  const service = await createService({ dataDir: 'memory://', now: () => now });
  try {
    const { id: team } = await service.admin.createTeam({ name: 'Bench' });
    await service.admin.addUser({ team, email: 'admin@acme-demo.example', name: 'Admin', role: 'admin' });
    const { token } = await service.admin.createToken({ team, email: 'admin@acme-demo.example' });
    const seedStart = performance.now();
    const seed = syntheticTeam({ team, records, now });
    await insertSeed(service.db, team, seed, now);
    const seedMs = performance.now() - seedStart;
    const get = (path: string) => () => Promise.resolve(service.app.request(path, { headers: { Authorization: `Bearer ${token}` } }));

    await timed(get('/v1/health')); // warm-up: JIT, PGlite's caches
    const health = [];
    for (let i = 0; i < RUNS; i++) health.push(await timed(get('/v1/health')));
    const lists = [];
    for (let i = 0; i < RUNS; i++) lists.push(await timed(get('/v1/health/records?list=misowned')));
    const csv = await timed(get('/v1/health/records?list=unowned&format=csv'));

    const result = {
      records,
      historyRows: seed.history?.length ?? 0,
      database: 'pglite (memory://)',
      node: process.version,
      runs: RUNS,
      seedMs: round(seedMs),
      health: { medianMs: round(median(health.map((r) => r.ms))), maxMs: round(Math.max(...health.map((r) => r.ms))), replyBytes: health[0]!.bytes },
      misownedList: { medianMs: round(median(lists.map((r) => r.ms))), replyBytes: lists[0]!.bytes },
      unownedCsv: { ms: round(csv.ms), bytes: csv.bytes },
      measuredAt: new Date(now).toISOString(),
    };
    writeFileSync(fileURLToPath(new URL('./health.json', import.meta.url)), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await service.close();
  }
}

await main();
