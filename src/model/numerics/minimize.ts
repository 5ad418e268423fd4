import { ScienceError, formatForMessage } from '../errors';

/**
 * A robust one-dimensional minimiser for the non-separable lifetime problems (data wall, roofline
 * decode): Brent's method (Brent 1973, "Algorithms for Minimization without Derivatives", ch. 5;
 * the `fminbound` variant of SciPy and Numerical Recipes §10.3): golden-section steps, replaced by
 * parabolic interpolation where that is safe. An optional grid scan first narrows the bracket to the
 * neighbourhood of the best grid point, so a function that is not unimodal on the whole bracket
 * still gives the global minimum to grid resolution. The bracket's ends are always compared too, so
 * a monotone function gives its end point.
 */

/** Golden-section ratio (3 − √5)/2 ≈ 0.381966. */
const GOLDEN = (3 - Math.sqrt(5)) / 2;
/**
 * √(machine ε): the relative precision to which a minimum's position can be found from function
 * values alone (a smooth f is flat to ε there), used as the relative part of the tolerance.
 */
const SQRT_EPSILON = Math.sqrt(Number.EPSILON);

/** Absolute tolerance on the position of the minimum (in the variable searched; log space: relative). */
export const MINIMIZE_TOLERANCE = 1e-10;
/** Brent's method gains at least a golden-section factor per two steps: 200 steps cover any bracket. */
export const MINIMIZE_MAX_ITERATIONS = 200;
/** Default grid points of the scan that precedes Brent's method (0 skips the scan). */
export const MINIMIZE_GRID_POINTS = 0;

export interface MinimizeOptions {
  /** Absolute tolerance on x; the stopping interval is SQRT_EPSILON·|x| + tolerance/3 each side. */
  readonly tolerance?: number;
  readonly maxIterations?: number;
  /** Points (≥ 3) of an initial grid scan over the bracket; 0 for none (f assumed unimodal). */
  readonly gridPoints?: number;
}

export interface Minimum {
  readonly x: number;
  readonly value: number;
  /** Brent iterations used (grid evaluations not counted). */
  readonly iterations: number;
  /** Function evaluations in all. */
  readonly evaluations: number;
}

/** Treats a non-finite value (NaN, ±Infinity, e.g. outside a feasible region) as +Infinity. */
function finiteOrInfinity(value: number): number {
  return Number.isFinite(value) ? value : Infinity;
}

function checkBracket(low: number, high: number, what: string): void {
  if (!(Number.isFinite(low) && Number.isFinite(high) && low < high)) {
    throw new ScienceError(
      'invalid-argument',
      `${what}: the bracket needs finite ends low < high (got ${formatForMessage(low)}, ${formatForMessage(high)})`,
    );
  }
}

/**
 * The minimum of f on [low, high]. f may return NaN or ±Infinity (treated as +Infinity) where it is
 * not defined, but must be finite somewhere the search looks. Throws `no-convergence` after
 * `maxIterations` Brent steps, `invalid-argument` for a bad bracket or when f is nowhere finite.
 */
export function minimizeScalar(
  f: (x: number) => number,
  low: number,
  high: number,
  what: string,
  options: MinimizeOptions = {},
): Minimum {
  checkBracket(low, high, what);
  const tolerance = options.tolerance ?? MINIMIZE_TOLERANCE;
  const maxIterations = options.maxIterations ?? MINIMIZE_MAX_ITERATIONS;
  const gridPoints = options.gridPoints ?? MINIMIZE_GRID_POINTS;
  if (!(tolerance > 0) || !(maxIterations >= 1) || !(gridPoints === 0 || gridPoints >= 3)) {
    throw new ScienceError(
      'invalid-argument',
      `${what}: tolerance > 0, iterations ≥ 1 and grid 0 or ≥ 3 points`,
    );
  }
  let evaluations = 0;
  const g = (x: number) => {
    evaluations++;
    return finiteOrInfinity(f(x));
  };
  const lowValue = g(low);
  const highValue = g(high);
  const ends = [
    { x: low, value: lowValue },
    { x: high, value: highValue },
  ];
  let [a, b] = [low, high];
  if (gridPoints > 0) [a, b] = gridBracket(g, low, high, gridPoints, ends, [lowValue, highValue]);
  const inner = brent(g, a, b, tolerance, maxIterations, what);
  let best: { x: number; value: number } = inner;
  for (const end of ends) if (end.value < best.value) best = end;
  if (!Number.isFinite(best.value)) {
    throw new ScienceError(
      'invalid-argument',
      `${what}: the function is not finite anywhere it was evaluated`,
    );
  }
  return { x: best.x, value: best.value, iterations: inner.iterations, evaluations };
}

/**
 * Evaluates g on an even grid and returns the cells either side of the best point; grid points are
 * added to `seen` so that they compete with Brent's answer.
 */
function gridBracket(
  g: (x: number) => number,
  low: number,
  high: number,
  points: number,
  seen: { x: number; value: number }[],
  endValues: readonly [number, number],
): [number, number] {
  const step = (high - low) / (points - 1);
  const at = (i: number) => (i === points - 1 ? high : low + i * step);
  let bestIndex = 0;
  let bestValue = Infinity;
  for (let i = 0; i < points; i++) {
    const x = at(i);
    const value = i === 0 ? endValues[0] : i === points - 1 ? endValues[1] : g(x);
    if (i > 0 && i < points - 1) seen.push({ x, value });
    if (value < bestValue) [bestIndex, bestValue] = [i, value];
  }
  return [at(Math.max(0, bestIndex - 1)), at(Math.min(points - 1, bestIndex + 1))];
}

/** Brent's method on [a, b] (SciPy `fminbound` / Numerical Recipes `brent`, bounded form). */
function brent(
  f: (x: number) => number,
  lower: number,
  upper: number,
  tolerance: number,
  maxIterations: number,
  what: string,
): { x: number; value: number; iterations: number } {
  let a = lower;
  let b = upper;
  let x = a + GOLDEN * (b - a);
  let w = x;
  let v = x;
  let fx = f(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const middle = (a + b) / 2;
    const tol1 = SQRT_EPSILON * Math.abs(x) + tolerance / 3;
    const tol2 = 2 * tol1;
    if (Math.abs(x - middle) <= tol2 - (b - a) / 2) return { x, value: fx, iterations: iteration };
    let golden = true;
    if (Math.abs(e) > tol1) {
      // Parabola through (v, fv), (w, fw), (x, fx); NaN from infinite values fails the tests below.
      let r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      q = Math.abs(q);
      r = e;
      e = d;
      if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - x) && p < q * (b - x)) {
        d = p / q;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = middle >= x ? tol1 : -tol1;
        golden = false;
      }
    }
    if (golden) {
      e = x >= middle ? a - x : b - x;
      d = GOLDEN * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d >= 0 ? tol1 : -tol1);
    const fu = f(u);
    if (fu <= fx) {
      if (u >= x) a = x;
      else b = x;
      [v, fv, w, fw, x, fx] = [w, fw, x, fx, u, fu];
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        [v, fv, w, fw] = [w, fw, u, fu];
      } else if (fu <= fv || v === x || v === w) {
        [v, fv] = [u, fu];
      }
    }
  }
  throw new ScienceError('no-convergence', `${what} did not converge within ${maxIterations} iterations`);
}

/**
 * The minimum of f(x) for x in [low, high] (both > 0), searched in t = ln x: scaling quantities
 * (parameters, tokens) span many orders of magnitude, and the tolerance becomes relative in x.
 * Returns x (not ln x).
 */
export function minimizeInLogSpace(
  f: (x: number) => number,
  low: number,
  high: number,
  what: string,
  options: MinimizeOptions = {},
): Minimum {
  if (!(low > 0 && high > 0)) {
    throw new ScienceError(
      'invalid-argument',
      `${what}: a log-space bracket needs ends above 0 (got ${formatForMessage(low)}, ${formatForMessage(high)})`,
    );
  }
  const logLow = Math.log(low);
  const logHigh = Math.log(high);
  const result = minimizeScalar(
    (t) => f(t === logLow ? low : t === logHigh ? high : Math.exp(t)),
    logLow,
    logHigh,
    what,
    options,
  );
  const x = result.x === logLow ? low : result.x === logHigh ? high : Math.exp(result.x);
  return { ...result, x };
}
