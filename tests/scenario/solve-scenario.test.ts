import { describe, expect, it } from 'vitest';
import { ScienceError, solve } from '../../src/model';
import { problemFromScenario, solveScenario } from '../../src/scenario';
import { valid } from '../support/scenarios';

const demand = { requests: 1, inputTokensPerRequest: 1, outputTokensPerRequest: 1 };

describe('solveScenario', () => {
  it('gives the problem and the solution the engine computes', () => {
    const scenario = valid({ target: { loss: 2.1 }, demand });
    const { problem, solution } = solveScenario(scenario);
    expect(problem.targetLoss).toBe(2.1);
    expect(solution.lifetimeOptimal.params).toBe(solve(problemFromScenario(scenario)).lifetimeOptimal.params);
  });

  it('refuses an answer holding a quantity that overflowed, which the engine itself lets through', () => {
    // Kaplan's N_c at 1e-300: the optimum has no parameters to speak of, and D/N overflows.
    // Past the validator's limits (limits.ts), to test the engine's own guard behind them.
    const law = { form: 'kaplan', alphaN: 0.5, alphaD: 0.5, Nc: 1e-300, Dc: 3.685e12 } as const;
    const scenario = { ...valid({ target: { loss: 4 }, demand }), law };
    expect(solve(problemFromScenario(scenario)).lifetimeOptimal.tokensPerParam).toBe(Infinity);
    expect(() => solveScenario(scenario)).toThrow(ScienceError);
    expect(() => solveScenario(scenario)).toThrow(
      "the lifetime-optimal model's tokensPerParam is beyond the largest double-precision number; the law's constants or the demand are too extreme to compute with",
    );
  });
});
