import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lawFromPreset, ScienceError, solve, targetLoss, type Solution } from '../../../src/model';
import { problemFromScenario } from '../../../src/scenario';
import { logUniform } from '../../support/arbitraries';
import { valid } from '../../support/scenarios';

/** Every number a solution carries, however deep. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

const PRESETS = ['sardana2024', 'hoffmann2022', 'besiroglu2024', 'sardana2024-mpt', 'kaplan2020'] as const;

/** Targets from just above a law's floor to far above it, and sizes and budgets far past any real run. */
const target = fc.oneof(
  fc.record({ loss: fc.oneof(logUniform(1e-3, 1e3), fc.double({ min: 1.4, max: 2.2, noNaN: true })) }),
  fc.record({ computeOptimalParams: logUniform(1, 1e120) }),
  fc.record({ computeOptimalFlops: logUniform(1, 1e250) }),
  fc.record({ model: fc.record({ params: logUniform(1, 1e150), tokens: logUniform(1, 1e150) }) }),
);

const scenario = fc.record({
  law: fc.record({ preset: fc.constantFrom(...PRESETS) }),
  target,
  demand: fc.record({ inputTokens: logUniform(1e-3, 1e200), outputTokens: logUniform(1e-3, 1e200) }),
  objective: fc.constantFrom('cost', 'flops'),
  baselines: fc.uniqueArray(fc.oneof(logUniform(1e-12, 1e12), fc.constant('kaplan2020')), { maxLength: 4 }),
  data: fc.option(fc.record({ uniqueTokens: logUniform(1, 1e60) }), { nil: undefined }),
});

/** Every refusal names a scenario field to change. */
const FIELD = /\b(target|demand|baselines\[\d+\]|data\.uniqueTokens|law|testTime\.\w+)\b/;

/**
 * Solves a valid scenario with the given sections put in unchecked: these values lie far past the
 * validator's field limits (src/scenario/limits.ts), to test the engine's own guards behind them.
 */
function solveScenario(sections: object): Solution {
  const scenario = valid({ target: { loss: 2 }, demand: { inputTokens: 1, outputTokens: 1 } });
  return solve(problemFromScenario({ ...scenario, ...sections }));
}

describe('extreme scenarios', () => {
  it('either answer finite numbers or refuse with a ScienceError that prints no Infinity or NaN', () => {
    fc.assert(
      fc.property(scenario, (value) => {
        let solution: Solution;
        try {
          solution = solveScenario(JSON.parse(JSON.stringify(value)));
        } catch (error) {
          expect(error).toBeInstanceOf(ScienceError);
          expect((error as Error).message).not.toMatch(/Infinity|NaN/);
          expect((error as Error).message).toMatch(FIELD);
          return;
        }
        for (const number of numbersIn(solution)) expect(Number.isFinite(number)).toBe(true);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  const base = { law: { preset: 'sardana2024' }, demand: { inputTokens: 1e12, outputTokens: 1e12 } };
  const refusal = (value: object): string => {
    try {
      solveScenario(value);
    } catch (error) {
      if (error instanceof ScienceError) return error.message;
      throw error;
    }
    return 'solved';
  };

  it('refuses a target within 1e-12 of E by naming the target, where the shape once failed on "layers"', () => {
    const message = refusal({ ...base, target: { loss: 1.69 + 1e-12 } });
    expect(message).toMatch(
      /the model would need 3\.\d+e\+\d+ parameters .* beyond the 1e\+45 the engine represents; change target: aim for a loss further above the irreducible loss E \(1\.690\) of law sardana2024/,
    );
  });

  it('refuses a demand too large for a representable bill by naming demand', () => {
    const message = refusal({
      ...base,
      target: { loss: 2 },
      demand: { inputTokens: 1e305, outputTokens: 1e305 },
    });
    expect(message).toMatch(/change demand/);
  });

  it('refuses a baseline ratio too small for a representable model by naming the baseline', () => {
    expect(refusal({ ...base, target: { loss: 2 }, baselines: [20, 1e-300] })).toMatch(
      /change baselines\[1\]$/,
    );
  });

  it('refuses a target model whose loss rounds to the floor by naming its field', () => {
    const law = lawFromPreset('sardana2024');
    expect(() => targetLoss(law, { computeOptimalParams: 1e60 })).toThrow(
      /indistinguishable from the irreducible loss E \(1\.690\) of law sardana2024 in double precision; change target\.computeOptimalParams/,
    );
    expect(() => targetLoss(law, { model: { params: 1e150, tokens: 1e150 } })).toThrow(
      /change target\.model/,
    );
  });
});
