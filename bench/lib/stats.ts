/** Order statistics over raw samples (nearest-rank), so sub-millisecond latencies keep their resolution. */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

/** `a / b`, or NaN when `b` is not a positive number. */
export const ratio = (a: number, b: number): number => (b > 0 ? a / b : Number.NaN);

export const round = (value: number, digits = 2): number => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);
