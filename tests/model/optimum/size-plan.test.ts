import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinchillaLaw } from '../../../src/model/laws/chinchilla';
import { lawFromPreset } from '../../../src/model/laws/presets';
import type { ChinchillaLaw } from '../../../src/model/laws/types';
import { candidatesAlongIsoLoss } from '../../../src/model/optimum/iso-loss';
import { candidateOfPlan, sizePlanOf } from '../../../src/model/optimum/size-plan';
import { solve } from '../../../src/model/optimum/solve';
import { logUniform } from '../../support/arbitraries';
import { expectRelativelyClose } from '../../support/close';
import { SARDANA_COST_EXAMPLE, TEST_TIME_EXCHANGE_EXAMPLE } from '../../support/problems';

describe('a model size as a plan, trained to the target under a law', () => {
  it('gives back each candidate of the solve it came from (identity), with and without test-time compute', () => {
    for (const problem of [SARDANA_COST_EXAMPLE, TEST_TIME_EXCHANGE_EXAMPLE]) {
      const solution = solve(problem);
      const candidates = [solution.lifetimeOptimal, solution.chinchillaOptimal, ...solution.baselines];
      if (problem.testTime) expect(solution.lifetimeOptimal.k).toBeGreaterThan(1);
      for (const candidate of candidates) {
        const again = candidateOfPlan(problem, sizePlanOf(candidate));
        expect(again.k).toBe(candidate.k);
        expectRelativelyClose(again.tokens, candidate.tokens, 1e-9);
        expectRelativelyClose(again.totalCost, candidate.totalCost, 1e-9);
      }
    }
  });

  it('trains the size under another law to that law’s Chinchilla-form iso-loss: D = (B / (L − E − A/N^α))^(1/β)', () => {
    const base = lawFromPreset('besiroglu2024') as ChinchillaLaw;
    fc.assert(
      fc.property(logUniform(2e9, 2e11), fc.double({ min: 0.9, max: 1.1, noNaN: true }), (params, scale) => {
        const constants = {
          ...base.constants,
          A: base.constants.A * scale,
          alpha: base.constants.alpha * scale ** 0.1,
        };
        const law = chinchillaLaw(constants, { id: 'drawn', label: 'drawn', source: 'test' });
        const problem = { ...SARDANA_COST_EXAMPLE, law, targetLoss: 2.05 };
        const { A, B, E, alpha, beta } = constants;
        const headroom = 2.05 - E - A / params ** alpha;
        fc.pre(headroom > 1e-3);
        const tokens = (B / headroom) ** (1 / beta);
        const candidate = candidateOfPlan(problem, { params, k: 1 });
        expectRelativelyClose(candidate.tokens, tokens, 1e-9);
        // …and the same model and bill as the cost-against-size curve at that size.
        const [onCurve] = candidatesAlongIsoLoss(problem, [params]);
        expectRelativelyClose(candidate.totalCost, onCurve?.totalCost ?? Number.NaN, 1e-12);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a size that cannot reach the target, as unreachable', () => {
    const tiny = { params: 1e6, k: 1 };
    expect(() => candidateOfPlan(SARDANA_COST_EXAMPLE, tiny)).toThrow(
      expect.objectContaining({ code: 'unreachable' }),
    );
    expect(() => candidateOfPlan(TEST_TIME_EXCHANGE_EXAMPLE, tiny)).toThrow(
      expect.objectContaining({ code: 'unreachable' }),
    );
  });
});
