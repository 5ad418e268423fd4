import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScienceError } from '../../../src/model/errors';
import { LAW_PRESETS, lawFromPreset } from '../../../src/model/laws/presets';
import {
  computeOptimalExcessForParams,
  computeOptimalForBudget,
  computeOptimalForExcess,
  excessOf,
  minimumParams,
  tokensForParams,
} from '../../../src/model/optimum/compute-optimal';
import { fixedRatioForExcess } from '../../../src/model/optimum/fixed-ratio';
import { logUniform } from '../../support/arbitraries';
import { expectPrinted, expectRelativelyClose } from '../../support/close';

const sardana = lawFromPreset('sardana2024');
const presetIds = fc.constantFrom(...LAW_PRESETS.map((preset) => preset.id));

describe('the compute-optimal model for a target loss', () => {
  it('reproduces the Chinchilla-style model of Sardana et al. 2024 at loss 1.947', () => {
    const model = computeOptimalForExcess(sardana.terms, sardana.excessForLoss(1.947));
    expectPrinted(model.params, 4, '3.408e10');
    expectPrinted(model.tokens, 4, '1.810e12');
  });

  it('splits the excess β/(α+β) on parameters and α/(α+β) on data', () => {
    fc.assert(
      fc.property(presetIds, logUniform(1e-4, 10), (id, excess) => {
        const { terms } = lawFromPreset(id);
        const model = computeOptimalForExcess(terms, excess);
        const { a, alpha, b, beta } = terms;
        expectRelativelyClose(a * model.params ** -alpha, (excess * beta) / (alpha + beta), 1e-12);
        expectRelativelyClose(b * model.tokens ** -beta, (excess * alpha) / (alpha + beta), 1e-12);
      }),
    );
  });

  it('spends less training compute than any other model of the same loss', () => {
    fc.assert(
      fc.property(
        presetIds,
        logUniform(1e-3, 3),
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        (id, excess, shift) => {
          fc.pre(Math.abs(shift) > 1e-3);
          const { terms } = lawFromPreset(id);
          const optimum = computeOptimalForExcess(terms, excess);
          const params = optimum.params * Math.exp(shift);
          fc.pre(params > minimumParams(terms, excess));
          const other = tokensForParams(terms, excess, params) * params;
          expect(other).toBeGreaterThan(optimum.params * optimum.tokens);
        },
      ),
    );
  });
});

describe('the compute-optimal model for a budget (Hoffmann et al. 2022, Eq. 4)', () => {
  it('puts 40B parameters at the Gopher budget with the unrounded fit', () => {
    const model = computeOptimalForBudget(lawFromPreset('hoffmann2022-unrounded').terms, 5.76e23);
    expect(model.params / 1e9).toBeCloseTo(40.4, 1);
  });

  it('gives about 20 tokens per parameter with the Epoch AI replication', () => {
    const model = computeOptimalForBudget(lawFromPreset('besiroglu2024').terms, 1e23);
    expect(model.tokens / model.params).toBeGreaterThan(18);
    expect(model.tokens / model.params).toBeLessThan(21);
  });

  it('spends exactly the budget and agrees with the closed form for its own loss', () => {
    fc.assert(
      fc.property(presetIds, logUniform(1e15, 1e30), (id, flops) => {
        const { terms } = lawFromPreset(id);
        const model = computeOptimalForBudget(terms, flops);
        expectRelativelyClose(6 * model.params * model.tokens, flops, 1e-12);
        const again = computeOptimalForExcess(terms, excessOf(terms, model));
        expectRelativelyClose(again.params, model.params, 1e-10);
        expectRelativelyClose(again.tokens, model.tokens, 1e-10);
      }),
    );
  });

  it('inverts the excess of the compute-optimal model of a given size', () => {
    fc.assert(
      fc.property(presetIds, logUniform(1e6, 1e15), (id, params) => {
        const { terms } = lawFromPreset(id);
        const model = computeOptimalForExcess(terms, computeOptimalExcessForParams(terms, params));
        expectRelativelyClose(model.params, params, 1e-12);
      }),
    );
  });
});

describe('tokens needed at a given size', () => {
  it('reaches the target loss exactly', () => {
    fc.assert(
      fc.property(logUniform(1e-3, 3), fc.double({ min: 1.001, max: 1e6, noNaN: true }), (excess, factor) => {
        const params = minimumParams(sardana.terms, excess) * factor;
        const tokens = tokensForParams(sardana.terms, excess, params);
        expectRelativelyClose(excessOf(sardana.terms, { params, tokens }), excess, 1e-9);
      }),
    );
  });

  it('says when no amount of data is enough', () => {
    const excess = sardana.excessForLoss(1.947);
    const floor = minimumParams(sardana.terms, excess);
    expect(() => tokensForParams(sardana.terms, excess, floor * 0.99)).toThrow(
      /cannot reach this loss with any amount of data/,
    );
    expect(() => tokensForParams(sardana.terms, excess, -1)).toThrow(ScienceError);
  });
});

describe('fixed tokens-per-parameter baselines', () => {
  it('hits the ratio and the loss exactly, for every law and ratio', () => {
    fc.assert(
      fc.property(presetIds, logUniform(1e-5, 10), logUniform(1e-2, 1e6), (id, excess, ratio) => {
        const { terms } = lawFromPreset(id);
        const model = fixedRatioForExcess(terms, excess, ratio);
        expectRelativelyClose(model.tokens / model.params, ratio, 1e-14);
        expectRelativelyClose(excessOf(terms, model), excess, 1e-12);
      }),
    );
  });

  it('matches the compute-optimal model at the compute-optimal ratio', () => {
    const excess = sardana.excessForLoss(1.947);
    const optimum = computeOptimalForExcess(sardana.terms, excess);
    const model = fixedRatioForExcess(sardana.terms, excess, optimum.tokens / optimum.params);
    expectRelativelyClose(model.params, optimum.params, 1e-12);
  });

  it('refuses a non-positive ratio', () => {
    expect(() => fixedRatioForExcess(sardana.terms, 0.3, 0)).toThrow('tokens per parameter must be');
  });
});

describe('extreme targets', () => {
  it('stays finite just above the floor, and explains when numbers overflow', () => {
    const near = computeOptimalForExcess(sardana.terms, 1e-6);
    expect(Number.isFinite(near.params) && Number.isFinite(near.tokens)).toBe(true);
    expect(() => computeOptimalForExcess(sardana.terms, 1e-200)).toThrow(
      expect.objectContaining({ code: 'out-of-range' }) as Error,
    );
  });
});
