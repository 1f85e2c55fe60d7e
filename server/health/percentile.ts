/**
 * The nearest-rank percentile (the smallest value with at least p of the values at or below it): always
 * a value that occurred, so "median 3 h" is a real record's time. Null for no values.
 */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}
