import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePlan, type PlannedModel } from '../../../src/model/optimum/plan-evaluation';
import { solve } from '../../../src/model/optimum/solve';
import type { Problem } from '../../../src/model/problem';
import { logUniform } from '../../support/arbitraries';
import { SARDANA_COST_EXAMPLE, TEST_TIME_EXCHANGE_EXAMPLE } from '../../support/problems';

const solution = solve(SARDANA_COST_EXAMPLE);
const asPlan = (name: string, c: { params: number; tokens: number; k: number }): PlannedModel => ({
  name,
  params: c.params,
  tokens: c.tokens,
  k: c.k,
});

describe('evaluating a model the user intends to train', () => {
  it('finds the lifetime optimum, taken as a plan, on target and no dearer than itself', () => {
    const evaluation = evaluatePlan(
      SARDANA_COST_EXAMPLE,
      solution,
      asPlan('optimum', solution.lifetimeOptimal),
    );
    expect(evaluation.meetsTarget).toBe(true);
    expect(evaluation.loss).toBeCloseTo(1.947, 9);
    expect(Math.abs(evaluation.extraAgainst['lifetime'] ?? 1)).toBeLessThan(1e-9);
    // Against the Chinchilla optimum it is dearer by minus the saving: 88.76 % of its cost (Sardana et al.).
    expect(evaluation.extraAgainst['chinchilla']).toBeCloseTo(
      -solution.savings.chinchillaOptimal.totalCost,
      9,
    );
    expect(1 + (evaluation.extraAgainst['chinchilla'] ?? 0)).toBeCloseTo(0.8876, 3);
    expect(Math.abs(evaluation.optimumAtItsLoss?.overspend ?? 1)).toBeLessThan(1e-9);
  });

  it('prices the Chinchilla-optimal allocation’s overspend against the cheapest model of the same quality', () => {
    const evaluation = evaluatePlan(
      SARDANA_COST_EXAMPLE,
      solution,
      asPlan('chinchilla', solution.chinchillaOptimal),
    );
    expect(evaluation.meetsTarget).toBe(true);
    const overspend = solution.chinchillaOptimal.totalCost / solution.lifetimeOptimal.totalCost - 1;
    expect(evaluation.optimumAtItsLoss?.overspend).toBeCloseTo(overspend, 8);
    expect(evaluation.extraAgainst['lifetime']).toBeCloseTo(overspend, 8);
    expect(Math.abs(evaluation.extraAgainst['chinchilla'] ?? 1)).toBeLessThan(1e-9);
  });

  it('gives a plan’s loss by the law, E + A/N^α + B/D^β, and says whether it reaches the target (Llama 3 8B on 15T)', () => {
    const plan = { name: 'Llama 3 8B', params: 8e9, tokens: 15e12, k: 1 };
    const evaluation = evaluatePlan(SARDANA_COST_EXAMPLE, solution, plan);
    const loss = 1.69 + 406.4 / 8e9 ** 0.336 + 410.7 / 15e12 ** 0.283;
    expect(evaluation.loss).toBeCloseTo(loss, 12);
    expect(evaluation.meetsTarget).toBe(loss <= 1.947);
    expect(evaluation.candidate.tokensPerParam).toBeCloseTo(1875, 9);
  });

  it('counts repeated tokens at their lower worth under a data limit (Muennighoff et al. 2023)', () => {
    const limited: Problem = { ...SARDANA_COST_EXAMPLE, data: { uniqueTokens: 1e12 } };
    const plan = { name: 'four epochs', params: 20e9, tokens: 4e12, k: 1 };
    const repeated = evaluatePlan(limited, solve(limited), plan);
    const fresh = evaluatePlan(SARDANA_COST_EXAMPLE, solution, plan);
    expect(repeated.loss).toBeGreaterThan(fresh.loss);
    expect(repeated.candidate.totalCost).toBeCloseTo(fresh.candidate.totalCost, 6);
  });

  it('serves a test-time plan at its k: the test-time optimum as a plan reaches the target at no extra cost', () => {
    const problem = TEST_TIME_EXCHANGE_EXAMPLE;
    const solved = solve(problem);
    expect(solved.lifetimeOptimal.k).toBeGreaterThan(1);
    const atK = evaluatePlan(problem, solved, asPlan('k', solved.lifetimeOptimal));
    expect(atK.meetsTarget).toBe(true);
    expect(Math.abs(atK.extraAgainst['lifetime'] ?? 1)).toBeLessThan(1e-9);
    // The same model with one attempt per query is worse than the target allows.
    expect(evaluatePlan(problem, solved, { ...asPlan('k1', solved.lifetimeOptimal), k: 1 }).meetsTarget).toBe(
      false,
    );
  });

  it('never finds a plan that reaches the target for less than the optimum (the optimum is global)', () => {
    fc.assert(
      fc.property(logUniform(1e9, 1e12), logUniform(1e11, 1e14), (params, tokens) => {
        const evaluation = evaluatePlan(SARDANA_COST_EXAMPLE, solution, {
          name: 'random',
          params,
          tokens,
          k: 1,
        });
        if (evaluation.meetsTarget) expect(evaluation.extraAgainst['lifetime']).toBeGreaterThan(-1e-9);
        if (evaluation.optimumAtItsLoss) expect(evaluation.optimumAtItsLoss.overspend).toBeGreaterThan(-1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
