import { describe, expect, it } from 'vitest';
import { ScienceError } from '../../../src/model/errors';
import { BISECT_MAX_ITERATIONS, bisect, bisectRoot } from '../../../src/model/numerics/bisect';

const code = (code: string) => expect.objectContaining({ code }) as Error;

describe('bisect: the boundary of a monotone predicate', () => {
  it('finds √2 as the boundary of x² ≥ 2, from the side where it holds', () => {
    const root = bisect((x) => x * x >= 2, 0, 2, '√2', { relativeTolerance: 1e-15 });
    expect(root).toBeCloseTo(Math.SQRT2, 14);
    expect(root * root).toBeGreaterThanOrEqual(2);
  });

  it('finds a step exactly up to the tolerance, never evaluating the ends', () => {
    const seen: number[] = [];
    const step = bisect(
      (x) => {
        seen.push(x);
        return x >= 0.3;
      },
      0,
      1,
      'a step',
      { relativeTolerance: 0, absoluteTolerance: 1e-9 },
    );
    expect(step).toBeGreaterThanOrEqual(0.3);
    expect(step - 0.3).toBeLessThanOrEqual(1e-9);
    expect(seen).not.toContain(0);
    expect(seen).not.toContain(1);
    // ⌈log₂(1 / 1e-9)⌉ = 30 halvings.
    expect(seen).toHaveLength(30);
  });

  it('searches in log space: a step at 10^12 between 1 and 10^30, to a relative tolerance', () => {
    const seen: number[] = [];
    const step = bisect(
      (x) => {
        seen.push(x);
        return x >= 1e12;
      },
      1,
      1e30,
      'a step in log space',
      { scale: 'log', relativeTolerance: 0, absoluteTolerance: 1e-12 },
    );
    expect(step / 1e12 - 1).toBeGreaterThanOrEqual(0);
    expect(step / 1e12 - 1).toBeLessThan(2e-12);
    // The midpoints are geometric: the first is √(1 · 10^30) = 10^15.
    expect(seen[0]).toBeCloseTo(1e15, -3);
  });

  it('stops where double precision can no longer halve the bracket', () => {
    // An absolute tolerance far below the spacing of doubles near 1e6 is met by resolution alone.
    const boundary = bisect((x) => x >= 1e6 + 0.5, 1e6, 1e6 + 1, 'a fine step', {
      relativeTolerance: 0,
      absoluteTolerance: 1e-300,
    });
    expect(boundary).toBe(1e6 + 0.5);
  });

  it('throws no-convergence when the iteration limit is too small for the tolerance', () => {
    expect(() => bisect((x) => x >= 0.3, 0, 1, 'a short search', { maxIterations: 5 })).toThrow(
      code('no-convergence'),
    );
    expect(() => bisect((x) => x >= 0.3, 0, 1, 'a short search', { maxIterations: 5 })).toThrow(
      /a short search did not converge within 5 bisection steps/,
    );
    expect(BISECT_MAX_ITERATIONS).toBe(200);
  });

  it('rejects bad brackets and tolerances with invalid-argument', () => {
    const holds = (x: number) => x > 1;
    expect(() => bisect(holds, 2, 1, 'reversed')).toThrow(code('invalid-argument'));
    expect(() => bisect(holds, 1, 1, 'empty')).toThrow(ScienceError);
    expect(() => bisect(holds, 0, Infinity, 'infinite')).toThrow(/finite ends/);
    expect(() => bisect(holds, Number.NaN, 1, 'NaN')).toThrow(ScienceError);
    expect(() => bisect(holds, 0, 10, 'log from 0', { scale: 'log' })).toThrow(/above 0/);
    expect(() => bisect(holds, 0, 2, 'no tolerance', { relativeTolerance: 0 })).toThrow(/tolerances/);
    expect(() => bisect(holds, 0, 2, 'no steps', { maxIterations: 0 })).toThrow(code('invalid-argument'));
  });
});

describe('bisectRoot: a sign change', () => {
  it('finds ln 2 as the root of eˣ − 2, rising or falling', () => {
    expect(bisectRoot((x) => Math.exp(x) - 2, 0, 1, 'ln 2', { relativeTolerance: 1e-15 })).toBeCloseTo(
      Math.LN2,
      14,
    );
    expect(bisectRoot((x) => 2 - Math.exp(x), 0, 1, 'ln 2', { relativeTolerance: 1e-15 })).toBeCloseTo(
      Math.LN2,
      14,
    );
  });

  it('finds √2 as the root of x² − 2 in log space', () => {
    const root = bisectRoot((x) => x * x - 2, 1e-3, 1e3, '√2', {
      scale: 'log',
      relativeTolerance: 0,
      absoluteTolerance: 1e-15,
    });
    expect(root).toBeCloseTo(Math.SQRT2, 13);
  });

  it('returns an end that is itself a root', () => {
    expect(bisectRoot((x) => x - 1, 1, 3, 'at low')).toBe(1);
    expect(bisectRoot((x) => x - 3, 1, 3, 'at high')).toBe(3);
  });

  it('rejects a bracket without a sign change, or with an undefined end', () => {
    expect(() => bisectRoot((x) => x * x + 1, -1, 1, 'no root')).toThrow(code('invalid-argument'));
    expect(() => bisectRoot((x) => x * x + 1, -1, 1, 'no root')).toThrow(/change sign/);
    expect(() => bisectRoot(() => Number.NaN, 0, 1, 'undefined')).toThrow(ScienceError);
  });

  it('throws no-convergence at its iteration limit', () => {
    expect(() => bisectRoot((x) => x - 0.3, 0, 1, 'capped', { maxIterations: 3 })).toThrow(
      code('no-convergence'),
    );
  });
});
