// Small numeric helpers shared by every benchmark: medians, p95 and rounding for the report.

export interface Summary {
  n: number;
  median: number;
  p95: number;
  max: number;
  min: number;
}

/** Nearest-rank quantile of `samples` (q in 0..1). */
export function quantile(samples: readonly number[], q: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    median: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    max: samples.length ? Math.max(...samples) : Number.NaN,
    min: samples.length ? Math.min(...samples) : Number.NaN,
  };
}

/** Rounds to `digits` decimals; keeps NaN out of JSON as null. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
