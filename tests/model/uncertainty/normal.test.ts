import { describe, expect, it } from 'vitest';
import { standardNormals } from '../../../src/model/uncertainty/normal';

describe('seeded standard normal variates (Marsaglia polar method on pure-rand’s xoroshiro128+)', () => {
  const n = 200_000;
  const z = standardNormals(7, n);

  it('have mean 0, variance 1 and the normal’s tail shares, within 4 standard errors for 200,000 variates', () => {
    const mean = z.reduce((a, b) => a + b, 0) / n;
    const variance = z.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    // The variance of a sample variance of normals is 2/(n − 1).
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / (n - 1)));
    // P(Z > 1.2815516) = 0.1 and P(Z > 1.959964) = 0.025.
    for (const [threshold, tail] of [
      [1.2815516, 0.1],
      [1.959964, 0.025],
    ] as const) {
      const share = z.filter((x) => x > threshold).length / n;
      expect(Math.abs(share - tail)).toBeLessThan(4 * Math.sqrt((tail * (1 - tail)) / n));
    }
  });

  it('are reproducible from the seed, differ between seeds, and a shorter run is a prefix of a longer one', () => {
    expect(Array.from(standardNormals(7, 5))).toEqual(Array.from(z.subarray(0, 5)));
    expect(Array.from(standardNormals(7, 3))).toEqual(Array.from(z.subarray(0, 3)));
    expect(standardNormals(8, 5)[0]).not.toBe(z[0]);
  });
});
