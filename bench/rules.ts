// Evaluating a 1,000-rule pack for one record (issues #5 and #7). Part of `npm run bench` (measure 9);
// alone, `npx tsx bench/rules.ts` prints the median and p95 over 1,000 runs and writes bench/rules.json.
// Times are not asserted in any test; machines differ.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CRM_IDS } from '../lib/model/crm-ids';
import { expectedOwner } from '../lib/rules/evaluate';
import { parseRulePack } from '../lib/rules/parse';
import type { RecordFacts } from '../lib/rules/record-facts';
import type { AssignmentRule, RulePack } from '../lib/rules/schema';

const RULES = 1000;
const DEFAULT_RUNS = 1000;
const COUNTRIES = ['DE', 'AT', 'CH', 'FR', 'IT', 'ES', 'NL', 'BE', 'US', 'CA', 'GB', 'IE', 'SE', 'NO', 'DK', 'FI', 'PL', 'CZ', 'PT', 'JP'];
const SEGMENTS = ['SMB', 'Mid-Market', 'Enterprise', 'Strategic'];
const INDUSTRIES = ['Banking', 'Insurance', 'Retail', 'Manufacturing', 'Software', 'Healthcare', 'Education', 'Energy', 'Media', 'Logistics'];
const STAGES = ['Lead', 'MQL', 'SQL', 'Opportunity', 'Customer'];

/** Deterministic, so every run measures the same work. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
let random = prng(42);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const some = <T>(list: readonly T[], n: number): T[] => [...new Set(Array.from({ length: n }, () => pick(list)))];

function makePack(): RulePack {
  const rules: AssignmentRule[] = Array.from({ length: RULES }, (_, i) => {
    const min = Math.floor(random() * 5000);
    return {
      id: `rule-${i}`,
      priority: i + 1,
      when: {
        crm: some(CRM_IDS, 3),
        kind: [pick(['account', 'contact'] as const)],
        country: some(COUNTRIES, 3),
        segment: some(SEGMENTS, 2),
        industry: some(INDUSTRIES, 3),
        employeeCount: { min, max: min + Math.floor(random() * 5000) },
        lifecycleStage: some(STAGES, 2),
        emailDomain: [`corp${i}.example`],
      },
      assign: { owner: { kind: 'person', id: `owner-${i}@acme.example` } },
    };
  });
  const pack = {
    schemaVersion: 1,
    team: 'bench',
    version: 1,
    issuedAt: '2025-01-01T00:00:00Z',
    expiresAt: '2026-01-01T00:00:00Z',
    name: 'Bench pack',
    rules,
    fallback: { kind: 'queue', id: 'unassigned' },
  };
  const parsed = parseRulePack(JSON.stringify(pack));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  return parsed.pack;
}

/** A record that the rule at a pseudo-random position matches (rules before it may match first). */
function makeRecord(pack: RulePack, i: number): RecordFacts {
  const { when } = pack.rules[Math.floor(random() * pack.rules.length)]!;
  const min = when.employeeCount?.min ?? 0;
  return {
    crm: pick(when.crm!),
    kind: pick(when.kind!),
    country: pick(when.country!),
    segment: pick(when.segment!),
    industry: pick(when.industry!),
    employeeCount: min + Math.floor(random() * ((when.employeeCount?.max ?? min) - min + 1)),
    lifecycleStage: pick(when.lifecycleStage!),
    email: `someone${i}@sub.${when.emailDomain![0]}`,
  };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (ms: number) => Math.round(ms * 1e6) / 1e3; // µs, three decimals
  return { medianUs: round(at(0.5)), p95Us: round(at(0.95)), maxUs: round(sorted.at(-1)!) };
}

function measure(pack: RulePack, records: RecordFacts[]): { samples: number[]; matched: number } {
  const samples: number[] = [];
  let matched = 0;
  for (const record of records) {
    const start = performance.now();
    const result = expectedOwner(pack, record, { poolLoad: {} });
    samples.push(performance.now() - start);
    if (result.rule) matched++;
  }
  return { samples, matched };
}

export interface RulesBench {
  rules: number;
  runs: number;
  node: string;
  compileMs: number;
  typical: { medianUs: number; p95Us: number; maxUs: number; matchedByARule: number };
  noRuleMatches: { medianUs: number; p95Us: number; maxUs: number };
}

/** The whole benchmark: a deterministic pack and records (same seed each call), a warm-up, two measured passes. */
export function runRulesBench(runs = DEFAULT_RUNS): RulesBench {
  random = prng(42);
  const pack = makePack();
  const compileStart = performance.now();
  expectedOwner(pack, { crm: 'hubspot' }, { poolLoad: {} }); // first call compiles the pack
  const compileMs = performance.now() - compileStart;

  const records = Array.from({ length: runs }, (_, i) => makeRecord(pack, i));
  measure(pack, records); // warm-up
  const typical = measure(pack, records);
  // The worst case: no rule matches, so every one of the 1,000 rules is tried before the fallback.
  const worst = measure(pack, records.map((r) => ({ ...r, email: 'nobody@nowhere.example' })));
  return {
    rules: RULES,
    runs,
    node: process.version,
    compileMs: Math.round(compileMs * 1000) / 1000,
    typical: { ...stats(typical.samples), matchedByARule: typical.matched },
    noRuleMatches: stats(worst.samples),
  };
}

export function writeRulesJson(result: RulesBench): void {
  writeFileSync(fileURLToPath(new URL('./rules.json', import.meta.url)), `${JSON.stringify(result, null, 2)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = runRulesBench();
  writeRulesJson(result);
  process.stdout.write(
    `1,000-rule pack, ${result.runs} records: median ${result.typical.medianUs} µs, p95 ${result.typical.p95Us} µs ` +
      `(${result.typical.matchedByARule} matched a rule); no rule matching: median ${result.noRuleMatches.medianUs} µs, p95 ${result.noRuleMatches.p95Us} µs; ` +
      `first call (compile) ${result.compileMs} ms. Wrote bench/rules.json\n`,
  );
}
