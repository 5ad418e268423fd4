import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costRates } from '../../../src/model/hardware/costs';
import { lawFromPreset } from '../../../src/model/laws/presets';
import { excessOf } from '../../../src/model/optimum/compute-optimal';
import { solve } from '../../../src/model/optimum/solve';
import {
  candidateAtK,
  largestUsefulK,
  optimalTestTimeCandidate,
  servedDemand,
  testTimeFrontier,
} from '../../../src/model/optimum/test-time';
import type { Problem, TestTimeSetup } from '../../../src/model/problem';
import {
  excessAllowance,
  saturatingK,
  TASK_CLASSES,
  trainingComputeMultiplier,
} from '../../../src/model/test-time/exchange-rate';
import { logUniform } from '../../support/arbitraries';
import { expectRelativelyClose } from '../../support/close';

const sardana = lawFromPreset('sardana2024');

const rate = { gamma: 1.5, spanOom: 1 };
const setup: TestTimeSetup = {
  benefit: { model: 'exchange', rate },
  kMax: 1000,
  integerSamples: false,
  prefixCaching: true,
  verifierFlopsPerSample: 0,
  requests: 1e9,
};

function problemWithDemand(requests: number, testTime: TestTimeSetup = setup): Problem {
  return {
    law: sardana,
    targetLoss: sardana.loss(70e9, 1.4e12),
    demand: { inputTokens: requests * 500, outputTokens: requests * 500 },
    objective: 'cost',
    rates: costRates(
      { peakFlops: 989e12, pricePerHour: 2, mfu: 0.4 },
      { peakFlops: 989e12, pricePerHour: 2, prefillMfu: 0.5, decodeMfu: 0.1 },
    ),
    baselines: [20],
    testTime: { ...testTime, requests },
  };
}

describe('the exchange rate between test-time and training compute', () => {
  it('needs k ≈ 52.4 for a 14× training-compute gain at γ = 1.5', () => {
    const k = 14 ** 1.5;
    expect(k).toBeCloseTo(52.4, 1);
    expectRelativelyClose(trainingComputeMultiplier(k, { gamma: 1.5, spanOom: 2 }), 14, 1e-14);
  });

  it('caps the gain at 10^S, at k = 10^(Sγ), and gives nothing beyond the model', () => {
    expect(trainingComputeMultiplier(1e6, { gamma: 1.5, spanOom: 1 })).toBe(10);
    expectRelativelyClose(saturatingK({ gamma: 1.5, spanOom: 1 }), 10 ** 1.5, 1e-15);
    const beyond = TASK_CLASSES.find((c) => c.id === 'beyond');
    expect(beyond && trainingComputeMultiplier(500, beyond)).toBe(1);
    expect(() => trainingComputeMultiplier(0.5, rate)).toThrow('k must be at least 1');
  });

  it('is worth exactly a compute-optimally split training multiplier g (docs/science.md §4.1)', () => {
    fc.assert(
      fc.property(
        logUniform(1e8, 1e12),
        logUniform(1e9, 1e14),
        logUniform(1, 1e3),
        (params, tokens, gain) => {
          const { alpha, beta } = sardana.terms;
          const scaledLoss = sardana.loss(
            params * gain ** (beta / (alpha + beta)),
            tokens * gain ** (alpha / (alpha + beta)),
          );
          const excess = excessOf(sardana.terms, { params, tokens });
          expectRelativelyClose(
            scaledLoss - sardana.floor,
            excess / excessAllowance(sardana.terms, gain),
            1e-12,
          );
        },
      ),
    );
  });
});

describe('serving with test-time compute', () => {
  it('multiplies output tokens by k, and input tokens only without prefix caching', () => {
    const demand = { inputTokens: 100, outputTokens: 50 };
    expect(servedDemand(demand, setup, 4)).toEqual({ inputTokens: 100, outputTokens: 200 });
    expect(servedDemand(demand, { ...setup, prefixCaching: false }, 4)).toEqual({
      inputTokens: 400,
      outputTokens: 200,
    });
  });

  it('reaches the target effective loss with a model whose own loss is worse', () => {
    const problem = problemWithDemand(1e8);
    const candidate = candidateAtK(problem, setup, 20);
    const gain = trainingComputeMultiplier(20, rate);
    expect(candidate.k).toBe(20);
    expect(candidate.effectiveLoss).toBe(problem.targetLoss);
    expect(candidate.loss).toBeGreaterThan(problem.targetLoss);
    const effectiveExcess = excessOf(sardana.terms, candidate) / excessAllowance(sardana.terms, gain);
    expectRelativelyClose(sardana.lossForExcess(effectiveExcess), problem.targetLoss, 1e-12);
  });

  it('counts verification per sample of every request', () => {
    const problem = problemWithDemand(1e6, { ...setup, verifierFlopsPerSample: 1e12 });
    const candidate = candidateAtK(problem, problem.testTime as TestTimeSetup, 8);
    expect(candidate.verifierFlops).toBe(1e12 * 1e6 * 8);
    expectRelativelyClose(
      candidate.totalFlops,
      candidate.trainingFlops + candidate.prefillFlops + candidate.decodeFlops + 8e18,
      1e-15,
    );
    expect(candidate.verifierCost).toBeCloseTo(8e18 * problem.rates.prefill, 6);
  });
});

describe('the training/inference frontier at equal quality', () => {
  it('trades exactly g(k)× less training compute for k× compute per query', () => {
    const problem = problemWithDemand(1e6);
    const ks = [1, 2, 10, 31.6, 100];
    const [first, ...rest] = testTimeFrontier(problem, problem.testTime as TestTimeSetup, ks);
    for (const point of rest) {
      const gain = trainingComputeMultiplier(point.k, rate);
      expectRelativelyClose(point.trainingFlops * gain, first?.trainingFlops ?? NaN, 1e-12);
      expect(point.inferenceFlopsPerQuery).toBeGreaterThan(0);
    }
    // Prompts are cached: a query costs 2N(500 + 500k).
    const last = rest.at(-1);
    expectRelativelyClose(
      last?.inferenceFlopsPerQuery ?? NaN,
      2 * (last?.params ?? NaN) * (500 + 500 * 100),
      1e-12,
    );
  });
});

describe('the joint optimum of N, D and k', () => {
  it('moves to the largest useful k and a smaller model as demand vanishes', () => {
    const solution = solve(problemWithDemand(1));
    expectRelativelyClose(solution.lifetimeOptimal.k, largestUsefulK(setup), 1e-9);
    expect(solution.lifetimeOptimal.params).toBeLessThan(solution.withoutTestTime.params);
  });

  it('stops buying test-time compute as demand grows large', () => {
    const solution = solve(problemWithDemand(1e14));
    expect(solution.lifetimeOptimal.k).toBe(1);
    expect(solution.savings.withoutTestTime.totalCost).toBe(0);
  });

  it('never raises k as demand grows', () => {
    fc.assert(
      fc.property(
        logUniform(1, 1e13),
        logUniform(1.01, 1e4),
        fc.constantFrom(...TASK_CLASSES),
        (requests, factor, taskClass) => {
          const benefit = {
            model: 'exchange' as const,
            rate: { gamma: taskClass.gamma, spanOom: taskClass.spanOom },
          };
          const less = optimalTestTimeCandidate(problemWithDemand(requests, { ...setup, benefit }), {
            ...setup,
            benefit,
            requests,
          });
          const moreRequests = requests * factor;
          const more = optimalTestTimeCandidate(problemWithDemand(moreRequests, { ...setup, benefit }), {
            ...setup,
            benefit,
            requests: moreRequests,
          });
          expect(more.k).toBeLessThanOrEqual(less.k * (1 + 1e-6));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never costs more than the best model at k = 1 nor than any other k', () => {
    fc.assert(
      fc.property(logUniform(1, 1e13), logUniform(1, 1000), (requests, otherK) => {
        const problem = problemWithDemand(requests);
        const solution = solve(problem);
        const slack = 1 + 1e-9;
        expect(solution.lifetimeOptimal.totalCost).toBeLessThanOrEqual(
          solution.withoutTestTime.totalCost * slack,
        );
        expect(solution.lifetimeOptimal.totalCost).toBeLessThanOrEqual(
          candidateAtK(problem, setup, otherK).totalCost * slack,
        );
      }),
      { numRuns: 60 },
    );
  });

  it('picks whole samples when asked, never above k_max', () => {
    const integer = { ...setup, integerSamples: true, kMax: 12.5 };
    const candidate = optimalTestTimeCandidate(problemWithDemand(1e3, integer), {
      ...integer,
      requests: 1e3,
    });
    expect(Number.isInteger(candidate.k)).toBe(true);
    expect(candidate.k).toBeLessThanOrEqual(12);
    expect(candidate.k).toBeGreaterThan(1);
  });

  it('keeps k within [1, k_max] and every number finite at extreme demands', () => {
    for (const requests of [0, 1e-6, 1, 1e20]) {
      const solution = solve(problemWithDemand(requests, { ...setup, kMax: 7 }));
      const { k, params, tokens, totalCost } = solution.lifetimeOptimal;
      expect(k).toBeGreaterThanOrEqual(1);
      expect(k).toBeLessThanOrEqual(7);
      for (const value of [params, tokens, totalCost]) expect(Number.isFinite(value)).toBe(true);
    }
  });
});
