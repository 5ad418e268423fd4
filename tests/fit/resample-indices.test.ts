import { describe, expect, it } from 'vitest';
import { resampleIndices } from '../../src/fit/resample-indices';

describe('resampleIndices', () => {
  it('draws every index in range, the same for the same seed and different for another', () => {
    const draws = resampleIndices(42, 100, 47);
    expect(draws).toHaveLength(4700);
    expect(Math.min(...draws)).toBe(0);
    expect(Math.max(...draws)).toBe(46);
    expect(Array.from(resampleIndices(42, 100, 47))).toEqual(Array.from(draws));
    expect(Array.from(resampleIndices(43, 100, 47))).not.toEqual(Array.from(draws));
  });

  it('draws uniformly with replacement: each run about 100 times in 4,700 draws, and repeats within a resample', () => {
    const draws = resampleIndices(7, 100, 47);
    const counts = new Array<number>(47).fill(0);
    for (const index of draws) counts[index] = (counts[index] as number) + 1;
    // Binomial(4700, 1/47): mean 100, sd ≈ 9.9; 4.5 sd either side.
    for (const count of counts) expect(Math.abs(count - 100)).toBeLessThan(45);
    const first = new Set(draws.subarray(0, 47));
    expect(first.size).toBeLessThan(47);
  });
});
