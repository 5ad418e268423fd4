import { describe, expect, it } from 'vitest';
import { drawLaws, logParameters, MAX_DRAWS } from '../../../src/model/uncertainty/draws';
import { findLawPreset } from '../../../src/model/laws/presets';
import type { ChinchillaConstants } from '../../../src/model/laws/types';
import type { LawCovariance } from '../../../src/model/uncertainty/covariance';

const preset = findLawPreset('besiroglu2024');
if (preset?.form !== 'chinchilla' || !preset.covariance)
  throw new Error('besiroglu2024 must carry a covariance');
const { constants, covariance } = preset;

const ZERO: LawCovariance = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);

describe('laws drawn from a covariance over (ln A, ln B, ln E, α, β)', () => {
  const n = 20_000;
  const draws = drawLaws(constants, covariance, n, 11);
  const thetas = draws.map(logParameters);
  const centre = logParameters(constants);
  const mean = centre.map((_, i) => thetas.reduce((sum, t) => sum + (t[i] ?? 0), 0) / n);

  it('have the point law’s (ln A, ln B, ln E, α, β) as their mean, within 4 standard errors (√(C_ii/n))', () => {
    centre.forEach((value, i) => {
      const sd = Math.sqrt(covariance[i]?.[i] ?? 0);
      expect(Math.abs((mean[i] ?? 0) - value)).toBeLessThan((4 * sd) / Math.sqrt(n));
    });
  });

  it('have the covariance, every entry within 4 standard errors (√((C_ii·C_jj + C_ij²)/n) for normal data)', () => {
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 5; j++) {
        const sample =
          thetas.reduce(
            (sum, t) => sum + ((t[i] ?? 0) - (mean[i] ?? 0)) * ((t[j] ?? 0) - (mean[j] ?? 0)),
            0,
          ) /
          (n - 1);
        const cii = covariance[i]?.[i] ?? 0;
        const cjj = covariance[j]?.[j] ?? 0;
        const cij = covariance[i]?.[j] ?? 0;
        expect(Math.abs(sample - cij)).toBeLessThan(4 * Math.sqrt((cii * cjj + cij * cij) / n));
      }
    }
  });

  it('are positive A, B and E (drawn in logs) and reproducible from the seed', () => {
    expect(draws.every((law) => law.A > 0 && law.B > 0 && law.E > 0)).toBe(true);
    expect(drawLaws(constants, covariance, 3, 11)).toEqual(draws.slice(0, 3));
    expect(drawLaws(constants, covariance, 3, 12)[0]).not.toEqual(draws[0]);
  });

  it('are all the point law when the covariance is zero', () => {
    const still = drawLaws(constants, ZERO, 4, 1);
    for (const law of still) {
      (Object.keys(constants) as (keyof ChinchillaConstants)[]).forEach((key) =>
        expect(law[key]).toBeCloseTo(constants[key], 12),
      );
    }
  });

  it('keep a parameter whose variance is zero fixed (a singular covariance)', () => {
    const alphaFixed = covariance.map((row, i) => row.map((value, j) => (i === 3 || j === 3 ? 0 : value)));
    expect(drawLaws(constants, alphaFixed, 100, 3).every((law) => law.alpha === constants.alpha)).toBe(true);
  });

  it('refuses a bad draw count, seed or covariance with an explained error', () => {
    expect(() => drawLaws(constants, covariance, 0, 1)).toThrow(
      `the number of draws must be a whole number from 1 to ${MAX_DRAWS} (got 0)`,
    );
    expect(() => drawLaws(constants, covariance, 10, 0.5)).toThrow(
      'the seed must be a whole number from 0 to 4294967295 (got 0.5)',
    );
    // The generator keeps 32 bits of its seed: a larger one would repeat a smaller one's draws.
    expect(() => drawLaws(constants, covariance, 10, 2 ** 32)).toThrow('(got 4294967296)');
    const negative = ZERO.map((row, i) => row.map((value, j) => (i === 0 && j === 0 ? -1 : value)));
    expect(() => drawLaws(constants, negative, 10, 1)).toThrow('covariance: the variance of ln A is -1');
  });
});
