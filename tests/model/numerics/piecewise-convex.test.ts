import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimizePiecewiseConvex } from '../../../src/model/numerics/piecewise-convex';

describe('minimizePiecewiseConvex', () => {
  it('finds a narrow deep piece that a grid of 40 points steps over', () => {
    // A parabola raised by 1 everywhere but on one piece 1e-3 wide, far from the parabola's minimum.
    const inDip = (x: number) => x >= 0.8 && x < 0.801;
    const f = (x: number) => (x - 0.2) ** 2 + (inDip(x) ? 0 : 1);
    const result = minimizePiecewiseConvex(
      { f, lowerBound: (x) => (x - 0.2) ** 2, pieceKey: (x) => [x < 0.8 ? 0 : x < 0.801 ? 1 : 2] },
      0,
      1,
      'a hidden dip',
    );
    expect(result.x).toBeCloseTo(0.8, 9);
    expect(result.value).toBeCloseTo(0.36, 9);
  });

  it('searches only the pieces the lower bound cannot rule out', () => {
    // 1000 pieces of width 0.001 with a step of 1e-3 each: only those near the minimum are searched.
    const f = (x: number) => (x - 0.5) ** 2 + (Math.floor(1000 * x) % 2) * 1e-4;
    const result = minimizePiecewiseConvex(
      { f, lowerBound: (x) => (x - 0.5) ** 2, pieceKey: (x) => [Math.floor(1000 * x)] },
      0,
      1,
      'many pieces',
    );
    expect(result.value).toBeLessThanOrEqual(1e-12);
    expect(result.piecesSearched).toBeLessThan(40);
  });

  it('is never beaten by a dense scan (random steps on a convex function)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.double({ min: 0, max: 0.5, noNaN: true }), { minLength: 31, maxLength: 31 }),
        fc.double({ min: -1, max: 2, noNaN: true }),
        (cuts, steps, centre) => {
          const sorted = [...cuts].sort((a, b) => a - b);
          const piece = (x: number) => sorted.filter((cut) => cut <= x).length;
          const f = (x: number) => (x - centre) ** 2 + (steps[piece(x)] ?? 0);
          const result = minimizePiecewiseConvex(
            { f, lowerBound: (x) => (x - centre) ** 2, pieceKey: (x) => [piece(x)] },
            0,
            1,
            'random steps',
          );
          let lowest = Infinity;
          for (let i = 0; i <= 10_000; i++) lowest = Math.min(lowest, f(i / 10_000));
          expect(lowest).toBeGreaterThanOrEqual(result.value - 1e-9);
        },
      ),
      { numRuns: 60 },
    );
  });
});
