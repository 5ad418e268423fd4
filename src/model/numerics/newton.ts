import { ScienceError } from '../errors';

/** Relative step size at which a Newton iteration is taken as converged. */
export const NEWTON_TOLERANCE = 1e-14;
/** Newton's method here starts on the correct side of a convex monotone function and needs < 10 steps. */
export const NEWTON_MAX_ITERATIONS = 100;

/**
 * Newton's method for a root of a convex, monotone function whose start lies on the side from which
 * the iterates approach the root monotonically (so no bracketing is needed). `step(x)` returns
 * f(x)/f'(x). Stops when the step is below NEWTON_TOLERANCE relative to max(1, |x|).
 */
export function monotoneNewton(start: number, step: (x: number) => number, what: string): number {
  let x = start;
  for (let iteration = 0; iteration < NEWTON_MAX_ITERATIONS; iteration++) {
    const delta = step(x);
    if (!Number.isFinite(delta)) break;
    x -= delta;
    if (Math.abs(delta) <= NEWTON_TOLERANCE * Math.max(1, Math.abs(x))) return x;
  }
  throw new ScienceError('no-convergence', `${what} did not converge within ${NEWTON_MAX_ITERATIONS} steps`);
}
