import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './result';

// Issue 6's figure in the benchmarks: bench/health.ts (the ownership-health answer for a team of
// `records` on PGlite and PostgreSQL, cold after a write and warm from the cache) run as its own process,
// its bench/health.json read back as one reported row.

interface Timing {
  medianMs: number;
  p95Ms: number;
}
interface HealthDb {
  database: string;
  firstCallMs: number;
  cold: Timing;
  warm: Timing;
  coldFilteredMs: number;
  misownedList?: { medianMs: number };
  unownedCsv?: { ms: number };
}
interface HealthJson {
  records: number;
  historyRows: number;
  pglite: HealthDb;
  postgres?: HealthDb;
}

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

export function healthRow(records: number): BenchResult {
  execFileSync(process.execPath, ['--import', 'tsx', here('./health.ts'), String(records)], { stdio: 'inherit' });
  const json = JSON.parse(readFileSync(here('./health.json'), 'utf8')) as HealthJson;
  const line = (db: HealthDb) =>
    `${db.database}: cold (first answer after a write) median ${db.cold.medianMs} ms, p95 ${db.cold.p95Ms} ms; warm (cached for the team version) median ${db.warm.medianMs} ms, p95 ${db.warm.p95Ms} ms; cold with a CRM filter ${db.coldFilteredMs} ms` +
    (db.misownedList ? `; misowned list ${db.misownedList.medianMs} ms` : '') +
    (db.unownedCsv ? `; unowned CSV ${db.unownedCsv.ms} ms` : '') +
    '.';
  return {
    id: 'health',
    measure: `Service: ownership health for ${json.records.toLocaleString('en')} records (issue 6)`,
    budget: 'reported',
    unit: 'ms',
    value: json.pglite.cold.medianMs,
    pass: null,
    median: json.pglite.cold.medianMs,
    p95: json.pglite.cold.p95Ms,
    notes: [
      `GET /v1/health's answer with ${json.historyRows.toLocaleString('en')} history rows, from bench/health.ts (bench/health.json).`,
      line(json.pglite),
      ...(json.postgres ? [line(json.postgres)] : ['PostgreSQL not measured.']),
    ],
    details: { ...json },
  };
}
