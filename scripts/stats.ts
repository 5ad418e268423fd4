/** Summaries of timings for the benchmarks, which report medians because this machine is noisy. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/** The value below which `fraction` of the values lie (nearest rank). */
export function quantile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * fraction) - 1))] ?? NaN;
}

export interface Summary {
  readonly median: number;
  readonly p90: number;
  readonly max: number;
}

export function summary(values: readonly number[]): Summary {
  return { median: median(values), p90: quantile(values, 0.9), max: quantile(values, 1) };
}
