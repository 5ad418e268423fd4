import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costRates } from '../../../src/model/hardware/costs';
import { LAW_PRESETS, lawFromPreset } from '../../../src/model/laws/presets';
import { allocatorFor } from '../../../src/model/optimum/allocator';
import { computeOptimalForBudget } from '../../../src/model/optimum/compute-optimal';
import {
  KAPLAN_ALLOCATION,
  kaplanAllocationAtLog,
  kaplanAllocationForExcess,
} from '../../../src/model/optimum/kaplan-allocation';
import { solve } from '../../../src/model/optimum/solve';
import type { Problem } from '../../../src/model/problem';
import { expectRelativelyClose } from '../../support/close';

const PF_DAY = 8.64e19;
const rates = costRates(
  { peakFlops: 989e12, pricePerHour: 2, mfu: 0.4 },
  { peakFlops: 989e12, pricePerHour: 2, prefillMfu: 0.5, decodeMfu: 0.1 },
);

function problemFor(lawId: string, targetLoss: number, extra: Partial<Problem> = {}): Problem {
  return {
    law: lawFromPreset(lawId),
    targetLoss,
    demand: { inputTokens: 1e12, outputTokens: 1e12 },
    objective: 'flops',
    rates,
    baselines: [20, 'kaplan2020'],
    ...extra,
  };
}

describe("Kaplan et al. 2020's allocation curve", () => {
  it('is N = 1.3e9 · C^0.73 and D = 2e10 · C^0.27 with C in PF-days, as printed in Table 6', () => {
    const model = kaplanAllocationAtLog(Math.log(1000));
    expectRelativelyClose(model.params, 1.3e9 * 1000 ** 0.73, 1e-14);
    expectRelativelyClose(model.tokens, 2e10 * 1000 ** 0.27, 1e-14);
    expect(KAPLAN_ALLOCATION.flopsPerPfDay).toBe(PF_DAY);
  });

  it('spends 6ND ≈ 1.8 C_min: D_opt is the data at the critical batch size, 2 · B_crit · S_min', () => {
    // Table 6: B_crit = 2.0e6 · C^0.24 tokens, S_min = 5.4e3 · C^0.03 steps.
    for (const pfDays of [1e-3, 1, 1e6]) {
      const model = kaplanAllocationAtLog(Math.log(pfDays));
      expectRelativelyClose((6 * model.params * model.tokens) / (pfDays * PF_DAY), 1.56e20 / PF_DAY, 1e-12);
      const criticalData = 2 * 2e6 * pfDays ** 0.24 * 5.4e3 * pfDays ** 0.03;
      expectRelativelyClose(model.tokens, criticalData, 0.08);
    }
  });

  it("is not the C = 6ND optimum of Kaplan's own L(N, D): that grows as C^0.556, 0.14× the size at 1e25 FLOPs", () => {
    const kaplan = lawFromPreset('kaplan2020');
    const at = (flops: number) => computeOptimalForBudget(kaplan.terms, flops).params;
    expect(Math.log(at(1e26) / at(1e25)) / Math.log(10)).toBeCloseTo(1 / 1.8, 12);
    const published = kaplanAllocationAtLog(Math.log(1e25 / PF_DAY)).params;
    expect(at(1e25) / published).toBeCloseTo(0.14, 2);
  });

  it('reaches the target loss under every preset law', () => {
    for (const preset of LAW_PRESETS) {
      const law = lawFromPreset(preset.id);
      const target = law.loss(70e9, 1.4e12);
      const model = kaplanAllocationForExcess(law.terms, law.excessForLoss(target));
      expectRelativelyClose(law.loss(model.params, model.tokens), target, 1e-12);
      // On the curve: D/N follows from N alone.
      const logPfDays = Math.log(model.params / 1.3e9) / 0.73;
      expectRelativelyClose(model.tokens, 2e10 * Math.exp(0.27 * logPfDays), 1e-9);
    }
  });

  it('puts fewer tokens per parameter on the model than Chinchilla does at frontier scale', () => {
    const solution = solve(
      problemFor('hoffmann2022-unrounded', lawFromPreset('hoffmann2022-unrounded').loss(70e9, 1.4e12)),
    );
    const kaplan = solution.baselines.find((b) => b.rule === 'kaplan2020');
    expect(kaplan).toBeDefined();
    expect(kaplan?.tokensPerParam).toBeLessThan(5);
    expect(kaplan?.params).toBeGreaterThan(2 * solution.chinchillaOptimal.params);
    expect(kaplan?.totalFlops).toBeGreaterThan(solution.chinchillaOptimal.totalFlops);
  });

  it('finds the same model by bisection under a data limit that does not bind', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.8, max: 3, noNaN: true }), (loss) => {
        const separable = problemFor('sardana2024', loss);
        const limited = { ...separable, data: { uniqueTokens: 1e30 } };
        const excess = separable.law.excessForLoss(loss);
        const a = allocatorFor(separable).kaplanAllocation(excess);
        const b = allocatorFor(limited).kaplanAllocation(excess);
        expectRelativelyClose(b.params, a.params, 1e-9);
      }),
      { numRuns: 30 },
    );
  });

  it('reaches the target under a binding data limit, the repeated tokens discounted', () => {
    const solution = solve(
      problemFor('sardana2024', 2.3, { data: { uniqueTokens: 1e10 }, baselines: ['kaplan2020'] }),
    );
    const [kaplan] = solution.baselines;
    expect(solution.unreachableBaselines).toEqual([]);
    expectRelativelyClose(kaplan?.loss ?? NaN, 2.3, 1e-9);
    expect(kaplan?.epochs).toBeGreaterThan(1);
  });

  it('tells which law form the compute-optimal candidate belongs to', () => {
    expect(solve(problemFor('kaplan2020', 2.5)).lawForm).toBe('kaplan');
    expect(solve(problemFor('sardana2024', 2.5)).lawForm).toBe('chinchilla');
  });
});
