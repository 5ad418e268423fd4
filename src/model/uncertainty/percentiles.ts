/** The 10th, 50th and 90th percentiles of a quantity over the draws. */
export interface Percentiles {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

/**
 * The q-th quantile (q in [0, 1]) of ascending values by linear interpolation between order
 * statistics, h = (n − 1)·q (Hyndman & Fan 1996, "Sample quantiles in statistical packages", The
 * American Statistician 50(4), definition 7; numpy's default, which Besiroglu et al. 2024 used).
 */
export function quantileOfSorted(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const low = Math.floor(h);
  const lower = sorted[low] ?? Number.NaN;
  const upper = sorted[Math.min(low + 1, sorted.length - 1)] ?? lower;
  return lower + (h - low) * (upper - lower);
}

/** p10, p50 and p90 of a non-empty list of numbers. */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  return {
    p10: quantileOfSorted(list, 0.1),
    p50: quantileOfSorted(list, 0.5),
    p90: quantileOfSorted(list, 0.9),
  };
}
