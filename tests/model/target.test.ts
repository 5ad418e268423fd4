import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lawFromPreset, LAW_PRESETS, ScienceError, targetLoss, targetsForLoss } from '../../src/model';

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('targetsForLoss', () => {
  it("states Sardana et al. 2024's 1.947 as the Chinchilla-optimal 34.1B model (Hoffmann Eq. 4, re-derived)", () => {
    const { E, A, B, alpha, beta } = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.336, beta: 0.283 };
    const excess = 1.947 - E;
    const params = ((A * (alpha + beta)) / (beta * excess)) ** (1 / alpha);
    const tokens = ((B * (alpha + beta)) / (alpha * excess)) ** (1 / beta);
    const targets = targetsForLoss(lawFromPreset('sardana2024'), 1.947);
    expect(targets.loss).toBe(1.947);
    expect(relative(targets.model.params, params)).toBeLessThan(1e-12);
    expect(relative(targets.model.tokens, tokens)).toBeLessThan(1e-12);
    expect(targets.model.params / 1e9).toBeCloseTo(34.08, 2);
    expect(targets.model.tokens / 1e12).toBeCloseTo(1.81, 2);
    expect(targets.computeOptimalParams).toBe(targets.model.params);
    expect(relative(targets.computeOptimalFlops, 6 * params * tokens)).toBeLessThan(1e-12);
  });

  it('gives targets whose targetLoss is the loss back, under every preset law', () => {
    for (const preset of LAW_PRESETS) {
      const law = lawFromPreset(preset.id);
      fc.assert(
        fc.property(fc.double({ min: 0.01, max: 2, noNaN: true }), (above) => {
          // Any loss 1 % to 3× above the floor (Kaplan's floor is 0: losses from 0.01 to 2).
          const loss = law.floor > 0 ? law.floor * (1 + above) : above;
          const targets = targetsForLoss(law, loss);
          for (const target of [
            { loss },
            { model: targets.model },
            { computeOptimalFlops: targets.computeOptimalFlops },
            { computeOptimalParams: targets.computeOptimalParams },
          ]) {
            expect(relative(targetLoss(law, target), loss)).toBeLessThan(1e-9);
          }
        }),
        { numRuns: 50 },
      );
    }
  });

  it('refuses a loss at the floor, as targetLoss does', () => {
    const law = lawFromPreset('sardana2024');
    expect(() => targetsForLoss(law, 1.69)).toThrow(ScienceError);
    expect(() => targetsForLoss(law, 1.5)).toThrow(/floor|irreducible/i);
  });
});
