import { requirePositive, ScienceError } from '../errors';

/** Largest grid we compute in one go; a chart needs a few hundred points. */
export const MAX_GRID_POINTS = 100_000;

/**
 * `count` values spaced evenly in log from `from` to `to` inclusive (from > to gives a falling
 * grid). The ends are the caller's own numbers, not exp(ln x), so they come back exactly.
 */
export function logSpace(from: number, to: number, count: number): number[] {
  requirePositive(from, 'the first value');
  requirePositive(to, 'the last value');
  if (!Number.isInteger(count) || count < 1 || count > MAX_GRID_POINTS) {
    throw new ScienceError(
      'invalid-argument',
      `the count must be a whole number from 1 to ${MAX_GRID_POINTS}`,
    );
  }
  if (count === 1) return [from];
  const logFrom = Math.log(from);
  const stepSize = (Math.log(to) - logFrom) / (count - 1);
  const values = Array.from({ length: count }, (_, i) => Math.exp(logFrom + i * stepSize));
  values[0] = from;
  values[count - 1] = to;
  return values;
}
