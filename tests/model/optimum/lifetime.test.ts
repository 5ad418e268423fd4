import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAW_PRESETS, lawFromPreset } from '../../../src/model/laws/presets';
import {
  computeOptimalForExcess,
  excessOf,
  tokensForParams,
} from '../../../src/model/optimum/compute-optimal';
import { fixedRatioForExcess } from '../../../src/model/optimum/fixed-ratio';
import { breakEvenDemand, lifetimeOptimalForExcess } from '../../../src/model/optimum/lifetime';
import { logUniform } from '../../support/arbitraries';
import { expectPrinted, expectRelativelyClose } from '../../support/close';
import { lifetimeFlops, referenceLifetimeOptimum } from '../../support/reference';

const sardana = lawFromPreset('sardana2024');
const presetIds = fc.constantFrom(...LAW_PRESETS.map((preset) => preset.id));
/** Demands from none to 1e18 tokens, with zero drawn often. */
const demands = fc.oneof(fc.constant(0), logUniform(1, 1e18));

describe('the lifetime-optimal model (Sardana et al. 2024)', () => {
  it('reproduces the published FLOPs example: loss 1.947, 2e12 inference tokens', () => {
    const excess = sardana.excessForLoss(1.947);
    const chinchilla = computeOptimalForExcess(sardana.terms, excess);
    const optimum = lifetimeOptimalForExcess(sardana.terms, excess, 2e12);
    expectPrinted(lifetimeFlops(chinchilla, 2e12), 4, '5.065e23');
    expectPrinted(optimum.params, 4, '2.418e10');
    expectPrinted(optimum.tokens, 4, '2.657e12');
    expectPrinted(lifetimeFlops(optimum, 2e12), 4, '4.823e23');
    expect((100 * optimum.params) / chinchilla.params).toBeCloseTo(70.96, 2);
    expect((100 * optimum.tokens) / chinchilla.tokens).toBeCloseTo(146.77, 2);
    expect((100 * lifetimeFlops(optimum, 2e12)) / lifetimeFlops(chinchilla, 2e12)).toBeCloseTo(95.22, 2);
  });

  it('is within 1e-9 of an independent bisection, for every law, target and demand', () => {
    fc.assert(
      fc.property(presetIds, logUniform(1e-6, 10), demands, (id, excess, demand) => {
        const { terms } = lawFromPreset(id);
        const optimum = lifetimeOptimalForExcess(terms, excess, demand);
        const reference = referenceLifetimeOptimum(terms, excess, demand);
        expectRelativelyClose(optimum.params, reference.params, 1e-9);
        expectRelativelyClose(optimum.tokens, reference.tokens, 1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it('satisfies the optimality condition αaN^−α/(βbD^−β) = 1 + T/(3D) and reaches the target', () => {
    fc.assert(
      fc.property(presetIds, logUniform(1e-6, 10), logUniform(1, 1e18), (id, excess, demand) => {
        const { terms } = lawFromPreset(id);
        const { a, alpha, b, beta } = terms;
        const { params, tokens } = lifetimeOptimalForExcess(terms, excess, demand);
        const ratio = (alpha * a * params ** -alpha) / (beta * b * tokens ** -beta);
        expectRelativelyClose(ratio, 1 + demand / (3 * tokens), 1e-10);
        expectRelativelyClose(excessOf(terms, { params, tokens }), excess, 1e-10);
      }),
    );
  });

  it('costs no more than any nearby model of the same loss', () => {
    fc.assert(
      fc.property(
        logUniform(1e-3, 2),
        logUniform(1e6, 1e16),
        fc.double({ min: 1e-3, max: 0.3, noNaN: true }),
        fc.boolean(),
        (excess, demand, step, larger) => {
          const optimum = lifetimeOptimalForExcess(sardana.terms, excess, demand);
          const params = optimum.params * (larger ? 1 + step : 1 - step);
          let tokens: number;
          try {
            tokens = tokensForParams(sardana.terms, excess, params);
          } catch {
            return; // too small to reach the loss at all: not a competitor
          }
          expect(lifetimeFlops({ params, tokens }, demand)).toBeGreaterThanOrEqual(
            lifetimeFlops(optimum, demand),
          );
        },
      ),
    );
  });

  it('is the Chinchilla-optimal model at zero demand', () => {
    const excess = sardana.excessForLoss(2.1);
    expect(lifetimeOptimalForExcess(sardana.terms, excess, 0)).toEqual(
      computeOptimalForExcess(sardana.terms, excess),
    );
    const tiny = lifetimeOptimalForExcess(sardana.terms, excess, 1e-30);
    expectRelativelyClose(tiny.params, computeOptimalForExcess(sardana.terms, excess).params, 1e-12);
  });

  it('never grows the model nor lowers tokens per parameter as demand grows', () => {
    fc.assert(
      fc.property(
        presetIds,
        logUniform(1e-4, 5),
        demands,
        logUniform(1.0001, 1e6),
        (id, excess, demand, factor) => {
          const { terms } = lawFromPreset(id);
          const less = lifetimeOptimalForExcess(terms, excess, demand);
          const more = lifetimeOptimalForExcess(terms, excess, Math.max(demand, 1) * factor);
          expect(more.params).toBeLessThanOrEqual(less.params * (1 + 1e-12));
          expect(more.tokens / more.params).toBeGreaterThanOrEqual((less.tokens / less.params) * (1 - 1e-12));
        },
      ),
    );
  });

  it('never costs more over its lifetime than the Chinchilla optimum or any fixed-ratio baseline', () => {
    fc.assert(
      fc.property(
        presetIds,
        logUniform(1e-4, 5),
        demands,
        logUniform(1e-1, 1e5),
        (id, excess, demand, ratio) => {
          const { terms } = lawFromPreset(id);
          const optimum = lifetimeFlops(lifetimeOptimalForExcess(terms, excess, demand), demand);
          const slack = 1 + 1e-12;
          expect(optimum).toBeLessThanOrEqual(
            lifetimeFlops(computeOptimalForExcess(terms, excess), demand) * slack,
          );
          expect(optimum).toBeLessThanOrEqual(
            lifetimeFlops(fixedRatioForExcess(terms, excess, ratio), demand) * slack,
          );
        },
      ),
    );
  });

  it('stays finite or explains itself at extreme inputs, and never returns NaN', () => {
    const extremes = [1e-300, 1e-12, 1e-6, 1, 1e6, 1e300];
    const demandsToTry = [0, 1e-300, 1, 1e18, 1e100, 1e300, Number.MAX_VALUE];
    for (const excess of extremes) {
      for (const demand of demandsToTry) {
        try {
          const { params, tokens } = lifetimeOptimalForExcess(sardana.terms, excess, demand);
          expect(Number.isFinite(params) && params > 0, `N at Δ=${excess}, T=${demand}`).toBe(true);
          expect(Number.isFinite(tokens) && tokens > 0, `D at Δ=${excess}, T=${demand}`).toBe(true);
        } catch (error) {
          expect(error).toMatchObject({ name: 'ScienceError', code: 'out-of-range' });
        }
      }
    }
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => lifetimeOptimalForExcess(sardana.terms, 0.3, bad)).toThrow(
        /lifetime inference tokens must be/,
      );
    }
  });
});

describe('the demand at which a model is lifetime-optimal', () => {
  // Near the compute-optimal model T = 3D(ratio − 1) subtracts nearly equal numbers, so the
  // recovered demand carries an error of about ε·3D; the tolerance says exactly that.
  it('inverts the lifetime optimum to within its conditioning', () => {
    fc.assert(
      fc.property(presetIds, logUniform(1e-4, 5), logUniform(1e3, 1e18), (id, excess, demand) => {
        const { terms } = lawFromPreset(id);
        const optimum = lifetimeOptimalForExcess(terms, excess, demand);
        const recovered = breakEvenDemand(terms, optimum);
        expect(recovered).not.toBeNull();
        expect(Math.abs((recovered ?? 0) - demand)).toBeLessThanOrEqual(
          1e-11 * (demand + 3 * optimum.tokens),
        );
      }),
    );
  });

  it('is zero for the compute-optimal model itself', () => {
    expect(breakEvenDemand(sardana.terms, computeOptimalForExcess(sardana.terms, 0.25))).toBe(0);
  });

  it('is none for an under-trained model such as GPT-3', () => {
    expect(breakEvenDemand(sardana.terms, { params: 175e9, tokens: 300e9 })).toBeNull();
  });
});
