import { ScienceError } from '../errors';

/**
 * The minimum of a convex function on [low, high], or the proof that it lies above a threshold,
 * from samples alone (a "sandwich" method). Convexity gives a lower bound between samples: the
 * line through two neighbouring samples, extended beyond them, never lies above f. So on each gap
 * [x_i, x_{i+1}] f is at least the larger of the lines through the two samples on its left and the
 * two on its right, and the least of these bounds over all gaps bounds the minimum from below,
 * while the best sample bounds it from above. Each step samples the gap with the lowest bound,
 * until the two bounds meet (to `relativeGap`) or the lower one reaches the threshold. Unlike
 * Brent's method, which only estimates where the minimum is, this certifies it.
 */

/** Relative distance between the certified lower bound and the best sample at which the search ends. */
export const CONVEX_RELATIVE_GAP = 1e-10;
/** Relative width (of the bracket) of the narrowest gap worth splitting. */
export const CONVEX_RELATIVE_WIDTH = 1e-13;
/** Samples per search: each step at least halves a gap, so a convex f converges in far fewer. */
export const CONVEX_MAX_EVALUATIONS = 400;

export interface ConvexMinimum {
  readonly x: number;
  readonly value: number;
  /** A certified lower bound on f over the bracket (≥ threshold when the search stopped there). */
  readonly lowerBound: number;
  /** The samples either side of the best one: the minimum lies between them (for polishing). */
  readonly bracket: readonly [number, number];
  readonly evaluations: number;
}

/**
 * A lower bound of a convex f on the gap between samples i and i + 1: f lies above the line through
 * samples i − 1 and i (extended right) and above the line through i + 1 and i + 2 (extended left),
 * so above the larger of the two lines' least values on the gap. (The least of their maximum, at
 * their crossing, is tighter but cancels catastrophically when one line is steep.)
 */
function gapBound(xs: readonly number[], ys: readonly number[], i: number): number {
  const x = (j: number) => xs[j] as number;
  const y = (j: number) => ys[j] as number;
  const width = x(i + 1) - x(i);
  let bound = -Infinity;
  if (i >= 1 && Number.isFinite(y(i - 1)) && Number.isFinite(y(i))) {
    const slope = (y(i) - y(i - 1)) / (x(i) - x(i - 1));
    bound = Math.max(bound, Math.min(y(i), y(i) + slope * width));
  }
  if (i + 2 < xs.length && Number.isFinite(y(i + 1)) && Number.isFinite(y(i + 2))) {
    const slope = (y(i + 2) - y(i + 1)) / (x(i + 2) - x(i + 1));
    bound = Math.max(bound, Math.min(y(i + 1), y(i + 1) - slope * width));
  }
  // The gap's own samples are values of f: its least value is no larger.
  return Math.min(bound, y(i), y(i + 1));
}

/**
 * The minimum of f, convex on [low, high], or an early answer once f is proven to stay at or above
 * `threshold` there (then `value` is the best sample, `lowerBound` ≥ threshold). Non-finite values
 * count as +Infinity and give no bound on their gaps. Throws `no-convergence` when the bounds have
 * not met within CONVEX_MAX_EVALUATIONS samples (f is then not convex, or not finite enough).
 */
export function minimizeConvex(
  f: (x: number) => number,
  low: number,
  high: number,
  what: string,
  threshold = Infinity,
): ConvexMinimum {
  if (!(Number.isFinite(low) && Number.isFinite(high) && low <= high)) {
    throw new ScienceError(
      'invalid-argument',
      `${what}: the bracket needs finite ends low ≤ high (got ${low}, ${high})`,
    );
  }
  const value = (x: number) => {
    const y = f(x);
    return Number.isFinite(y) ? y : Infinity;
  };
  if (low === high) {
    const y = value(low);
    return { x: low, value: y, lowerBound: y, bracket: [low, low], evaluations: 1 };
  }
  const xs = [low, (low + high) / 2, high];
  const ys = xs.map(value);
  for (;;) {
    let best = 0;
    for (let i = 1; i < ys.length; i++) if ((ys[i] as number) < (ys[best] as number)) best = i;
    const bestValue = ys[best] as number;
    // The gap whose lower bound is least, and that bound.
    let weakest = 0;
    let weakestBound = Infinity;
    for (let i = 0; i + 1 < xs.length; i++) {
      const bound = gapBound(xs, ys, i);
      if (!(bound >= weakestBound)) [weakest, weakestBound] = [i, bound];
    }
    const lowerBound = Math.min(weakestBound, bestValue);
    const [a, b] = [xs[weakest] as number, xs[weakest + 1] as number];
    const middle = (a + b) / 2;
    const done =
      bestValue - lowerBound <= CONVEX_RELATIVE_GAP * Math.abs(bestValue) ||
      lowerBound >= threshold ||
      // The weakest gap is as narrow as the position can usefully be known (a minimum of 0, say,
      // where no relative gap can be met): the bound is as good as it gets.
      b - a <= CONVEX_RELATIVE_WIDTH * (high - low) ||
      !(middle > a && middle < b);
    if (done) {
      const bracket: [number, number] = [
        xs[Math.max(0, best - 1)] as number,
        xs[Math.min(xs.length - 1, best + 1)] as number,
      ];
      return { x: xs[best] as number, value: bestValue, lowerBound, bracket, evaluations: xs.length };
    }
    if (xs.length >= CONVEX_MAX_EVALUATIONS) {
      throw new ScienceError(
        'no-convergence',
        `${what}: the bounds did not meet within ${CONVEX_MAX_EVALUATIONS} samples (is the function convex?)`,
      );
    }
    xs.splice(weakest + 1, 0, middle);
    ys.splice(weakest + 1, 0, value(middle));
  }
}
