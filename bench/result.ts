import type { Summary } from './stats';

/** One row of bench/RESULTS.md and one entry of bench/results.json. */
export interface BenchResult {
  id: string;
  measure: string;
  /** Human form of the budget, e.g. "p95 ≤ 30 ms"; "reported" when there is none. */
  budget: string;
  unit: string;
  /** The figure the budget is checked against (p95, max, total...). */
  value: number | null;
  /** True when met, false when missed, null when only reported. */
  pass: boolean | null;
  median?: number;
  p95?: number;
  /** The same figure without the extension, and value ÷ that. */
  baseline?: number;
  ratio?: number;
  samples?: Summary;
  notes: string[];
  /** Anything else measured, kept in results.json. */
  details?: Record<string, unknown>;
}

/** Checks `value` against `limit` (≤). */
export function within(value: number | null | undefined, limit: number): boolean {
  return value !== null && value !== undefined && Number.isFinite(value) && value <= limit;
}
