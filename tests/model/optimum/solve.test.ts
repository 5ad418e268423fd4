import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scaleDemand } from '../../../src/model/demand';
import { dollarsPerFlop } from '../../../src/model/hardware/costs';
import { lawFromPreset } from '../../../src/model/laws/presets';
import { effectiveDemandTokens } from '../../../src/model/objective';
import { computeOptimalForExcess, tokensForParams } from '../../../src/model/optimum/compute-optimal';
import { explainModel } from '../../../src/model/optimum/explain';
import { candidatesAlongIsoLoss, minimumParamsForTarget } from '../../../src/model/optimum/iso-loss';
import { solve } from '../../../src/model/optimum/solve';
import { logSpace } from '../../../src/model/numerics/grid';
import { sweepDemand } from '../../../src/model/optimum/sweep';
import { targetLoss } from '../../../src/model/target';
import { logUniform } from '../../support/arbitraries';
import { expectPrinted, expectRelativelyClose } from '../../support/close';
import { SARDANA_COST_EXAMPLE } from '../../support/problems';

const sardana = lawFromPreset('sardana2024');

const costExample = SARDANA_COST_EXAMPLE;

describe('solving a problem', () => {
  it('reproduces the published cost example: 2.053e10 params, 3.302e12 tokens, 88.76 % of the cost', () => {
    const solution = solve(costExample);
    expectPrinted(solution.lifetimeOptimal.params, 4, '2.053e10');
    expectPrinted(solution.lifetimeOptimal.tokens, 4, '3.302e12');
    const share = solution.lifetimeOptimal.totalCost / solution.chinchillaOptimal.totalCost;
    expect(100 * share).toBeCloseTo(88.76, 2);
    expectRelativelyClose(solution.savings.chinchillaOptimal.totalCost, 1 - share, 1e-12);
  });

  it('prices each phase: training 6ND, prefill and decode 2N per token at their own rates', () => {
    const { lifetimeOptimal: c } = solve(costExample);
    expectRelativelyClose(c.trainingFlops, 6 * c.params * c.tokens, 1e-15);
    expectRelativelyClose(c.prefillFlops, 2 * c.params * 1e13, 1e-15);
    expectRelativelyClose(c.decodeFlops, 2 * c.params * 2.5e12, 1e-15);
    expectRelativelyClose(c.trainingCost, (c.trainingFlops * 1.4) / (3600 * 312e12 * 0.5), 1e-14);
    expectRelativelyClose(c.decodeCost, (c.decodeFlops * 0.6) / (3600 * 624e12 * 0.2), 1e-14);
    expectRelativelyClose(c.totalCost, c.trainingCost + c.prefillCost + c.decodeCost, 1e-15);
    expectRelativelyClose(c.totalFlops, c.trainingFlops + c.inferenceFlops, 1e-15);
  });

  it('keeps every candidate on the target loss, and labels baselines by their rule', () => {
    const solution = solve(costExample);
    for (const candidate of [solution.lifetimeOptimal, solution.chinchillaOptimal, ...solution.baselines]) {
      expectRelativelyClose(candidate.loss, 1.947, 1e-12);
    }
    expect(solution.baselines.map((b) => b.rule)).toEqual([20, 142, 1875]);
    expect(solution.baselines.map((b) => Math.round(b.tokensPerParam))).toEqual([20, 142, 1875]);
  });

  it('never saves a negative amount under its own objective', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1.75, max: 3, noNaN: true }),
        logUniform(1e6, 1e18),
        fc.boolean(),
        (loss, demand, cost) => {
          const solution = solve({
            ...costExample,
            targetLoss: loss,
            demand: scaleDemand(costExample.demand, demand),
            objective: cost ? 'cost' : 'flops',
          });
          const metric = cost ? 'totalCost' : 'totalFlops';
          expect(solution.savings.chinchillaOptimal[metric]).toBeGreaterThanOrEqual(-1e-12);
          for (const saving of solution.savings.baselines)
            expect(saving[metric]).toBeGreaterThanOrEqual(-1e-12);
        },
      ),
    );
  });
});

describe('the cost model', () => {
  it('converts $/hour, peak and utilisation to $/FLOP', () => {
    expect(dollarsPerFlop(3600, 1e12, 0.5)).toBeCloseTo(2e-12, 24);
    expect(() => dollarsPerFlop(1, 0, 0.5)).toThrow('peak FLOP/s must be');
  });

  it('reduces the cost objective to FLOPs with training-equivalent demand', () => {
    const rates = costExample.rates;
    const demand = { inputTokens: 3, outputTokens: 5 };
    expect(effectiveDemandTokens('flops', demand, rates)).toBe(8);
    expectRelativelyClose(
      effectiveDemandTokens('cost', demand, rates),
      (3 * rates.prefill + 5 * rates.decode) / rates.training,
      1e-15,
    );
  });

  it('keeps the input/output mix when scaling demand, and falls back to 70/215 tokens per request', () => {
    expect(scaleDemand({ inputTokens: 1, outputTokens: 3 }, 100)).toEqual({
      inputTokens: 25,
      outputTokens: 75,
    });
    const fallback = scaleDemand({ inputTokens: 0, outputTokens: 0 }, 285);
    expectRelativelyClose(fallback.inputTokens, 70, 1e-14);
    expectRelativelyClose(fallback.outputTokens, 215, 1e-14);
  });
});

describe('quality targets', () => {
  it('reads a loss, a reference model, a budget and a compute-optimal size', () => {
    expect(targetLoss(sardana, { loss: 1.947 })).toBe(1.947);
    expectRelativelyClose(
      targetLoss(sardana, { model: { params: 70e9, tokens: 1e12 } }),
      sardana.loss(70e9, 1e12),
      1e-15,
    );
    const atBudget = targetLoss(sardana, { computeOptimalFlops: 5.76e23 });
    const excess = sardana.excessForLoss(atBudget);
    expectRelativelyClose(
      6 *
        computeOptimalForExcess(sardana.terms, excess).params *
        computeOptimalForExcess(sardana.terms, excess).tokens,
      5.76e23,
      1e-10,
    );
    const ofSize = targetLoss(sardana, { computeOptimalParams: 7e10 });
    expectRelativelyClose(
      computeOptimalForExcess(sardana.terms, sardana.excessForLoss(ofSize)).params,
      7e10,
      1e-10,
    );
  });

  it('refuses unreachable and malformed targets', () => {
    expect(() => targetLoss(sardana, { loss: 1.6 })).toThrow('1.6 is below the irreducible loss E = 1.69');
    expect(() => targetLoss(sardana, { model: { params: -1, tokens: 1 } })).toThrow('target.model.params');
  });
});

describe('explaining a given model', () => {
  it('finds the de Vries (2023) overheads: about 20 % at half the size, about 100 % near 0.3', () => {
    const excess = sardana.excessForLoss(1.947);
    const optimum = computeOptimalForExcess(sardana.terms, excess);
    const shrunk = (k: number) => {
      const params = k * optimum.params;
      return explainModel(sardana, { params, tokens: tokensForParams(sardana.terms, excess, params) });
    };
    expect(shrunk(0.5).trainingOverhead).toBeCloseTo(0.208, 3);
    expect(shrunk(0.3).trainingOverhead).toBeCloseTo(1.056, 3);
  });

  it('has an overhead that depends on the shrink factor only, not on the loss (de Vries 2023)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1.8, max: 3, noNaN: true }),
        fc.double({ min: 1.8, max: 3, noNaN: true }),
        (l1, l2) => {
          const overhead = (loss: number) => {
            const excess = sardana.excessForLoss(loss);
            const params = 0.4 * computeOptimalForExcess(sardana.terms, excess).params;
            return explainModel(sardana, { params, tokens: tokensForParams(sardana.terms, excess, params) })
              .trainingOverhead;
          };
          expectRelativelyClose(overhead(l1), overhead(l2), 1e-9);
        },
      ),
    );
  });

  it('describes Llama 3 8B: over-trained, optimal for a large demand', () => {
    const explanation = explainModel(sardana, { params: 8e9, tokens: 15e12 });
    expect(explanation.tokensPerParam).toBe(1875);
    expect(explanation.chinchillaEquivalent.params).toBeGreaterThan(8e9);
    expect(explanation.trainingOverhead).toBeGreaterThan(0.5);
    expect(explanation.breakEvenDemandTokens).toBeGreaterThan(15e12);
  });
});

describe('candidates along the iso-loss curve', () => {
  it('keeps every size on the target loss, skips sizes that cannot reach it, and has its minimum at the optimum', () => {
    const floor = minimumParamsForTarget(costExample);
    const sizes = logSpace(floor / 2, floor * 1e3, 400);
    const curve = candidatesAlongIsoLoss(costExample, sizes);
    expect(curve.length).toBeLessThan(sizes.length);
    expect(curve[0]?.params).toBeGreaterThan(floor);
    for (const candidate of curve) expectRelativelyClose(candidate.loss, 1.947, 1e-9);
    const cheapest = curve.reduce((best, c) => (c.totalCost < best.totalCost ? c : best));
    const optimum = solve(costExample).lifetimeOptimal;
    expect(Math.abs(Math.log(cheapest.params / optimum.params))).toBeLessThan(
      Math.log((sizes[1] ?? 0) / (sizes[0] ?? 1)),
    );
    expect(cheapest.totalCost).toBeGreaterThanOrEqual(optimum.totalCost);
  });
});

describe('demand sweeps', () => {
  it('log-spaces demands and hits both ends exactly', () => {
    const values = logSpace(1e9, 1e15, 7);
    expect(values[0]).toBe(1e9);
    expect(values[6]).toBe(1e15);
    expectRelativelyClose(values[3] ?? 0, 1e12, 1e-12);
    expect(logSpace(5, 5, 1)).toEqual([5]);
    expect(() => logSpace(0, 1, 3)).toThrow('the first value must be');
    expect(() => logSpace(1, 2, 0)).toThrow('whole number');
  });

  it('shrinks the model monotonically across a sweep', () => {
    const points = sweepDemand(costExample, logSpace(1e9, 1e17, 40));
    for (let i = 1; i < points.length; i++) {
      expect(points[i]?.lifetimeOptimal.params).toBeLessThan(points[i - 1]?.lifetimeOptimal.params ?? 0);
      expect(points[i]?.savingVsChinchilla.totalCost).toBeGreaterThanOrEqual(0);
    }
  });
});
