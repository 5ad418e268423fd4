import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScienceError } from '../../../src/model/errors';
import {
  MINIMIZE_MAX_ITERATIONS,
  MINIMIZE_TOLERANCE,
  minimizeInLogSpace,
  minimizeScalar,
} from '../../../src/model/numerics/minimize';
import { logUniform } from '../../support/arbitraries';
import { expectRelativelyClose } from '../../support/close';

describe('Brent’s method on a bracket', () => {
  it('finds the minimum of (x − 3)² to within its tolerance, in few steps (parabolic convergence)', () => {
    const result = minimizeScalar((x) => (x - 3) ** 2, -10, 10, 'parabola');
    expect(Math.abs(result.x - 3)).toBeLessThan(1e-8);
    expect(result.value).toBeLessThan(1e-16);
    expect(result.iterations).toBeLessThan(10);
  });

  it('finds π as the minimum of cos on [2, 5] to ~√ε (the best function values allow)', () => {
    const result = minimizeScalar(Math.cos, 2, 5, 'cosine');
    expect(Math.abs(result.x - Math.PI)).toBeLessThan(1e-7);
    expect(result.value).toBe(-1);
  });

  it('finds the minimum of a non-smooth |x − 1/3| (golden-section steps)', () => {
    const result = minimizeScalar((x) => Math.abs(x - 1 / 3), 0, 1, 'kink');
    expect(Math.abs(result.x - 1 / 3)).toBeLessThan(1e-8);
  });

  it('returns the better end of the bracket for a monotone function', () => {
    expect(minimizeScalar((x) => x, 1, 2, 'increasing').x).toBe(1);
    expect(minimizeScalar((x) => -x, 1, 2, 'decreasing').x).toBe(2);
  });

  it('finds the minimum of random smooth convex functions a(x − m)² + b(x − m)⁴ + c', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        logUniform(1e-3, 1e3),
        logUniform(1e-3, 1e3),
        fc.double({ min: -10, max: 10, noNaN: true }),
        logUniform(1e-2, 1e2),
        logUniform(1e-2, 1e2),
        (m, a, b, c, left, right) => {
          const f = (x: number) => a * (x - m) ** 2 + b * (x - m) ** 4 + c;
          const result = minimizeScalar(f, m - left, m + right, 'random convex');
          // Brent stops within ~2 · (√ε·|x| + tolerance/3) of the minimum, and function values only
          // tell points apart to ε·|c|, so the position is known to ~√(ε·|c|/a) at best.
          const epsilon = Number.EPSILON;
          const bound =
            4 * (Math.sqrt(epsilon) * Math.abs(m) + MINIMIZE_TOLERANCE / 3) +
            4 * Math.sqrt((epsilon * Math.max(1, Math.abs(c))) / a);
          expect(Math.abs(result.x - m)).toBeLessThanOrEqual(bound);
          expect(result.value).toBeLessThanOrEqual(f(m + bound) + 4 * epsilon * Math.abs(c));
          expect(result.iterations).toBeLessThanOrEqual(MINIMIZE_MAX_ITERATIONS);
        },
      ),
    );
  });

  it('finds the global minimum of a non-unimodal function with a grid scan first', () => {
    // Two wells: a shallow one at x = −2 (value 1) and the deep one at x = 3 (value 0).
    const f = (x: number) => Math.min((x + 2) ** 2 + 1, 4 * (x - 3) ** 2);
    const withGrid = minimizeScalar(f, -5, 5, 'two wells', { gridPoints: 41 });
    expect(Math.abs(withGrid.x - 3)).toBeLessThan(1e-7);
    expect(withGrid.value).toBeLessThan(1e-14);
  });

  it('treats NaN and infinite values as +∞ (infeasible regions) and still finds the feasible minimum', () => {
    const f = (x: number) => (x < 1 ? Number.NaN : x > 4 ? Infinity : (x - 2) ** 2);
    const result = minimizeScalar(f, 0, 5, 'partly infeasible', { gridPoints: 11 });
    expect(Math.abs(result.x - 2)).toBeLessThan(1e-7);
    const plain = minimizeScalar((x) => (x > 4 ? Infinity : (x - 2) ** 2), 0, 5, 'infinite right end');
    expect(Math.abs(plain.x - 2)).toBeLessThan(1e-7);
  });

  it('honours a looser tolerance with fewer evaluations', () => {
    const tight = minimizeScalar(Math.cos, 2, 5, 'tight');
    const loose = minimizeScalar(Math.cos, 2, 5, 'loose', { tolerance: 1e-3 });
    expect(Math.abs(loose.x - Math.PI)).toBeLessThan(1e-3);
    expect(loose.evaluations).toBeLessThanOrEqual(tight.evaluations);
    expect(MINIMIZE_TOLERANCE).toBe(1e-10);
  });

  it('stops at its iteration limit with a typed no-convergence error', () => {
    expect(() => minimizeScalar(Math.cos, 2, 5, 'the capped search', { maxIterations: 2 })).toThrow(
      'the capped search did not converge within 2 iterations',
    );
    expect(() => minimizeScalar(Math.cos, 2, 5, 'capped', { maxIterations: 2 })).toThrow(
      expect.objectContaining({ code: 'no-convergence' }) as Error,
    );
  });

  it('rejects bad brackets, options and functions with typed errors', () => {
    const invalid = expect.objectContaining({ code: 'invalid-argument' }) as Error;
    expect(() => minimizeScalar(Math.cos, 5, 2, 'reversed')).toThrow(invalid);
    expect(() => minimizeScalar(Math.cos, 0, Infinity, 'open')).toThrow(invalid);
    expect(() => minimizeScalar(Math.cos, 0, 1, 'bad', { tolerance: 0 })).toThrow(invalid);
    expect(() => minimizeScalar(Math.cos, 0, 1, 'bad', { gridPoints: 2 })).toThrow(invalid);
    expect(() => minimizeScalar(() => Number.NaN, 0, 1, 'nowhere finite')).toThrow(ScienceError);
    expect(() => minimizeInLogSpace(Math.cos, 0, 1, 'log of 0')).toThrow(invalid);
  });
});

describe('minimising in log space', () => {
  it('finds N = 1e6 for N + 1e12/N on [1, 1e12] (relative tolerance in N)', () => {
    const result = minimizeInLogSpace((n) => n + 1e12 / n, 1, 1e12, 'log-space');
    expectRelativelyClose(result.x, 1e6, 1e-7);
    expectRelativelyClose(result.value, 2e6, 1e-14);
  });

  it('finds the compute-optimal split of 6ND at fixed loss: the minimum of a scaling-law cost', () => {
    // Minimise N · D(N) for a Chinchilla-form excess: closed form N* = (a(α+β)/(βΔ))^(1/α).
    const a = 406.4;
    const b = 410.7;
    const alpha = 0.336;
    const beta = 0.283;
    const excess = 0.257;
    const tokens = (n: number) => (b / (excess - a * n ** -alpha)) ** (1 / beta);
    const minimumN = (a / excess) ** (1 / alpha);
    const result = minimizeInLogSpace(
      (n) => (n > minimumN ? 6 * n * tokens(n) : Infinity),
      minimumN,
      minimumN * 1e6,
      'compute-optimal',
      { gridPoints: 25 },
    );
    const expected = ((a * (alpha + beta)) / (beta * excess)) ** (1 / alpha);
    expectRelativelyClose(result.x, expected, 1e-7);
  });

  it('returns an exact end of the bracket when the minimum is there', () => {
    expect(minimizeInLogSpace((x) => x, 3e9, 7e12, 'increasing').x).toBe(3e9);
    expect(minimizeInLogSpace((x) => -x, 3e9, 7e12, 'decreasing').x).toBe(7e12);
  });

  it('finds minima spread over many orders of magnitude', () => {
    fc.assert(
      fc.property(
        logUniform(1e-100, 1e100),
        logUniform(1.01, 1e6),
        logUniform(1.01, 1e6),
        (m, below, above) => {
          const result = minimizeInLogSpace((x) => Math.log(x / m) ** 2, m / below, m * above, 'spread');
          expectRelativelyClose(result.x, m, 1e-8);
        },
      ),
    );
  });
});
