import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costRates } from '../../../src/model/hardware/costs';
import { lawFromPreset } from '../../../src/model/laws/presets';
import { solve } from '../../../src/model/optimum/solve';
import type { Problem } from '../../../src/model/problem';
import {
  accuracyWithAttempts,
  fewestAttempts,
  imperfectlyVerifiedAccuracy,
  lossForSuccess,
  majorityAccuracy,
  type SelectionRule,
  successFromLoss,
  successNeeded,
  verifiedAccuracy,
} from '../../../src/model/test-time/task-accuracy';
import { accuracyTargetLoss } from '../../../src/scenario';
import { expectRelativelyClose } from '../../support/close';

const mapping = { epsilon: 0.9, k: 4, gamma: 1, minLift: 0.05 };
const rules: SelectionRule[] = [
  { selection: 'verifier', coverageExponent: 0.43, falsePassRate: 0 },
  { selection: 'imperfect-verifier', coverageExponent: 0.43, falsePassRate: 0.05 },
  { selection: 'majority', coverageExponent: 0.43, falsePassRate: 0 },
];

describe('task accuracy from attempts', () => {
  it('gives 1 − (1 − 0.1)^29 = 0.953 for 29 independent attempts checked by a perfect verifier', () => {
    expect(imperfectlyVerifiedAccuracy(0.1, 29, 0)).toBeCloseTo(0.953, 3);
    expectRelativelyClose(imperfectlyVerifiedAccuracy(0.1, 29, 0), 1 - 0.9 ** 29, 1e-14);
  });

  it('follows Brown et al.’s pass@k = p₁^(k^−a) and Stroebl et al.’s imperfect verifier', () => {
    expectRelativelyClose(verifiedAccuracy(0.3, 100, 0.43), 0.3 ** (100 ** -0.43), 1e-15);
    const p = 0.3;
    const f = 0.1;
    expectRelativelyClose(
      imperfectlyVerifiedAccuracy(p, 5, f),
      (p / (p + f)) * (1 - (1 - p - f) ** 5),
      1e-15,
    );
    expect(imperfectlyVerifiedAccuracy(0.999, 1e6, 0.25)).toBeCloseTo(0.999 / 1.249, 12);
  });

  it('counts majorities exactly (Condorcet), saturating towards 1 above p₁ = ½ and 0 below', () => {
    expect(majorityAccuracy(0.6, 1)).toBeCloseTo(0.6, 15);
    expect(majorityAccuracy(0.6, 3)).toBeCloseTo(0.6 ** 3 + 3 * 0.6 ** 2 * 0.4, 15);
    expect(majorityAccuracy(0.6, 2)).toBeCloseTo(0.36 + 0.5 * 2 * 0.6 * 0.4, 15);
    expect(majorityAccuracy(0.6, 101)).toBeGreaterThan(0.97);
    expect(majorityAccuracy(0.4, 101)).toBeLessThan(0.03);
  });

  it('inverts every rule: the success needed reaches the accuracy exactly', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom(...rules),
        (accuracy, k, rule) => {
          let success: number;
          try {
            success = successNeeded(accuracy, k, rule);
          } catch (error) {
            expect(error).toMatchObject({ code: 'unreachable' });
            return;
          }
          expect(accuracyWithAttempts(success, k, rule)).toBeGreaterThanOrEqual(accuracy - 1e-12);
          expect(accuracyWithAttempts(Math.max(0, success - 1e-9), k, rule)).toBeLessThan(accuracy + 1e-12);
        },
      ),
    );
  });
});

describe('the fewest attempts for an accuracy', () => {
  it('finds the least k for every rule, exactly at the boundary', () => {
    for (const rule of rules) {
      const k = fewestAttempts(0.55, 0.7, rule, 10_000);
      expect(accuracyWithAttempts(0.55, k, rule)).toBeGreaterThanOrEqual(0.7 - 1e-12);
      const fewer = rule.selection === 'majority' ? k - 1 : k * (1 - 1e-9);
      if (fewer >= 1) expect(accuracyWithAttempts(0.55, fewer, rule)).toBeLessThan(0.7);
    }
    expect(fewestAttempts(0.8, 0.7, rules[0] as SelectionRule, 10)).toBe(1);
    expect(() => fewestAttempts(0.1, 0.99, rules[1] as SelectionRule, 5)).toThrow(
      /5 attempts .* do not reach an accuracy of 0\.99/,
    );
  });

  it('keeps the model at the target and buys just enough attempts when p₁ is entered directly', () => {
    const fixed: Problem = {
      law: lawFromPreset('sardana2024'),
      targetLoss: 2,
      demand: { inputTokens: 1e12, outputTokens: 1e12 },
      objective: 'cost',
      rates: costRates(
        { peakFlops: 989e12, pricePerHour: 2, mfu: 0.4 },
        { peakFlops: 989e12, pricePerHour: 2, prefillMfu: 0.5, decodeMfu: 0.1 },
      ),
      baselines: [],
      testTime: {
        benefit: {
          model: 'accuracy',
          targetAccuracy: 0.8,
          mapping: { success: 0.3 },
          rule: rules[0] as SelectionRule,
        },
        kMax: 1000,
        integerSamples: true,
        prefixCaching: true,
        verifierFlopsPerSample: 0,
        requests: 1e9,
      },
    };
    const solution = solve(fixed);
    const least = Math.ceil(fewestAttempts(0.3, 0.8, rules[0] as SelectionRule, 1000));
    expect(solution.lifetimeOptimal.k).toBe(least);
    // Same quality as the target; serving k× the tokens makes a smaller, longer-trained model pay.
    expectRelativelyClose(solution.lifetimeOptimal.loss, 2, 1e-12);
    expectRelativelyClose(solution.withoutTestTime.loss, 2, 1e-12);
    expect(solution.lifetimeOptimal.params).toBeLessThan(solution.withoutTestTime.params);
    expect(solution.lifetimeOptimal.totalCost).toBeGreaterThan(solution.withoutTestTime.totalCost);
  });
});

describe('Gadre et al.’s loss-to-error mapping', () => {
  it('maps a loss to per-attempt success and back', () => {
    expectRelativelyClose(successFromLoss(2, mapping), 1 - 0.9 + 4 * Math.exp(-2), 1e-15);
    expectRelativelyClose(lossForSuccess(successFromLoss(2.3, mapping), mapping), 2.3, 1e-13);
    expect(() => lossForSuccess(0.05, mapping)).toThrow(
      'at or below the mapping’s chance level'.replace('’', "'"),
    );
  });
});

describe('the joint optimum for a task accuracy', () => {
  const law = lawFromPreset('sardana2024');
  const spec = {
    model: 'accuracy' as const,
    targetAccuracy: 0.6,
    p1: mapping,
    selection: 'verifier' as const,
    coverageExponent: 0.43,
    falsePassRate: 0,
    kMax: 1000,
    integerSamples: false,
    prefixCaching: true,
    verifierCostPerSample: 0,
  };
  const problem = (requests: number): Problem => ({
    law,
    targetLoss: accuracyTargetLoss(spec, law),
    demand: { inputTokens: 500 * requests, outputTokens: 500 * requests },
    objective: 'cost',
    rates: costRates(
      { peakFlops: 989e12, pricePerHour: 2, mfu: 0.4 },
      { peakFlops: 989e12, pricePerHour: 2, prefillMfu: 0.5, decodeMfu: 0.1 },
    ),
    baselines: [],
    testTime: {
      benefit: { model: 'accuracy', targetAccuracy: 0.6, mapping, rule: rules[0] as SelectionRule },
      kMax: 1000,
      integerSamples: false,
      prefixCaching: true,
      verifierFlopsPerSample: 0,
      requests,
    },
  });

  it('chooses a worse model and more attempts at low demand, and fewer attempts as demand grows', () => {
    const low = solve(problem(1e3));
    expect(low.lifetimeOptimal.k).toBeGreaterThan(1);
    expect(low.lifetimeOptimal.loss).toBeGreaterThan(low.withoutTestTime.loss);
    expect(low.lifetimeOptimal.totalCost).toBeLessThan(low.withoutTestTime.totalCost);
    const success = successFromLoss(low.lifetimeOptimal.effectiveLoss, mapping);
    expect(verifiedAccuracy(success, low.lifetimeOptimal.k, 0.43)).toBeCloseTo(0.6, 9);
    const ks = [1e3, 1e6, 1e9, 1e12, 1e15].map((requests) => solve(problem(requests)).lifetimeOptimal.k);
    for (let i = 1; i < ks.length; i++) expect(ks[i]).toBeLessThanOrEqual((ks[i - 1] ?? 0) * (1 + 1e-6));
  });

  it('reaches the accuracy with one attempt at the k = 1 target loss', () => {
    const success = successFromLoss(accuracyTargetLoss(spec, law), mapping);
    expect(success).toBeCloseTo(0.6, 12);
  });
});
