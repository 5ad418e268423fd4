import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScienceError } from '../../../src/model/errors';
import { CONVEX_RELATIVE_GAP, minimizeConvex } from '../../../src/model/numerics/convex-bracket';

describe('minimizeConvex', () => {
  it('finds the minimum of a quadratic and certifies it', () => {
    const result = minimizeConvex((x) => (x - 0.3) ** 2 + 2, -5, 7, 'a parabola');
    expect(result.lowerBound).toBeLessThanOrEqual(2);
    expect(result.value - 2).toBeLessThanOrEqual(CONVEX_RELATIVE_GAP * 2);
    expect(result.value - result.lowerBound).toBeLessThanOrEqual(CONVEX_RELATIVE_GAP * 2);
    expect(Math.abs(result.x - 0.3)).toBeLessThan(1e-4);
  });

  it('finds the kink of |x − 1| + 1 and an end point of a monotone function', () => {
    expect(minimizeConvex((x) => Math.abs(x - 1) + 1, -3, 10, 'a kink').value).toBeCloseTo(1, 9);
    const monotone = minimizeConvex((x) => Math.exp(x), 0, 4, 'exp');
    expect(monotone.x).toBe(0);
    expect(monotone.value).toBe(1);
  });

  it('never reports a lower bound above any value of the function (random convex functions)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (centre, curvature, growth) => {
          const f = (x: number) => curvature * (x - centre) ** 2 + Math.exp(growth * x) - 1;
          const result = minimizeConvex(f, -20, 20, 'a random convex function');
          let lowest = Infinity;
          for (let i = 0; i <= 4000; i++) lowest = Math.min(lowest, f(-20 + (40 * i) / 4000));
          expect(lowest).toBeGreaterThanOrEqual(result.lowerBound - 1e-9 * Math.abs(result.lowerBound));
          expect(result.value).toBe(f(result.x));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('stops early once the function is proven to stay above a threshold', () => {
    let calls = 0;
    const f = (x: number) => {
      calls++;
      return (x - 2) ** 2 + 10;
    };
    const result = minimizeConvex(f, 0, 4, 'above the threshold', 5);
    expect(result.lowerBound).toBeGreaterThanOrEqual(5);
    expect(calls).toBeLessThan(10);
  });

  it('treats values that are not finite as +Infinity and still finds the minimum', () => {
    const f = (x: number) => (x < 1 ? NaN : (x - 2) ** 2);
    expect(minimizeConvex(f, 0, 5, 'partly defined').value).toBeCloseTo(0, 10);
  });

  it('refuses a bad bracket, explained', () => {
    expect(() => minimizeConvex((x) => x, 2, 1, 'backwards')).toThrow(ScienceError);
    expect(() => minimizeConvex((x) => x, 0, NaN, 'no end')).toThrow(/finite ends/);
  });

  it('stops at a minimum of exactly 0, where no relative gap can be met', () => {
    const result = minimizeConvex((x) => x * x, 0, 1, 'x²');
    expect(result.value).toBe(0);
    expect(result.evaluations).toBeLessThan(200);
  });
});
