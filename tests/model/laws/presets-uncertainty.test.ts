import { describe, expect, it } from 'vitest';
import { LAW_PRESETS, findLawPreset, lawFromPreset } from '../../../src/model/laws/presets';

const besiroglu = findLawPreset('besiroglu2024');
if (besiroglu?.form !== 'chinchilla' || !besiroglu.covariance)
  throw new Error('besiroglu2024 must carry a covariance');
const { constants, covariance } = besiroglu;
const sd = (i: number): number => Math.sqrt(covariance[i]?.[i] ?? Number.NaN);

describe('the uncertainty the presets carry', () => {
  it('besiroglu2024: Epoch’s covariance as issue 13 gives it, symmetric, on the law built from the preset', () => {
    expect(covariance[0]).toEqual([6.665505e-2, -2.782104e-2, 2.134113e-3, 3.973359e-3, -1.39356e-3]);
    expect(covariance[4]?.[4]).toBe(4.244887e-4);
    covariance.forEach((row, i) => row.forEach((value, j) => expect(value).toBe(covariance[j]?.[i])));
    const law = lawFromPreset('besiroglu2024');
    expect(law.form === 'chinchilla' && law.covariance).toBe(covariance);
  });

  it('besiroglu2024: its square-root diagonal is the standard errors Epoch’s notebook prints for (ln A, ln B, ln E, α, β): 0.258, 0.421, 0.014, 0.015, 0.021', () => {
    // epoch-research/analyzing-chinchilla, data_analysis.ipynb: "A: 6.178 (0.258)", "B: 7.643 (0.421)", …
    [0.258, 0.421, 0.014, 0.015, 0.021].forEach((printed, i) => expect(sd(i)).toBeCloseTo(printed, 3));
  });

  it('besiroglu2024: transformed to A, E, α and β (delta method, SE(X) = X·SE(ln X)), they agree with the standard errors the preset quotes', () => {
    // The preset's source quotes Besiroglu et al. 2024's standard errors: E 0.03, A 124.58, α 0.02, β 0.02.
    expect(constants.A * sd(0)).toBeGreaterThan(124.58 * 0.995);
    expect(constants.A * sd(0)).toBeLessThan(124.58 * 1.005);
    expect((constants.E * sd(2)).toFixed(2)).toBe('0.03');
    expect(sd(3).toFixed(2)).toBe('0.02');
    expect(sd(4).toFixed(2)).toBe('0.02');
    expect(besiroglu.source).toContain('E 0.03, A 124.58, B 1293.23, α 0.02, β 0.02');
  });

  it('besiroglu2024: B’s quoted 1293.23 is the spread of the bootstrap B values themselves, wider than a normal in ln B implies', () => {
    // Epoch's notebook takes B's standard error as the standard deviation of e^b over its
    // bootstrap fits, whose right tail is heavier than a normal b's: the delta method gives
    // B·SE(ln B) ≈ 878 and a log-normal B·√(e^σ² − 1)·e^(σ²/2) ≈ 1004, both below 1293.23. The
    // draws follow the covariance (normal in ln B), so they understate B's right tail.
    const variance = sd(1) ** 2;
    expect(constants.B * sd(1)).toBeCloseTo(878.3, 0);
    expect(constants.B * Math.sqrt(Math.expm1(variance)) * Math.exp(variance / 2)).toBeCloseTo(1003.9, 0);
  });

  it('every other preset says it has no published uncertainty, and carries no covariance', () => {
    for (const preset of LAW_PRESETS.filter((p) => p.id !== 'besiroglu2024')) {
      expect(preset.uncertainty).toMatch(/^none published/);
      expect('covariance' in preset).toBe(false);
    }
    expect(besiroglu.uncertainty).toContain('epoch-research/analyzing-chinchilla');
  });
});
