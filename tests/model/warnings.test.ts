import { describe, expect, it } from 'vitest';
import { h100Fleet } from '../support/fleet';
import { SARDANA_COST_EXAMPLE } from '../support/problems';
import { costRates } from '../../src/model/hardware/costs';
import { CHINCHILLA_EVIDENCE } from '../../src/model/laws/evidence';
import { buildLaw, LAW_PRESETS, lawFromPreset } from '../../src/model/laws/presets';
import { solve } from '../../src/model/optimum/solve';
import type { Problem } from '../../src/model/problem';
import { targetLoss } from '../../src/model/target';
import { lossForSuccess, successNeeded } from '../../src/model/test-time/task-accuracy';
import {
  INDEXED_WEB_TOKENS,
  LARGEST_KNOWN_TRAINING_SET_TOKENS,
  NEAR_CHANCE_LIFTS,
  ONE_YEAR_DAYS,
  TINY_MODEL_PARAMS,
  WARNING_CODES,
  type SolutionWarning,
  type WarningCode,
} from '../../src/model/warnings';

const sardana = lawFromPreset('sardana2024');
const h100 = { peakFlops: 989e12, pricePerHour: 2, mfu: 0.4 };
const rates = costRates(h100, { ...h100, prefillMfu: 0.5, decodeMfu: 0.1 });

function problem(over: Partial<Problem>): Problem {
  return {
    law: sardana,
    targetLoss: 2,
    demand: { inputTokens: 0, outputTokens: 0 },
    objective: 'flops',
    rates,
    baselines: [],
    ...over,
  };
}

/** An H100 fleet (bf16 serving, 80 GB) on `clusterGpus` training GPUs. */
const fleet = h100Fleet;

const codesOf = (warnings: readonly SolutionWarning[], candidate: string | null): WarningCode[] =>
  warnings.filter((w) => w.candidate === candidate).map((w) => w.code);
const only = (warnings: readonly SolutionWarning[], code: WarningCode, candidate: string) => {
  const found = warnings.filter((w) => w.code === code && w.candidate === candidate);
  expect(found).toHaveLength(1);
  return found[0] as SolutionWarning;
};

/** The cost example of Sardana et al. 2024, §6: 20.5B parameters on 3.3T tokens. */
const sardanaCostExample = SARDANA_COST_EXAMPLE;

describe('the evidence of each law', () => {
  it('is recorded, with its source, for every preset', () => {
    for (const preset of LAW_PRESETS) {
      const { evidence } = preset;
      expect(evidence, preset.id).toBeDefined();
      if (!evidence) continue;
      expect(evidence.params[0]).toBeLessThan(evidence.params[1]);
      expect(evidence.tokens[0]).toBeLessThan(evidence.tokens[1]);
      expect(evidence.source).toMatch(/et al\. 20\d\d, arXiv \d{4}\.\d{5}/);
      expect(lawFromPreset(preset.id).evidence).toBe(evidence);
    }
    expect(lawFromPreset('hoffmann2022').evidence).toBe(CHINCHILLA_EVIDENCE);
    expect(lawFromPreset('sardana2024-mpt').evidence?.params).toEqual([151e6, 6.05e9]);
    expect(lawFromPreset('sardana2024-mpt').evidence?.tokens).toEqual([1.51e9, 1.51e12]);
    expect(lawFromPreset('kaplan2020').evidence?.params).toEqual([768, 1.5e9]);
  });

  it('flags the published cost example: 1.3× the largest Chinchilla run, 6.6× its tokens', () => {
    const { warnings } = solve(sardanaCostExample);
    expect(only(warnings, 'params-beyond-evidence', 'lifetime')).toEqual({
      code: 'params-beyond-evidence',
      severity: 'warning',
      message:
        '20.5B parameters: 1.3× more than the largest run the law "sardana2024" was fitted on (16.2B), an extrapolation',
      field: 'law',
      candidate: 'lifetime',
    });
    expect(only(warnings, 'tokens-beyond-evidence', 'lifetime').message).toBe(
      '3.3T training tokens: 6.6× more than the largest run the law "sardana2024" was fitted on (500B), an extrapolation',
    );
    expect(only(warnings, 'params-beyond-evidence', 'chinchilla').message).toMatch(
      /^34\.1B parameters: 2\.1× more/,
    );
    // 1,875 tokens per parameter: 9.11B parameters are inside, 17.1T tokens 34× outside.
    expect(codesOf(warnings, 'baseline-1875')).toEqual(['tokens-beyond-evidence']);
    expect(only(warnings, 'tokens-beyond-evidence', 'baseline-1875').message).toMatch(/^17\.1T .*: 34× more/);
    // Without a testTime section the optimum is its own model without test-time compute.
    expect(codesOf(warnings, 'without-test-time')).toEqual([]);
  });

  it('flags models below the smallest fitted run, with how far', () => {
    // The compute-optimal 35M model: half Chinchilla's smallest run, on 512M tokens.
    const { warnings } = solve(problem({ targetLoss: targetLoss(sardana, { computeOptimalParams: 3.5e7 }) }));
    expect(only(warnings, 'params-beyond-evidence', 'lifetime').message).toBe(
      '35M parameters: 2.0× fewer than the smallest run the law "sardana2024" was fitted on (70M), an extrapolation',
    );
    expect(only(warnings, 'tokens-beyond-evidence', 'lifetime').message).toMatch(
      /^512M training tokens: 9\.8× fewer than the smallest run .* \(5B\)/,
    );
  });

  it('takes a custom law’s range from the file, and says when it has none', () => {
    const constants = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.336, beta: 0.283 };
    const meta = { id: 'custom', label: 'Custom', source: 'user' };
    const bare = solve(problem({ law: buildLaw({ ...meta, form: 'chinchilla', constants }) }));
    expect(bare.warnings.filter((w) => w.candidate === null)).toEqual([
      expect.objectContaining({ code: 'evidence-unknown', severity: 'info', field: 'law.fittedRange' }),
    ]);
    expect(bare.warnings.map((w) => w.code)).toEqual(['evidence-unknown']);
    const evidence = { params: [1e9, 2e9] as const, tokens: [1e10, 1e13] as const, source: 'mine' };
    const ranged = solve(problem({ law: buildLaw({ ...meta, evidence, form: 'chinchilla', constants }) }));
    expect(ranged.warnings.map((w) => [w.code, w.field])).toEqual([
      ['params-beyond-evidence', 'law'],
      ['params-beyond-evidence', 'law'],
    ]);
  });
});

describe('data beyond what exists', () => {
  const onDevice = targetLoss(sardana, { computeOptimalParams: 1e9 });

  it('flags more unique tokens than the largest known training set (18T, Qwen2.5)', () => {
    expect(LARGEST_KNOWN_TRAINING_SET_TOKENS).toBe(18e12);
    const { warnings, lifetimeOptimal } = solve(
      problem({ targetLoss: onDevice, demand: { inputTokens: 5e15, outputTokens: 5e15 } }),
    );
    expect(lifetimeOptimal.tokens).toBeGreaterThan(1.4e14);
    expect(only(warnings, 'tokens-beyond-largest-dataset', 'lifetime')).toEqual({
      code: 'tokens-beyond-largest-dataset',
      severity: 'warning',
      message:
        'trains on 147T tokens, 8.2× the largest known training set (~18T tokens, Qwen2.5), and no data limit is set; set data.uniqueTokens to price repeated data',
      field: 'data.uniqueTokens',
      candidate: 'lifetime',
    });
    expect(codesOf(warnings, 'chinchilla')).toEqual([]);
  });

  it('flags more tokens than the indexed web (510T, Epoch AI) as severe, instead', () => {
    expect(INDEXED_WEB_TOKENS).toBe(510e12);
    const { warnings } = solve(
      problem({ targetLoss: onDevice, demand: { inputTokens: 5e16, outputTokens: 5e16 } }),
    );
    expect(codesOf(warnings, 'lifetime')).toEqual(['tokens-beyond-evidence', 'tokens-beyond-indexed-web']);
    const web = only(warnings, 'tokens-beyond-indexed-web', 'lifetime');
    expect(web.severity).toBe('severe');
    expect(web.message).toMatch(/^trains on 860T tokens, 1\.7× the indexed web \(~510T tokens, Epoch AI\)/);
  });

  it('counts unique tokens under a data limit, and names the limit in force', () => {
    const demand = { inputTokens: 5e15, outputTokens: 5e15 };
    const limited = solve(problem({ targetLoss: onDevice, demand, data: { uniqueTokens: 2e13 } }));
    expect(only(limited.warnings, 'tokens-beyond-largest-dataset', 'lifetime').message).toBe(
      "trains on 129T tokens, repeating the data limit's 20T unique tokens, which are 1.1× the largest known training set (~18T tokens, Qwen2.5)",
    );
    // 10T unique tokens exist: repeating them is priced by the data law, not flagged.
    const within = solve(problem({ targetLoss: onDevice, demand, data: { uniqueTokens: 1e13 } }));
    expect(within.warnings.map((w) => w.code)).not.toContain('tokens-beyond-largest-dataset');
    // A limit above the need: the model trains on fresh tokens only, more than any training set.
    const loose = solve(problem({ targetLoss: onDevice, demand, data: { uniqueTokens: 3e14 } }));
    expect(only(loose.warnings, 'tokens-beyond-largest-dataset', 'lifetime').message).toBe(
      'trains on 147T unique tokens, 8.2× the largest known training set (~18T tokens, Qwen2.5); the data limit in force (300T unique tokens) allows it',
    );
  });
});

describe('the footprint', () => {
  // The compute-optimal model of a 3.8e25 FLOPs budget (about Llama 3.1 405B's).
  const frontier = problem({ targetLoss: targetLoss(sardana, { computeOptimalFlops: 3.8e25 }) });

  it('flags training longer than a year on the scenario’s cluster, and not on a large one', () => {
    expect(ONE_YEAR_DAYS).toBe(365);
    const slow = solve({ ...frontier, fleet: fleet({ clusterGpus: 1024 }) });
    expect(only(slow.warnings, 'training-over-a-year', 'lifetime')).toEqual({
      code: 'training-over-a-year',
      severity: 'warning',
      message:
        'training takes 1,086 days (3.0 years) on 1,024 GPUs: more than a year; a larger cluster shortens it',
      field: 'training.clusterGpus',
      candidate: 'lifetime',
    });
    const fast = solve({ ...frontier, fleet: fleet({ clusterGpus: 16384 }) });
    expect(fast.lifetimeOptimal.trainingDays).toBeCloseTo(1086 / 16, -1);
    expect(fast.warnings.map((w) => w.code)).not.toContain('training-over-a-year');
  });

  it('reuses the footprint’s flag for a replica that exceeds a node', () => {
    // 283B parameters in bf16 on 40 GB GPUs: 566 GB of weights need 16+ GPUs.
    const { warnings, lifetimeOptimal } = solve({ ...frontier, fleet: fleet({ inferenceMemoryGB: 40 }) });
    expect(lifetimeOptimal.replicaExceedsNode).toBe(true);
    const replica = only(warnings, 'replica-exceeds-node', 'lifetime');
    expect(replica.severity).toBe('info');
    expect(replica.field).toBe('inference.gpu');
    expect(replica.message).toBe(
      `one serving replica needs ${lifetimeOptimal.replicaGpus} GPUs, more than a node of 8: tensor parallelism across nodes, slower than the roofline assumes`,
    );
    const roomy = solve({ ...frontier, fleet: fleet({ inferenceMemoryGB: 192 }) });
    expect(roomy.warnings.map((w) => w.code)).not.toContain('replica-exceeds-node');
  });

  it('flags models of fewer than a million parameters', () => {
    expect(TINY_MODEL_PARAMS).toBe(1e6);
    // Kaplan et al. fitted sizes down to 768 parameters: only the tokens leave their evidence.
    const kaplan = lawFromPreset('kaplan2020');
    const { warnings } = solve(
      problem({ law: kaplan, targetLoss: targetLoss(kaplan, { computeOptimalParams: 5e5 }) }),
    );
    expect(codesOf(warnings, 'lifetime')).toEqual(['tokens-beyond-evidence', 'tiny-model']);
    expect(only(warnings, 'tiny-model', 'lifetime')).toEqual({
      code: 'tiny-model',
      severity: 'warning',
      message:
        '500K parameters: fewer than 1M, too small for the loss laws to describe; aim for a better target',
      field: 'target',
      candidate: 'lifetime',
    });
  });
});

describe('per-attempt success near chance', () => {
  // A four-choice task (chance 25 %, ε = 0.75), 90 % accuracy with an oracle verifier, at a small
  // demand: attempts are cheap, so the optimiser buys hundreds of them from a model that guesses.
  const mapping = { epsilon: 0.75, k: 30, gamma: 2 };
  const rule = { selection: 'verifier' as const, coverageExponent: 0.43, falsePassRate: 0 };
  const budget = {
    kMax: 1000,
    integerSamples: false,
    prefixCaching: true,
    verifierFlopsPerSample: 0,
    requests: 0,
  };
  const guessing = problem({
    targetLoss: lossForSuccess(successNeeded(0.9, 1, rule), mapping),
    demand: { inputTokens: 1e9, outputTokens: 1e9 },
    testTime: { benefit: { model: 'accuracy', targetAccuracy: 0.9, mapping, rule }, ...budget },
  });

  it('is flagged when success is within twice the least useful lift (5 points) of chance 1 − ε', () => {
    expect(NEAR_CHANCE_LIFTS).toBe(2);
    const { warnings, lifetimeOptimal } = solve(guessing);
    expect(lifetimeOptimal.k).toBeGreaterThan(100);
    // Held inside the mapping's domain, the optimum is a 43M model (once a tiny guesser), still weak.
    expect(codesOf(warnings, 'lifetime')).toEqual(['params-beyond-evidence', 'success-near-chance']);
    const chance = only(warnings, 'success-near-chance', 'lifetime');
    expect(chance.field).toBe('testTime.kMax');
    expect(chance.message).toMatch(
      // The optimiser stays at or above chance + 5 points (the domain's edge), never at chance itself.
      /^per-attempt success 30\.0 % is within 10 points of chance \(25\.0 %, 1 − ε\), near the edge/,
    );
    // One attempt at 90 % per attempt is far from chance.
    expect(codesOf(warnings, 'without-test-time')).not.toContain('success-near-chance');
    expect(codesOf(warnings, 'chinchilla')).not.toContain('success-near-chance');
  });

  it('is not flagged for a success entered directly, which has no chance level yet', () => {
    const direct = {
      ...guessing,
      targetLoss: 2,
      testTime: {
        ...budget,
        benefit: { model: 'accuracy' as const, targetAccuracy: 0.9, mapping: { success: 0.26 }, rule },
      },
    };
    expect(solve(direct).warnings.map((w) => w.code)).not.toContain('success-near-chance');
  });
});

describe('the warning codes', () => {
  it('are listed once each, in the order the warnings come', () => {
    expect(new Set(WARNING_CODES).size).toBe(WARNING_CODES.length);
    const { warnings } = solve(sardanaCostExample);
    const order = warnings.map((w) => WARNING_CODES.indexOf(w.code));
    expect(order.every((index) => index >= 0)).toBe(true);
  });
});
