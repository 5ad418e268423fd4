import { ScienceError } from '../errors';

/**
 * Bisection for the boundary of a monotone predicate, or the root of a function that changes sign
 * once, in linear or logarithmic coordinates. Each step halves the bracket, so the iteration limit
 * is a statement about the tolerance: from a bracket of width w, ⌈log₂(w / tolerance)⌉ steps.
 */

/** Default relative tolerance on the bracket's width (relative to the larger end, in the coordinate searched). */
export const BISECT_RELATIVE_TOLERANCE = 1e-12;
/** Default absolute tolerance on the bracket's width (in the coordinate searched). */
export const BISECT_ABSOLUTE_TOLERANCE = 0;
/**
 * Default step limit: 2^−200 of any bracket is far below double precision, so a search that has
 * not converged by then has a tolerance it can never meet.
 */
export const BISECT_MAX_ITERATIONS = 200;

export interface BisectOptions {
  /** The search stops once high − low ≤ relativeTolerance · max(|low|, |high|) + absoluteTolerance. */
  readonly relativeTolerance?: number;
  readonly absoluteTolerance?: number;
  readonly maxIterations?: number;
  /**
   * 'log' bisects on ln x between ln low and ln high (both > 0), for quantities that span orders of
   * magnitude; the tolerances then apply to ln x. The predicate and the result are always in x.
   */
  readonly scale?: 'linear' | 'log';
}

/**
 * The boundary of a predicate that is false below it and true above it on [low, high]: the upper
 * end of a bracket of the tolerance's width around the boundary, so `holds` is true there. The
 * ends themselves are never evaluated: the caller has established (or knows) that `holds` fails
 * at low and holds at high, usually with a more specific error than a generic one could give; if
 * it holds nowhere inside, the answer is high, if everywhere, a point within tolerance of low.
 * Throws `invalid-argument` for a bad bracket or tolerance, `no-convergence` when `maxIterations`
 * halvings leave the bracket wider than the tolerance. A bracket that can no longer be halved in
 * double precision counts as converged.
 */
export function bisect(
  holds: (x: number) => boolean,
  low: number,
  high: number,
  what: string,
  options: BisectOptions = {},
): number {
  const relative = options.relativeTolerance ?? BISECT_RELATIVE_TOLERANCE;
  const absolute = options.absoluteTolerance ?? BISECT_ABSOLUTE_TOLERANCE;
  const maxIterations = options.maxIterations ?? BISECT_MAX_ITERATIONS;
  const log = options.scale === 'log';
  if (!(relative >= 0 && absolute >= 0 && relative + absolute > 0 && maxIterations >= 1)) {
    throw new ScienceError(
      'invalid-argument',
      `${what}: bisection needs tolerances ≥ 0 (not both 0) and at least one iteration`,
    );
  }
  if (!(Number.isFinite(low) && Number.isFinite(high) && low < high && (!log || low > 0))) {
    throw new ScienceError(
      'invalid-argument',
      `${what}: the bracket needs finite ends low < high${log ? ', both above 0' : ''} (got ${low}, ${high})`,
    );
  }
  const toX = log ? Math.exp : (t: number) => t;
  let lower = log ? Math.log(low) : low;
  let upper = log ? Math.log(high) : high;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (upper - lower <= relative * Math.max(Math.abs(lower), Math.abs(upper)) + absolute) break;
    const middle = (lower + upper) / 2;
    if (!(middle > lower && middle < upper)) break;
    if (holds(toX(middle))) upper = middle;
    else lower = middle;
  }
  const width = upper - lower;
  const middle = (lower + upper) / 2;
  if (
    width > relative * Math.max(Math.abs(lower), Math.abs(upper)) + absolute &&
    middle > lower &&
    middle < upper
  ) {
    throw new ScienceError(
      'no-convergence',
      `${what} did not converge within ${maxIterations} bisection steps (bracket still ${width.toPrecision(3)} wide)`,
    );
  }
  return toX(upper);
}

/**
 * A root of f on [low, high], where f(low) and f(high) have opposite signs (or one is 0): bisection
 * on the sign of f, returning the end of the final bracket on high's side. Throws
 * `invalid-argument` when the signs do not differ or are not defined (NaN).
 */
export function bisectRoot(
  f: (x: number) => number,
  low: number,
  high: number,
  what: string,
  options: BisectOptions = {},
): number {
  const atLow = f(low);
  const atHigh = f(high);
  if (atLow === 0) return low;
  if (atHigh === 0) return high;
  if (!(Math.sign(atLow) * Math.sign(atHigh) < 0)) {
    throw new ScienceError(
      'invalid-argument',
      `${what}: f must change sign over the bracket (f(${low}) = ${atLow}, f(${high}) = ${atHigh})`,
    );
  }
  // Holds where f has high's sign or is 0 (NaN counts as high's side, so a gap never stalls).
  const lowSign = Math.sign(atLow);
  return bisect((x) => Math.sign(f(x)) !== lowSign, low, high, what, options);
}
