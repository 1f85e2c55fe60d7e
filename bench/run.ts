import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { POSTGRES_URL } from '../server/test/databases';
import { serve } from '../server/serve';
import { createService } from '../server/service';
import { CHROMIUM_PATH, ensureBuilt, startDemo } from '../test/e2e/harness';
import { deltaSyncs, initialSyncs, installProbe, lookups, seedClient } from './background-db';
import { launchBench, serviceWorker, type BenchBrowser } from './browser';
import { measureBundleSize } from './bundle-size';
import { heapAfterGc, serviceWorkerSession } from './cdp';
import { connectThroughOptions, countInExtensionDb } from './connect';
import { tabHeaps } from './content-heap';
import { healthRow } from './health-row';
import { heavyPageRun, type LongTaskRun } from './long-tasks';
import { navigationRound } from './navigation-cost';
import { cachedPanel, cachedPanelSpa, coldFirstVisit, syncNowRoundTrip } from './panel-latency';
import { pushThroughput, type PushRun } from './push-throughput';
import { report } from './report';
import { within, type BenchResult } from './result';
import { runRulesBench, writeRulesJson } from './rules';
import { createBenchTeam, seedRecords } from './service-seed';
import { round, sleep, summarize } from './stats';

// `npm run bench` (`-- --quick` for a smaller, faster run): every benchmark of issue 7 on this machine,
// one after another (never two browsers busy at once), then bench/results.json and bench/RESULTS.md.
// Exits 1 when a budget is missed.

const quick = process.argv.includes('--quick');
const SIZE = quick
  ? { teamRecords: 20_000, million: 100_000, visits: 10, spa: 10, cold: 8, roundTrips: 8, heavyRuns: 1, heavySeconds: 6, navRounds: 2, navs: 10, tabs: 3, lookups: 300, deltaRounds: 5, initialRuns: 1, pushSeconds: 4 }
  : { teamRecords: 100_000, million: 1_000_000, visits: 30, spa: 20, cold: 30, roundTrips: 20, heavyRuns: 3, heavySeconds: 10, navRounds: 5, navs: 20, tabs: 5, lookups: 1000, deltaRounds: 20, initialRuns: 2, pushSeconds: 10 };
const OWNERS = 50;
/** Seconds between seeding the million rows and timing lookups in them. */
const SETTLE_S = quick ? 3 : 20;
const CLIENTS = 50;

const results: BenchResult[] = [];
const log = (line: string) => process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const ms = (x: number) => round(x, 2);

function timed(id: string, measure: string, budget: string, limit: number | null, samples: number[], extra: Partial<BenchResult> = {}): BenchResult {
  const s = summarize(samples);
  const result: BenchResult = {
    id,
    measure,
    budget,
    unit: 'ms',
    value: ms(s.p95),
    pass: limit === null ? null : within(s.p95, limit),
    median: ms(s.median),
    p95: ms(s.p95),
    samples: { ...s, median: ms(s.median), p95: ms(s.p95), max: ms(s.max), min: ms(s.min) },
    notes: [],
    ...extra,
  };
  results.push(result);
  log(`${measure}: median ${result.median} ms, p95 ${result.p95} ms (n=${s.n})`);
  return result;
}

async function main(): Promise<number> {
  const started = Date.now();
  log(`${quick ? 'quick' : 'full'} run`);

  // 1. Size of what CRM pages get.
  const extensionDir = ensureBuilt('chrome');
  const size = measureBundleSize(extensionDir);
  results.push(size);
  log(`content script ${size.value} KB gzip`);

  // 9. Rules (pure, Node).
  const rules = runRulesBench();
  writeRulesJson(rules);
  results.push({
    id: 'rules-1000',
    measure: 'Rule pack of 1,000 rules evaluated for one record',
    budget: '≤ 1 ms (p95)',
    unit: 'ms',
    value: round(rules.noRuleMatches.p95Us / 1000, 3),
    median: round(rules.noRuleMatches.medianUs / 1000, 3),
    p95: round(rules.noRuleMatches.p95Us / 1000, 3),
    pass: within(rules.noRuleMatches.p95Us / 1000, 1),
    notes: [
      `worst case (no rule matches, all 1,000 tried) over ${rules.runs} records; typical (a rule matches): median ${rules.typical.medianUs} µs, p95 ${rules.typical.p95Us} µs; first call compiles the pack in ${rules.compileMs} ms. Node ${rules.node} (the same code runs in the service worker).`,
    ],
    details: { ...rules },
  });

  // The service (embedded PGlite in memory) with three teams: the panel/initial-sync team, the million team.
  log('seeding the embedded service');
  const service = await createService({ dataDir: 'memory://' });
  const server = await serve(service, { port: 0 });
  const demo = await startDemo();
  let ext: BenchBrowser | undefined;
  let plain: BenchBrowser | undefined;
  try {
    const teamA = await createBenchTeam(service, 'Bench 100k');
    let t = performance.now();
    await seedRecords(service.db, teamA.id, { count: SIZE.teamRecords, owners: OWNERS, now: Date.now() });
    log(`team A: ${SIZE.teamRecords} records + history in ${round((performance.now() - t) / 1000, 1)} s`);
    const teamM = await createBenchTeam(service, 'Bench million');
    t = performance.now();
    await seedRecords(service.db, teamM.id, { count: SIZE.million, owners: OWNERS, now: Date.now(), history: false });
    log(`team M: ${SIZE.million} records in ${round((performance.now() - t) / 1000, 1)} s`);

    // ── Browser with the extension, connected to team A through its options page ──
    ext = await launchBench(true, demo, extensionDir);
    const connected = await connectThroughOptions(ext, server.url, teamA.token, 180_000);
    let synced = await countInExtensionDb(ext, 'records');
    let syncedAt = connected.doneAt;
    while (synced < SIZE.teamRecords && Date.now() - connected.clickedAt < 180_000) {
      await sleep(100);
      synced = await countInExtensionDb(ext, 'records');
      syncedAt = Date.now();
    }
    log(`connected through the options page: ${synced} records after ${syncedAt - connected.clickedAt} ms`);

    // 11a. Service worker heap holding a synced team of 100,000 records.
    const sw = await serviceWorkerSession(ext.ctx, ext.extensionId!);
    const swHeap = await heapAfterGc(sw);
    await sw.detach();

    // 2. Panel after the record is known, data cached (100,000 records in the extension's database).
    plain = await launchBench(false, demo, extensionDir);
    const visits = Array.from({ length: SIZE.visits }, (_, k) => 100 + (k % 10));
    await cachedPanel(ext, visits.slice(0, 3)); // warm-up: worker running, caches primed
    await cachedPanel(plain, visits.slice(0, 3));
    const cachedWith = await cachedPanel(ext, visits);
    const cachedWithout = await cachedPanel(plain, visits);
    const spa = await cachedPanelSpa(ext, SIZE.spa);
    const loadRatio = summarize(cachedWith.loads).median / summarize(cachedWithout.loads).median;
    timed('panel-cached', 'Panel visible after the record is known, data cached', 'p95 ≤ 30 ms', 30, cachedWith.delays, {
      baseline: ms(summarize(cachedWithout.loads).median),
      ratio: round(loadRatio, 3),
      notes: [
        `${SIZE.visits} page loads of bench Lightning record pages, ${SIZE.teamRecords.toLocaleString('en')} records cached; record-known → panel-visible marks. In-app (pushState) navigations: median ${ms(summarize(spa).median)} ms, p95 ${ms(summarize(spa).p95)} ms (n=${spa.length}).`,
        `Ratio: page load (loadEventEnd) with ÷ without the extension, medians ${ms(summarize(cachedWith.loads).median)} / ${ms(summarize(cachedWithout.loads).median)} ms (no panel exists without it).`,
      ],
      details: { spa: summarize(spa), loadsWith: summarize(cachedWith.loads), loadsWithout: summarize(cachedWithout.loads) },
    });

    // 3. First visit: cold worker, never-opened record; and the service round trip behind "Sync now".
    const cold = await coldFirstVisit(ext, Array.from({ length: SIZE.cold }, (_, k) => 5000 + k));
    timed('panel-first-visit', 'Panel visible on first visit (cold service worker, record never opened)', 'p95 ≤ 150 ms', 150, cold, {
      notes: [
        'The extension never fetches per page view: the sync worker keeps the team\'s records in IndexedDB (here pulled from the service on loopback by the initial sync). The first visit of a record therefore pays the worker start (stopped through CDP before each visit), the database open and the first query.',
      ],
    });
    const trips = await syncNowRoundTrip(ext, service.db, teamA.id, OWNERS, Array.from({ length: SIZE.roundTrips }, (_, k) => 7000 + k));
    timed('panel-service-round-trip', 'Panel shows a change fetched from the service on loopback ("Sync now")', 'p95 ≤ 150 ms', 150, trips, {
      notes: ['The service changes the record\'s owner; click on "Sync now" in the panel → the new owner\'s name is in the panel (push, pull, IndexedDB write, liveQuery, port, render), timed in the page.'],
    });

    // 4. Long tasks on the heavy page.
    const heavyWith: LongTaskRun[] = [];
    const heavyWithout: LongTaskRun[] = [];
    for (let r = 0; r < SIZE.heavyRuns; r++) {
      heavyWith.push(await heavyPageRun(ext, 200 + r, SIZE.heavySeconds));
      heavyWithout.push(await heavyPageRun(plain, 200 + r, SIZE.heavySeconds));
    }
    const maxOf = (runs: LongTaskRun[], f: (r: LongTaskRun) => number) => Math.max(...runs.map(f));
    const sumOf = (runs: LongTaskRun[], f: (r: LongTaskRun) => number) => runs.reduce((a, r) => a + f(r), 0);
    const extMax = maxOf(heavyWith, (r) => r.extensionMax);
    const over10With = sumOf(heavyWith, (r) => r.over10.count);
    const over10Without = sumOf(heavyWithout, (r) => r.over10.count);
    results.push({
      id: 'long-tasks',
      measure: 'Long tasks the extension adds to a heavy CRM-like page',
      budget: 'none over 10 ms',
      unit: 'ms',
      value: ms(extMax),
      median: ms(summarize(heavyWith.map((r) => r.extensionMax)).median),
      p95: ms(extMax),
      pass: extMax <= 10 && sumOf(heavyWith, (r) => r.extensionOver10) === 0,
      baseline: over10Without,
      ratio: over10Without ? round(over10With / over10Without, 3) : undefined,
      notes: [
        `${heavyWith[0]?.elements.toLocaleString('en')} elements, DOM mutated every 16 ms, ${SIZE.heavyRuns} × ${SIZE.heavySeconds} s each way, traced. Value: the longest extension script time inside one main-thread task (trace attribution); ${sumOf(heavyWith, (r) => r.extensionOver10)} tasks with > 10 ms of extension script; extension script ${ms(summarize(heavyWith.map((r) => r.extensionPerSecond)).median)} ms per second of page life.`,
        `Tasks > 10 ms: ${over10With} with (max ${ms(maxOf(heavyWith, (r) => r.over10.max))} ms) vs ${over10Without} without (max ${ms(maxOf(heavyWithout, (r) => r.over10.max))} ms); ratio column = with ÷ without. Long Tasks API (≥ 50 ms only): ${sumOf(heavyWith, (r) => r.longtaskApi.count)} with (max ${ms(maxOf(heavyWith, (r) => r.longtaskApi.max))} ms) vs ${sumOf(heavyWithout, (r) => r.longtaskApi.count)} without (max ${ms(maxOf(heavyWithout, (r) => r.longtaskApi.max))} ms).`,
      ],
      details: { with: heavyWith, without: heavyWithout },
    });
    log(`long tasks: extension max ${ms(extMax)} ms; >10 ms tasks ${over10With} with / ${over10Without} without`);

    // 5. Main-thread time per in-app navigation.
    const navWith: number[] = [];
    const navWithout: number[] = [];
    const scriptWith: number[] = [];
    const scriptWithout: number[] = [];
    for (let r = 0; r < SIZE.navRounds; r++) {
      const a = await navigationRound(ext, SIZE.navs, 500);
      const b = await navigationRound(plain, SIZE.navs, 500);
      navWith.push(a.taskPerNav);
      navWithout.push(b.taskPerNav);
      scriptWith.push(a.scriptPerNav);
      scriptWithout.push(b.scriptPerNav);
    }
    const extra = navWith.map((x, k) => x - navWithout[k]!);
    const navBase = summarize(navWithout).median;
    timed('navigation-extra', 'Extra main-thread time per in-app navigation', '≤ 5 ms', 5, extra, {
      value: ms(summarize(extra).median),
      pass: within(summarize(extra).median, 5),
      baseline: ms(navBase),
      ratio: round(summarize(navWith).median / navBase, 3),
      notes: [
        `pushState between records on the 10,000-element bench page, ${SIZE.navRounds} rounds × ${SIZE.navs} navigations, 500 ms apart; CDP Performance.getMetrics TaskDuration per navigation: ${ms(summarize(navWith).median)} ms with vs ${ms(navBase)} ms without (medians of rounds); ScriptDuration ${ms(summarize(scriptWith).median)} vs ${ms(summarize(scriptWithout).median)} ms. Checked: the median of the per-round differences.`,
      ],
    });

    // 11b. Content script heap per tab.
    const heapWith = await tabHeaps(ext, SIZE.tabs);
    const heapWithout = await tabHeaps(plain, SIZE.tabs);
    await plain.close();
    plain = undefined;
    const tabExtra = summarize(heapWith).median - summarize(heapWithout).median;
    results.push({
      id: 'memory',
      measure: 'Memory: service worker heap at 100,000 records; content script heap per tab',
      budget: 'reported',
      unit: 'MB',
      value: round(swHeap / 2 ** 20, 2),
      pass: null,
      baseline: round(summarize(heapWithout).median / 2 ** 20, 2),
      ratio: round(summarize(heapWith).median / summarize(heapWithout).median, 3),
      notes: [
        `Service worker: ${round(swHeap / 2 ** 20, 2)} MB used JS heap after the initial sync of ${synced.toLocaleString('en')} records through the options page (${syncedAt - connected.clickedAt} ms from "Save and connect" to the last record stored), two forced GCs, CDP Runtime.getHeapUsage on the worker's target.`,
        `Content script per tab: +${round(tabExtra / 2 ** 20, 2)} MB (${round(summarize(heapWith).median / 2 ** 20, 2)} MB with vs ${round(summarize(heapWithout).median / 2 ** 20, 2)} MB without, medians of ${SIZE.tabs} tabs of the same bench page, after GC; the page and the isolated world share one V8 isolate, so the difference is the extension's).`,
      ],
      details: { serviceWorkerBytes: swHeap, tabWith: heapWith, tabWithout: heapWithout, connectUiMs: connected.doneAt - connected.clickedAt, initialSyncUiMs: syncedAt - connected.clickedAt },
    });

    // 7, 6, 8 in the service worker.
    const worker = await serviceWorker(ext);
    await installProbe(worker);
    const initial = await initialSyncs(worker, server.url, teamA.token, teamA.email, teamA.id, SIZE.initialRuns, SIZE.teamRecords);
    timed('initial-sync', `Initial sync of ${SIZE.teamRecords.toLocaleString('en')} records from the service (embedded database)`, '≤ 15 s', 15_000, initial, {
      unit: 'ms',
      notes: [
        `syncOnce from an empty client in the extension's service worker (Chromium IndexedDB), service on loopback with PGlite; the team was seeded as one import (one version: records, owners and an import history row per record). Through the options page (real background, "Save and connect" → last record stored): ${syncedAt - connected.clickedAt} ms.`,
      ],
    });

    log(`seeding ${SIZE.million.toLocaleString('en')} records into the worker's IndexedDB`);
    const seedMs = await seedClient(worker, SIZE.million, OWNERS, Date.now(), (done, chunkMs) => log(`  ${done.toLocaleString('en')} (${round(chunkMs / 1000, 1)} s)`));
    // The bulk load leaves LevelDB compacting on the machine's two cores for a while; a user's database
    // is not being loaded with a million rows while they browse, so the lookups start once it settled.
    log(`letting the database settle for ${SETTLE_S} s`);
    await sleep(SETTLE_S * 1000);
    const look = await lookups(worker, SIZE.million, SIZE.lookups);
    timed('lookup', `Background lookup of one record with ${SIZE.million.toLocaleString('en')} records cached`, 'p95 ≤ 2 ms', 2, look, {
      notes: [`loadBundle (record, flags, checklist, 50 history rows, owners in one read transaction) in the extension's service worker on Chromium IndexedDB; ${SIZE.lookups} random records after 50 warm-up lookups. Seeding ${SIZE.million.toLocaleString('en')} rows took ${round(seedMs / 1000, 1)} s (Dexie bulkPut, 10,000 per call); lookups start ${SETTLE_S} s after it, once the database's compaction settled.`],
    });
    const delta = await deltaSyncs(worker, service.db, { serverUrl: server.url, token: teamM.token, email: teamM.email, team: teamM.id, total: SIZE.million, owners: OWNERS, rounds: SIZE.deltaRounds, changes: 100 });
    timed('delta-sync', `Delta sync of 100 changes with ${SIZE.million.toLocaleString('en')} records cached`, '≤ 200 ms', 200, delta, {
      notes: [`syncOnce in the service worker; each round the service reassigns 100 records (100 record rows + 100 history rows, one version); ${SIZE.deltaRounds} rounds. Checked: p95.`],
    });
  } finally {
    await plain?.close();
    await ext?.close();
    await demo.dispose();
    await server.close();
    await service.close();
  }

  // 10. Push throughput, embedded and PostgreSQL.
  const runs: PushRun[] = [];
  log('push throughput, embedded');
  runs.push(await pushThroughput('embedded (PGlite)', { dataDir: 'memory://' }, CLIENTS, SIZE.pushSeconds));
  const pgNote: string[] = [];
  try {
    log('push throughput, PostgreSQL');
    runs.push(await pushThroughput('PostgreSQL', { databaseUrl: POSTGRES_URL, schema: `bench_${Date.now().toString(36)}` }, CLIENTS, SIZE.pushSeconds));
  } catch (error) {
    pgNote.push(`PostgreSQL at ${POSTGRES_URL.replace(/:[^:@/]*@/, ':***@')} not measured: ${(error as Error).message}`);
  }
  for (const run of runs) log(`  ${run.database}: ${round(run.pushesPerSecond, 1)} pushes/s, p95 ${round(run.latencyMs.p95, 1)} ms, ${run.errors} errors`);
  results.push({
    id: 'push-throughput',
    measure: `Service: pushes per second, ${CLIENTS} concurrent clients, PostgreSQL and embedded`,
    budget: 'reported',
    unit: 'pushes/s',
    value: round(runs[0]!.pushesPerSecond, 1),
    pass: null,
    notes: [
      ...runs.map((r) => `${r.database}: ${round(r.pushesPerSecond, 1)} pushes/s (${r.pushes} in ${round(r.seconds, 1)} s, one mutation each), latency median ${round(r.latencyMs.median, 1)} ms, p95 ${round(r.latencyMs.p95, 1)} ms, ${r.errors} not applied.`),
      'One team, one user and token per client, outreach claim/release on 1,000 records; a team\'s writes are serial by design (team version lock), so this is the per-team ceiling. Client and service share this machine\'s cores.',
      ...pgNote,
    ],
    details: { runs },
  });

  // 11. The ownership-health answer (issue 6), its own process and database.
  log('ownership health');
  results.push(healthRow(SIZE.teamRecords));

  const machine = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
    memoryGb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    chromium: (() => {
      try {
        return execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim();
      } catch {
        return 'unknown';
      }
    })(),
    commit: (() => {
      try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
      } catch {
        return 'unknown';
      }
    })(),
    durationS: Math.round((Date.now() - started) / 1000),
  };
  const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
  writeFileSync(here('./results.json'), `${JSON.stringify({ machine, results }, null, 2)}\n`);
  writeFileSync(here('./RESULTS.md'), report(results, machine));
  const missed = results.filter((r) => r.pass === false);
  log(`done in ${machine.durationS} s; ${missed.length ? `missed: ${missed.map((r) => r.id).join(', ')}` : 'every budget met'}. Wrote bench/results.json and bench/RESULTS.md`);
  return missed.length ? 1 : 0;
}

/**
 * `--report-only`: writes RESULTS.md again from results.json (same figures; after editing findings.ts).
 * With `--health`, first measures the ownership-health answer again and replaces its row.
 */
function reportOnly(): number {
  const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
  const saved = JSON.parse(readFileSync(here('./results.json'), 'utf8')) as { machine: Record<string, unknown>; results: BenchResult[] };
  if (process.argv.includes('--health')) {
    saved.results = [...saved.results.filter((r) => r.id !== 'health'), healthRow(saved.machine.mode === 'quick' ? SIZE.teamRecords : 100_000)];
    writeFileSync(here('./results.json'), `${JSON.stringify(saved, null, 2)}\n`);
  }
  writeFileSync(here('./RESULTS.md'), report(saved.results, saved.machine));
  return saved.results.some((r) => r.pass === false) ? 1 : 0;
}

(process.argv.includes('--report-only') ? Promise.resolve(reportOnly()) : main()).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
