import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/model';
import {
  DEFAULT_BASELINES,
  DEFAULT_ENERGY,
  DEFAULT_INFERENCE,
  DEFAULT_TRAINING,
  parseScenarioText,
  problemFromScenario,
  scenarioSizeProblem,
  serializeScenario,
  utf8ByteLength,
} from '../../src/scenario';
import { expectPrinted } from '../support/close';
import { issuesOf, valid } from '../support/scenarios';

const minimal = { target: { loss: 2 }, demand: { inputTokens: 1e12, outputTokens: 1e12 } };
const examplesFolder = new URL('../../resources/scenarios/', import.meta.url);

describe('scenario defaults', () => {
  it('accepts a file with just a target and a demand, and fills in every default', () => {
    const scenario = valid(minimal);
    expect(scenario).toEqual({
      name: 'Untitled scenario',
      notes: '',
      law: { preset: 'sardana2024' },
      target: { loss: 2 },
      demand: { inputTokens: 1e12, outputTokens: 1e12 },
      objective: 'flops',
      training: DEFAULT_TRAINING,
      inference: DEFAULT_INFERENCE,
      baselines: DEFAULT_BASELINES,
      energy: DEFAULT_ENERGY,
    });
  });

  it('accepts every demand shape and every target kind', () => {
    const perRequest = { requests: 10, inputTokensPerRequest: 100, outputTokensPerRequest: 50 };
    const perDay = { requestsPerDay: 10, days: 2, inputTokensPerRequest: 100, outputTokensPerRequest: 50 };
    expect(problemFromScenario(valid({ ...minimal, demand: perRequest })).demand).toEqual({
      inputTokens: 1000,
      outputTokens: 500,
    });
    expect(problemFromScenario(valid({ ...minimal, demand: perDay })).demand).toEqual({
      inputTokens: 2000,
      outputTokens: 1000,
    });
    for (const target of [
      { model: { params: 7e10, tokens: 1e12 } },
      { computeOptimalFlops: 1e23 },
      { computeOptimalParams: 7e10 },
    ]) {
      expect(valid({ ...minimal, target }).target).toEqual(target);
    }
  });

  it('accepts custom Chinchilla and Kaplan constants and explicit peak FLOP/s', () => {
    const chinchilla = { form: 'chinchilla', E: 1.5, A: 400, B: 400, alpha: 0.3, beta: 0.3 };
    expect(valid({ ...minimal, law: chinchilla }).law).toEqual(chinchilla);
    const kaplan = { form: 'kaplan', alphaN: 0.076, alphaD: 0.095, Nc: 8.8e13, Dc: 5.4e13 };
    expect(problemFromScenario(valid({ ...minimal, law: kaplan })).law.form).toBe('kaplan');
    const training = { peakFlops: 1e15, pricePerHour: 3, mfu: 0.4 };
    expect(valid({ ...minimal, training }).training).toEqual({ ...training, clusterGpus: 1024 });
  });
});

describe('a custom law’s fitted range', () => {
  const chinchilla = { form: 'chinchilla', E: 1.5, A: 400, B: 400, alpha: 0.3, beta: 0.3 };
  const fittedRange = { params: [1e8, 7e9], tokens: [2e9, 2e12] };

  it('is optional, kept as given, and becomes the law’s evidence', () => {
    const scenario = valid({ ...minimal, law: { ...chinchilla, fittedRange } });
    expect(scenario.law).toEqual({ ...chinchilla, fittedRange });
    const law = problemFromScenario(scenario).law;
    expect(law.evidence?.params).toEqual([1e8, 7e9]);
    expect(law.evidence?.tokens).toEqual([2e9, 2e12]);
    expect(law.evidence?.source).toMatch(/law\.fittedRange/);
    expect(problemFromScenario(valid({ ...minimal, law: chinchilla })).law.evidence).toBeUndefined();
    const kaplan = { form: 'kaplan', alphaN: 0.076, alphaD: 0.095, Nc: 8.8e13, Dc: 5.4e13, fittedRange };
    expect(problemFromScenario(valid({ ...minimal, law: kaplan })).law.evidence?.params).toEqual([1e8, 7e9]);
  });

  it('names each malformed bound, a reversed interval and a missing or unknown key', () => {
    const withRange = (range: unknown) =>
      issuesOf({ ...minimal, law: { ...chinchilla, fittedRange: range } });
    expect(withRange({ params: [7e9, 1e8], tokens: [1, 2] })).toEqual([
      'law.fittedRange.params: the smallest (7000000000) is above the largest (100000000)',
    ]);
    expect(withRange({ params: [0, 1e9], tokens: [1e9] })).toEqual([
      'law.fittedRange.params[0]: 0 must be above 0',
      'law.fittedRange.tokens: expected [smallest, largest], got a list',
    ]);
    expect(withRange({ params: [1, 2], size: 3 })).toEqual([
      'law.fittedRange.size: unknown field; allowed here: params, tokens',
      'law.fittedRange.tokens: missing; give [smallest, largest]',
    ]);
    expect(withRange(5)).toEqual(['law.fittedRange: expected an object, got 5 (number)']);
    // Presets carry their own range.
    expect(issuesOf({ ...minimal, law: { preset: 'sardana2024', fittedRange } })).toEqual([
      'law.fittedRange: unknown field; allowed here: preset',
    ]);
  });
});

describe('scenario validation', () => {
  it('names the field and the law when the target loss is at or below E', () => {
    expect(issuesOf({ ...minimal, target: { loss: 1.5 } })).toEqual([
      'target.loss: 1.5 is below the irreducible loss E = 1.69 of law sardana2024',
    ]);
    expect(issuesOf({ ...minimal, law: { preset: 'besiroglu2024' }, target: { loss: 1.8172 } })).toEqual([
      'target.loss: 1.8172 equals the irreducible loss E = 1.8172 of law besiroglu2024',
    ]);
  });

  it('reports each problem once with its JSON path', () => {
    const issues = issuesOf({
      law: { preset: 'chinchilla2099' },
      target: { loss: 'low' },
      demand: { requests: -3, inputTokensPerRequest: 100, outputTokensPerRequest: 50 },
      objective: 'speed',
      training: { gpu: 'A100-80GB', dtype: 'fp8', mfu: 1.5 },
      inference: { gpu: 'TPU', pricePerHour: 0 },
      baselines: [20, -1, 'x'],
      colour: 'blue',
    });
    expect(issues).toEqual([
      'colour: unknown field; allowed here: format, version, name, notes, law, target, demand, objective, gpus, training, inference, baselines, testTime, energy, data, plans',
      expect.stringMatching(
        /^law\.preset: unknown preset "chinchilla2099" \(text\); known presets: "sardana2024", /,
      ),
      'target.loss: expected a number, got "low" (text)',
      'demand.requests: -3 must not be negative',
      'objective: "speed" (text) is not one of "flops", "cost"',
      'training.dtype: A100-80GB has no fp8 support; use "bf16", "int8"',
      'training.mfu: 1.5 is outside (0, 1]',
      expect.stringMatching(/^inference\.gpu: unknown GPU "TPU" \(text\); known GPUs: "A100-40GB", /),
      'inference.pricePerHour: 0 must be above 0',
      'baselines[1]: -1 must be above 0',
      'baselines[2]: expected a tokens-per-parameter ratio or "kaplan2020" (Kaplan et al. 2020\'s allocation), got "x" (text)',
    ]);
  });

  it('takes "kaplan2020" among the baselines, round-trips it, and refuses other text and repeats', () => {
    const scenario = valid({ ...minimal, baselines: [20, 'kaplan2020'] });
    expect(scenario.baselines).toEqual([20, 'kaplan2020']);
    expect(parseScenarioText(serializeScenario(scenario))).toEqual({ ok: true, scenario });
    expect(problemFromScenario(scenario).baselines).toEqual([20, 'kaplan2020']);
    expect(issuesOf({ ...minimal, baselines: ['Kaplan', 'kaplan2020', 20, 'kaplan2020', 20] })).toEqual([
      'baselines[0]: expected a tokens-per-parameter ratio or "kaplan2020" (Kaplan et al. 2020\'s allocation), got "Kaplan" (text)',
      'baselines[3]: "kaplan2020" is already baseline 2',
      'baselines[4]: 20 is already baseline 3',
    ]);
  });

  it('suggests the key that was probably meant', () => {
    expect(issuesOf({ ...minimal, training: { gpu: 'H100-SXM', mfuu: 0.4 } })).toEqual([
      'training.mfuu: unknown field (did you mean "mfu"?); allowed here: gpu, dtype, memoryGB, bandwidthTBs, boardPowerW, peakFlops, pricePerHour, mfu, clusterGpus',
    ]);
  });

  it('asks for a target and a demand, and for exactly one kind of target', () => {
    expect(issuesOf({})).toEqual([
      'target: missing; give one of "loss", "model", "computeOptimalFlops", "computeOptimalParams"',
      expect.stringMatching(/^demand: missing; give "inputTokens" and "outputTokens", or "requests"/),
    ]);
    expect(issuesOf({ ...minimal, target: { loss: 2, computeOptimalParams: 1e9 } })).toEqual([
      'target: give exactly one of "loss", "model", "computeOptimalFlops", "computeOptimalParams" (found 2)',
    ]);
  });

  it('refuses non-objects, wrong formats and mixed hardware', () => {
    expect(issuesOf([1, 2])).toEqual([': expected an object, got a list']);
    expect(issuesOf({ ...minimal, format: 'something-else' })).toEqual([
      'format: "something-else" (text) is not a Tradeoff Explorer scenario (expected "tradeoff-scenario")',
    ]);
    expect(issuesOf({ ...minimal, training: { gpu: 'H100-SXM', peakFlops: 1e15 } })).toEqual([
      'training: give either "gpu" or "peakFlops", not both',
    ]);
    expect(
      issuesOf({
        ...minimal,
        demand: { requests: 1e300, inputTokensPerRequest: 1e300, outputTokensPerRequest: 1 },
      }),
    ).toEqual([
      'demand.inputTokensPerRequest: 1e300 is above the limit of 1e8 (tokens per request, ~100× the longest contexts)',
      'demand.requests: 1e300 is above the limit of 1e16 (lifetime requests, ~1,000× a year of the largest API today)',
    ]);
  });

  it('refuses a file from a newer format version whole, without reading it', () => {
    expect(issuesOf({ format: 'tradeoff-scenario', version: 2, target: 'whatever', law: 7 })).toEqual([
      'version: this file is format version 2, newer than this build of Tradeoff Explorer reads (version 1); update the app to open it',
    ]);
    expect(issuesOf({ ...minimal, version: 0.5 })).toEqual([
      'version: 0.5 (number) is not a known format version (expected 1)',
    ]);
  });
});

describe('the testTime section', () => {
  it('fills γ and S from the task class, and the other defaults', () => {
    expect(valid({ ...minimal, testTime: { taskClass: 'verifiable' } }).testTime).toEqual({
      model: 'exchange',
      taskClass: 'verifiable',
      gamma: 2,
      spanOom: 3,
      kMax: 1000,
      integerSamples: false,
      prefixCaching: true,
      verifierCostPerSample: 0,
    });
    expect(valid(minimal).testTime).toBeUndefined();
  });

  it('lets explicit γ and S override the class, and needs both for a custom class', () => {
    expect(valid({ ...minimal, testTime: { gamma: 1.2 } }).testTime).toMatchObject({
      taskClass: 'general',
      gamma: 1.2,
      spanOom: 1,
    });
    expect(issuesOf({ ...minimal, testTime: { taskClass: 'custom', gamma: 2 } })).toEqual([
      'testTime.spanOom: missing; a number is required here',
    ]);
  });

  it('names every bad field', () => {
    expect(issuesOf({ ...minimal, testTime: { model: 'magic', kMax: 0.5 } })).toEqual([
      'testTime.model: "magic" (text) is not one of "exchange", "accuracy"',
    ]);
    expect(
      issuesOf({
        ...minimal,
        testTime: {
          taskClass: 'poetry',
          kMax: 0.5,
          integerSamples: 'yes',
          verifierCostPerSample: 1e12,
          extra: 1,
        },
      }),
    ).toEqual([
      'testTime.extra: unknown field; allowed here: model, kMax, integerSamples, prefixCaching, verifierCostPerSample, taskClass, gamma, spanOom',
      'testTime.kMax: 0.5 must be at least 1',
      'testTime.integerSamples: expected true or false, got "yes" (text)',
      'testTime.verifierCostPerSample: verification is counted per request: give the demand as requests (or requests per day), not token totals',
      'testTime.taskClass: "poetry" (text) is not one of "easy", "general", "sequential", "verifiable", "beyond", "custom"',
    ]);
  });

  it('reads a task-accuracy target instead of a loss target', () => {
    const accuracy = {
      model: 'accuracy',
      targetAccuracy: 0.8,
      p1: { epsilon: 0.9, k: 4, gamma: 1 },
      selection: 'majority',
    };
    const scenario = valid({ demand: minimal.demand, testTime: accuracy });
    expect(scenario.target).toBeUndefined();
    expect(scenario.testTime).toEqual({
      ...accuracy,
      p1: { ...accuracy.p1, minLift: 0.05 },
      coverageExponent: 0.43,
      falsePassRate: 0,
      kMax: 1000,
      integerSamples: false,
      prefixCaching: true,
      verifierCostPerSample: 0,
    });
    const reread = parseScenarioText(serializeScenario(scenario));
    expect(reread.ok && reread.scenario).toEqual(scenario);
    expect(issuesOf({ ...minimal, testTime: accuracy })).toEqual([
      'target: not used when testTime.model is "accuracy": the target is testTime.targetAccuracy',
    ]);
    expect(
      issuesOf({ demand: minimal.demand, testTime: { ...accuracy, p1: undefined, falsePassRate: 1 } }),
    ).toEqual([
      'testTime.p1: missing; give Gadre et al.’s constants {"epsilon", "k", "gamma"} fitted for your task and loss, or {"value"}: the per-attempt success of a model of the target',
      'testTime.falsePassRate: 1 must be below 1',
    ]);
  });

  it('takes p₁ entered directly for a model of the loss target, and checks k_max attempts suffice', () => {
    const direct = {
      model: 'accuracy',
      targetAccuracy: 0.9,
      p1: { value: 0.3 },
      selection: 'imperfect-verifier',
      kMax: 50,
    };
    const scenario = valid({ ...minimal, testTime: direct });
    expect(scenario.target).toEqual({ loss: 2 });
    expect(scenario.testTime).toMatchObject({ p1: { value: 0.3 } });
    expect(issuesOf({ ...minimal, testTime: { ...direct, kMax: 3 } })).toEqual([
      'testTime.targetAccuracy: with a per-attempt success of 0.3, 3 attempts (imperfect-verifier) do not reach an accuracy of 0.9',
    ]);
    expect(issuesOf({ demand: minimal.demand, testTime: direct })).toEqual([
      'target: missing; give one of "loss", "model", "computeOptimalFlops", "computeOptimalParams"',
    ]);
  });

  it('solves an accuracy that needs test-time compute, and refuses one out of reach inside the domain', () => {
    // With ε = 0.5 and k = 1, even a loss at E = 1.69 gives p₁ = 0.5 + e^−1.69 ≈ 0.68: 0.9 needs attempts.
    const testTime = { model: 'accuracy', targetAccuracy: 0.9, p1: { epsilon: 0.5, k: 1, gamma: 1 } };
    expect(issuesOf({ demand: minimal.demand, testTime })).toEqual([]);
    expect(issuesOf({ demand: minimal.demand, testTime: { ...testTime, kMax: 2 } })).toEqual([
      expect.stringMatching(
        /^testTime\.targetAccuracy: an accuracy of 0\.9 is out of reach inside the accuracy mapping's domain: the best is 0\.75477, with 2 attempts \(verifier\) of a model approaching the law's floor.*Lower testTime\.targetAccuracy, allow more attempts \(testTime\.kMax\), or widen testTime\.p1\.lossRange/,
      ),
    ]);
  });

  it('reads the mapping’s domain: a loss range and the least lift above chance', () => {
    const p1 = { epsilon: 0.5, k: 1, gamma: 1, lossRange: [2, 3], minLift: 0.1 };
    const testTime = { model: 'accuracy', targetAccuracy: 0.6, p1 };
    const scenario = valid({ demand: minimal.demand, testTime });
    expect(scenario.testTime).toMatchObject({ p1 });
    const reread = parseScenarioText(serializeScenario(scenario));
    expect(reread.ok && reread.scenario).toEqual(scenario);
    const issues = (changes: object) =>
      issuesOf({ demand: minimal.demand, testTime: { ...testTime, p1: { ...p1, ...changes } } });
    expect(issues({ lossRange: [3, 2] })).toEqual([
      'testTime.p1.lossRange: the low end 3 must be below the high end 2',
    ]);
    expect(issues({ lossRange: [2] })).toEqual([
      'testTime.p1.lossRange: expected [low, high], two losses, got a list',
    ]);
    expect(issues({ minLift: 1 })).toEqual(['testTime.p1.minLift: 1 must be below 1']);
    // Success 0.5 + e^−L reaches chance + 0.4 only below L = 0.92, under the law's floor 1.69.
    expect(issues({ lossRange: undefined, minLift: 0.4 })).toEqual([
      expect.stringMatching(/^testTime\.p1\.minLift: no loss lies inside the accuracy mapping's domain/),
    ]);
  });

  it('round-trips through the file format', () => {
    const scenario = valid({
      ...minimal,
      demand: { requests: 1e6, inputTokensPerRequest: 10, outputTokensPerRequest: 20 },
      testTime: {
        taskClass: 'easy',
        kMax: 64,
        integerSamples: true,
        prefixCaching: false,
        verifierCostPerSample: 2e9,
      },
    });
    const reread = parseScenarioText(serializeScenario(scenario));
    expect(reread.ok && reread.scenario).toEqual(scenario);
    expect(Object.keys(JSON.parse(serializeScenario(scenario)) as object).slice(-2)).toEqual([
      'testTime',
      'energy',
    ]);
  });
});

describe('the data and energy sections', () => {
  it('reads a data limit, energy assumptions and a roofline decode, with defaults', () => {
    const scenario = valid({
      ...minimal,
      data: { uniqueTokens: 5e12 },
      energy: { gpuWatts: 650 },
      inference: { gpu: 'H100-SXM', decode: { model: 'roofline', batch: 16 } },
      training: { clusterGpus: 2048 },
    });
    expect(scenario.data).toEqual({ uniqueTokens: 5e12 });
    expect(scenario.energy).toEqual({ gpuWatts: 650, pue: 1.2, gridKgCo2PerKwh: 0.4 });
    expect(scenario.inference.decode).toEqual({
      model: 'roofline',
      batch: 16,
      bandwidthEfficiency: 0.8,
      contextTokens: 4096,
    });
    expect(scenario.training.clusterGpus).toBe(2048);
    const reread = parseScenarioText(serializeScenario(scenario));
    expect(reread.ok && reread.scenario).toEqual(scenario);
  });

  it('lets the roofline override the shape rule, in whole heads', () => {
    const decode = { model: 'roofline', shape: { kvHeads: 1, headDim: 64 } };
    const scenario = valid({ ...minimal, inference: { gpu: 'H100-SXM', decode } });
    expect(scenario.inference.decode).toEqual({
      model: 'roofline',
      batch: 32,
      bandwidthEfficiency: 0.8,
      contextTokens: 4096,
      shape: { kvHeads: 1, headDim: 64 },
    });
    const reread = parseScenarioText(serializeScenario(scenario));
    expect(reread.ok && reread.scenario).toEqual(scenario);
    expect(
      issuesOf({
        ...minimal,
        inference: { gpu: 'H100-SXM', decode: { model: 'roofline', shape: { kvHeads: 2.5, layers: 3 } } },
      }),
    ).toEqual([
      'inference.decode.shape.layers: unknown field; allowed here: aspectRatio, headDim, kvHeads',
      'inference.decode.shape.kvHeads: 2.5 must be a whole number',
    ]);
    // A huge head size is refused by its limit, naming the field, before the shape rule sees it.
    const huge = { model: 'roofline', shape: { headDim: 1e300 } };
    expect(issuesOf({ ...minimal, inference: { gpu: 'H100-SXM', decode: huge } })).toEqual([
      'inference.decode.shape.headDim: 1e300 is above the limit of 100000 (an attention head size, ~128 in practice)',
    ]);
  });

  it('refuses a sliver of unique data by its limit, in words, not "Infinity"', () => {
    const law = { form: 'chinchilla', E: 1, A: 10, B: 10, alpha: 0.5, beta: 2 };
    expect(issuesOf({ ...minimal, law, data: { uniqueTokens: 1e-300 } })).toEqual([
      'data.uniqueTokens: 1e-300 is below the limit of 1 (tokens, ~10,000× the largest training sets yet)',
    ]);
  });

  it('names bad values and a target the unique data cannot reach', () => {
    expect(
      issuesOf({
        ...minimal,
        energy: { pue: 0.5, gridKgCo2PerKwh: -1 },
        inference: { peakFlops: 1e15, decode: { model: 'roofline' } },
        training: { clusterGpus: 0 },
        data: { uniqueTokens: 'lots' },
      }),
    ).toEqual([
      'training.clusterGpus: 0 must be at least 1',
      'inference.decode.model: the roofline needs a GPU’s memory bandwidth: name a preset or one of your gpus in inference.gpu instead of giving peakFlops',
      'energy.pue: 0.5 must be at least 1',
      'energy.gridKgCo2PerKwh: -1 must not be negative',
      'data.uniqueTokens: expected a number, got "lots" (text)',
    ]);
    expect(issuesOf({ ...minimal, target: { loss: 2 }, data: { uniqueTokens: 1e9 } })).toEqual([
      expect.stringMatching(
        /^data\.uniqueTokens: 1000000000 unique tokens cannot reach loss 2\.0000 however often they are repeated \(the best is 2\.\d+\)$/,
      ),
    ]);
  });
});

describe('scenario text', () => {
  it('explains empty, oversized and malformed JSON', () => {
    const message = (text: string) => {
      const result = parseScenarioText(text);
      return result.ok ? '' : (result.issues[0]?.message ?? '');
    };
    expect(message('  ')).toBe('the file is empty');
    expect(message('{"target": ')).toMatch(/^not valid JSON: /);
    expect(message('x'.repeat(1_000_001))).toBe(
      'the file is too large: 1,000,001 bytes is more than the 1,000,000 bytes a scenario file may hold',
    );
  });

  it('counts the size limit in UTF-8 bytes, as on disk', () => {
    const withNotes = (notes: string) =>
      serializeScenario(
        valid({ name: 'n', target: { loss: 2.5 }, demand: { inputTokens: 1e12, outputTokens: 1e11 }, notes }),
      );
    // 340,000 characters of three bytes each: well under the limit in characters, over it in bytes.
    const result = parseScenarioText(withNotes('€'.repeat(340_000)));
    expect(result.ok ? '' : result.issues[0]?.message).toMatch(
      /^the file is too large: 1,020,\d{3} bytes is more than the 1,000,000 bytes a scenario file may hold$/,
    );
    expect(parseScenarioText(withNotes('€'.repeat(330_000))).ok).toBe(true);
    expect(utf8ByteLength('a€😀')).toBe(1 + 3 + 4);
    expect(utf8ByteLength('\ud800')).toBe(3);
    expect(scenarioSizeProblem(1_000_000)).toBeNull();
  });

  it('round-trips through serialisation in a stable key order', () => {
    const scenario = valid({ ...minimal, baselines: [30], name: 'x', notes: 'y' });
    const text = serializeScenario(scenario);
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'format',
      'version',
      'name',
      'notes',
      'law',
      'target',
      'demand',
      'objective',
      'training',
      'inference',
      'baselines',
      'energy',
    ]);
    expect(text.endsWith('}\n')).toBe(true);
    const reread = parseScenarioText(text);
    expect(reread.ok && reread.scenario).toEqual(scenario);
    const shuffled = {
      ...scenario,
      training: { clusterGpus: 8, mfu: 0.3, pricePerHour: 2, dtype: 'bf16' as const, gpu: 'H100-SXM' },
    };
    expect(serializeScenario(shuffled)).toContain(
      '"gpu": "H100-SXM",\n    "dtype": "bf16",\n    "pricePerHour": 2,\n    "mfu": 0.3',
    );
  });

  it('round-trips any valid numbers exactly', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1.7, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1e20, noNaN: true }),
        // Utilisations from the least accepted (limits.ts) up.
        fc.double({ min: 1e-4, max: 1, noNaN: true }),
        (loss, tokens, mfu) => {
          const scenario = valid({
            ...minimal,
            target: { loss },
            demand: { inputTokens: tokens, outputTokens: tokens },
            training: { mfu },
          });
          const reread = parseScenarioText(serializeScenario(scenario));
          expect(reread.ok && reread.scenario).toEqual(scenario);
        },
      ),
    );
  });

  it('never saves an invalid scenario', () => {
    const broken = { ...valid(minimal), target: { loss: 1 } };
    expect(() => serializeScenario(broken)).toThrow(
      'cannot save an invalid scenario: target.loss: 1 is below',
    );
  });
});

describe('the example scenarios', () => {
  const files = readdirSync(examplesFolder).filter((file) => file.endsWith('.tradeoff.json'));

  it('ships at least the four examples of the engine issue, all valid and solvable', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const result = parseScenarioText(readFileSync(new URL(file, examplesFolder), 'utf8'));
      expect(result.ok, file).toBe(true);
      if (result.ok)
        expect(solve(problemFromScenario(result.scenario)).lifetimeOptimal.params).toBeGreaterThan(0);
    }
  });

  /**
   * The exact warnings of each example, as "candidate code". Every example uses `sardana2024`,
   * fitted on Chinchilla's runs (at most 16.2B parameters and 500B tokens), so any candidate larger
   * or trained longer is an extrapolation; those are the `…-beyond-evidence` codes below. None
   * trains for more than a year, is tiny, needs more than a node per replica or has an accuracy
   * target; none comes near the indexed web.
   */
  const EXPECTED_WARNINGS: Record<string, readonly string[]> = {
    // 400B unique tokens cap the data: the optimum (3.97B on 3.1T tokens) repeats them 7.8 times,
    // so it needs no more unique data than exists; its tokens pass 500B, and the 20-tokens/param
    // model's 18B parameters pass 16.2B.
    'data-limited-roofline': [
      'lifetime tokens-beyond-evidence',
      'chinchilla tokens-beyond-evidence', // 524B tokens, 4.8 % past 500B
      'baseline-20 params-beyond-evidence',
      'baseline-142 tokens-beyond-evidence',
      'baseline-1875 tokens-beyond-evidence',
    ],
    // Llama 3.1 405B's budget: every candidate is 5–37× Chinchilla's largest run, and all but the
    // 20-tokens/param one need more than Qwen2.5's 18T tokens (22–158T, no data limit set). On the
    // 16,384 GPUs of the file no training takes a year (on the default 1,024 it would take three).
    'frontier-modest-demand': [
      'lifetime params-beyond-evidence',
      'lifetime tokens-beyond-evidence',
      'lifetime tokens-beyond-largest-dataset',
      'chinchilla params-beyond-evidence',
      'chinchilla tokens-beyond-evidence',
      'chinchilla tokens-beyond-largest-dataset',
      'baseline-20 params-beyond-evidence',
      'baseline-20 tokens-beyond-evidence',
      'baseline-142 params-beyond-evidence',
      'baseline-142 tokens-beyond-evidence',
      'baseline-142 tokens-beyond-largest-dataset',
      'baseline-1875 params-beyond-evidence',
      'baseline-1875 tokens-beyond-evidence',
      'baseline-1875 tokens-beyond-largest-dataset',
    ],
    // A billion requests a day over-train a 1.95B model on 34.7T tokens: more than any training set.
    // The optimum keeps k = 1, so the model without test-time compute is the same.
    'high-volume-chat': [
      'lifetime tokens-beyond-evidence',
      'lifetime tokens-beyond-largest-dataset',
      'without-test-time tokens-beyond-evidence',
      'without-test-time tokens-beyond-largest-dataset',
      'chinchilla tokens-beyond-evidence', // 509B tokens
      'baseline-20 params-beyond-evidence', // 17.7B
      'baseline-142 tokens-beyond-evidence',
      'baseline-1875 tokens-beyond-evidence',
    ],
    // The optimum over-trains 5.2B parameters on 84.9T tokens; Llama 3 8B itself (1,875) is at 15T.
    'llama3-8b-overtrained': [
      'lifetime tokens-beyond-evidence',
      'lifetime tokens-beyond-largest-dataset',
      'chinchilla params-beyond-evidence',
      'chinchilla tokens-beyond-evidence',
      'baseline-20 params-beyond-evidence',
      'baseline-20 tokens-beyond-evidence',
      'baseline-142 params-beyond-evidence',
      'baseline-142 tokens-beyond-evidence',
      'baseline-1875 tokens-beyond-evidence',
    ],
    // 1e16 tokens of demand push a 113M model to 147T tokens, 8× any training set.
    'on-device-small': [
      'lifetime tokens-beyond-evidence',
      'lifetime tokens-beyond-largest-dataset',
      'baseline-10000 tokens-beyond-evidence',
    ],
    // Test-time compute lets a 4.86B model stand in for a 70B-quality one: only its 1.95T tokens
    // leave the evidence; the 70B-quality models without it are 1.6–4.3× Chinchilla's largest.
    'reasoning-assistant': [
      'lifetime tokens-beyond-evidence',
      'without-test-time params-beyond-evidence',
      'without-test-time tokens-beyond-evidence',
      'chinchilla params-beyond-evidence',
      'chinchilla tokens-beyond-evidence',
      'baseline-20 params-beyond-evidence',
      'baseline-20 tokens-beyond-evidence',
      'baseline-142 params-beyond-evidence',
      'baseline-142 tokens-beyond-evidence',
      'baseline-1875 tokens-beyond-evidence',
      'baseline-1875 tokens-beyond-largest-dataset', // 20.5T tokens
    ],
    // The published example itself: 20.5B parameters on 3.3T tokens, past Chinchilla's runs.
    'sardana-70b-chatbot': [
      'lifetime params-beyond-evidence',
      'lifetime tokens-beyond-evidence',
      'chinchilla params-beyond-evidence',
      'chinchilla tokens-beyond-evidence',
      'baseline-20 params-beyond-evidence',
      'baseline-20 tokens-beyond-evidence',
      'baseline-142 params-beyond-evidence',
      'baseline-142 tokens-beyond-evidence',
      'baseline-1875 tokens-beyond-evidence', // 9.11B parameters are inside; 17.1T tokens are not
    ],
  };

  it('solves every example with exactly the warnings explained here', () => {
    expect(files.map((file) => file.replace('.tradeoff.json', '')).sort()).toEqual(
      Object.keys(EXPECTED_WARNINGS).sort(),
    );
    for (const file of files) {
      const result = parseScenarioText(readFileSync(new URL(file, examplesFolder), 'utf8'));
      if (!result.ok) throw new Error(`${file} is invalid`);
      const { warnings } = solve(problemFromScenario(result.scenario));
      expect(
        warnings.map((warning) => `${warning.candidate} ${warning.code}`),
        file,
      ).toEqual(EXPECTED_WARNINGS[file.replace('.tradeoff.json', '')]);
    }
  });

  it('reproduces the Sardana et al. cost example from its file', () => {
    const result = parseScenarioText(
      readFileSync(new URL('sardana-70b-chatbot.tradeoff.json', examplesFolder), 'utf8'),
    );
    if (!result.ok) throw new Error('example invalid');
    const solution = solve(problemFromScenario(result.scenario));
    expectPrinted(solution.lifetimeOptimal.params, 4, '2.053e10');
    expectPrinted(solution.lifetimeOptimal.tokens, 4, '3.302e12');
  });
});
