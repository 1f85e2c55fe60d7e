import { FINDINGS } from './findings';
import type { BenchResult } from './result';

// bench/RESULTS.md: one table row per measure, then the notes, then the machine.

const cell = (value: number | null | undefined, unit: string) => (value === null || value === undefined || Number.isNaN(value) ? '–' : `${value} ${unit}`);

export function report(results: readonly BenchResult[], machine: Record<string, unknown>): string {
  const rows = results.map((r, i) => {
    const verdict = r.pass === null ? 'reported' : r.pass ? 'pass' : '**FAIL**';
    const ratio = r.ratio !== undefined ? `${r.ratio}×` : '–';
    const median = r.median !== undefined ? cell(r.median, r.unit) : cell(r.value, r.unit);
    const p95 = r.p95 !== undefined ? cell(r.p95, r.unit) : '–';
    return `| ${i + 1} | ${r.measure} | ${r.budget} | ${median} | ${p95} | ${ratio} | ${verdict} | ${r.notes[0]?.split('. ')[0] ?? ''} |`;
  });
  const notes = results.map((r, i) => {
    const why = r.pass === false && FINDINGS[r.id] ? ` **Why missed:** ${FINDINGS[r.id]}` : '';
    return `${i + 1}. **${r.measure}** (${r.id}): value ${cell(r.value, r.unit)}. ${r.notes.join(' ')}${why}`;
  });
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (${machine.mode} run) on ${machine.date}. Budgets: issue 7. The "vs. without" column is the same run on the same`,
    'Chromium without the extension (which figure: see the notes).',
    '',
    '| # | Measure | Budget | Median | p95 / checked | vs. without | Result | Notes |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '## Notes',
    '',
    ...notes,
    '',
    '## Machine',
    '',
    ...Object.entries(machine).map(([k, v]) => `- ${k}: ${String(v)}`),
    '',
  ].join('\n');
}
