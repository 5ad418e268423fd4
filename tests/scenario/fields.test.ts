import { describe, expect, it } from 'vitest';
import { TASK_CLASSES } from '../../src/model';
import {
  CUSTOM_TASK_CLASS,
  DECODE_MODELS,
  DEFAULT_TEST_TIME,
  DEMAND_KINDS,
  demandKindOf,
  LAW_FORMS,
  LAW_KINDS,
  lawKindOf,
  SUCCESS_SOURCES,
  successSourceOf,
  TARGET_KINDS,
  targetKindOf,
  TASK_CLASS_IDS,
  TEST_TIME_MODELS,
} from '../../src/scenario';
import { issuesOf, valid } from '../support/scenarios';

/** One list per choice, shared by the validator and the editor: the validator takes exactly these. */
const minimal = {
  target: { loss: 2 },
  demand: { requests: 1e6, inputTokensPerRequest: 100, outputTokensPerRequest: 10 },
};
const quoted = (list: readonly string[]) => list.map((entry) => `"${entry}"`).join(', ');

describe('the choices of a scenario’s fields', () => {
  it('takes a law of every kind, and names the forms when one is unknown', () => {
    const constants = {
      chinchilla: { E: 1.5, A: 400, B: 400, alpha: 0.3, beta: 0.3 },
      kaplan: { alphaN: 0.076, alphaD: 0.095, Nc: 8.8e13, Dc: 5.4e13 },
    };
    for (const kind of LAW_KINDS) {
      const law = kind === 'preset' ? { preset: 'sardana2024' } : { form: kind, ...constants[kind] };
      expect(lawKindOf(valid({ ...minimal, law }).law)).toBe(kind);
    }
    expect(issuesOf({ ...minimal, law: { form: 'power' } })).toEqual([
      `law.form: "power" (text) is not one of ${quoted(LAW_FORMS)}`,
    ]);
  });

  it('takes a target of every kind, and names them when none or two are given', () => {
    const targets = {
      loss: { loss: 2 },
      model: { model: { params: 7e10, tokens: 1.4e12 } },
      computeOptimalFlops: { computeOptimalFlops: 1e23 },
      computeOptimalParams: { computeOptimalParams: 7e10 },
    };
    for (const kind of TARGET_KINDS) {
      const scenario = valid({ ...minimal, target: targets[kind] });
      expect(scenario.target && targetKindOf(scenario.target)).toBe(kind);
    }
    expect(issuesOf({ ...minimal, target: { loss: 2, computeOptimalFlops: 1e23 } })).toEqual([
      `target: give exactly one of ${quoted(TARGET_KINDS)} (found 2)`,
    ]);
  });

  it('takes a demand of every kind and tells them apart by their keys', () => {
    const perRequest = { inputTokensPerRequest: 100, outputTokensPerRequest: 10 };
    const demands = {
      totals: { inputTokens: 1e9, outputTokens: 1e9 },
      requests: { requests: 1e6, ...perRequest },
      rate: { requestsPerDay: 1e4, days: 100, ...perRequest },
    };
    for (const kind of DEMAND_KINDS) {
      expect(demandKindOf(valid({ ...minimal, demand: demands[kind] }).demand)).toBe(kind);
    }
    expect(demandKindOf({ ...perRequest })).toBeUndefined();
  });

  it('takes every decode model and test-time model, and nothing else', () => {
    for (const model of DECODE_MODELS) {
      expect(valid({ ...minimal, inference: { decode: { model } } }).inference.decode.model).toBe(model);
    }
    expect(issuesOf({ ...minimal, inference: { decode: { model: 'guess' } } })).toEqual([
      `inference.decode.model: "guess" (text) is not one of ${quoted(DECODE_MODELS)}`,
    ]);
    const sections = {
      exchange: { model: 'exchange' },
      accuracy: { model: 'accuracy', targetAccuracy: 0.5, p1: { value: 0.3 } },
    };
    for (const model of TEST_TIME_MODELS) {
      expect(valid({ ...minimal, testTime: sections[model] }).testTime?.model).toBe(model);
    }
    expect(issuesOf({ ...minimal, testTime: { model: 'oracle' } })).toEqual([
      `testTime.model: "oracle" (text) is not one of ${quoted(TEST_TIME_MODELS)}`,
    ]);
  });

  it('takes every task class of the engine and a custom one, and names them all otherwise', () => {
    expect(TASK_CLASS_IDS).toEqual([...TASK_CLASSES.map((taskClass) => taskClass.id), CUSTOM_TASK_CLASS]);
    for (const taskClass of TASK_CLASSES) {
      expect(valid({ ...minimal, testTime: { taskClass: taskClass.id } }).testTime).toMatchObject({
        taskClass: taskClass.id,
        gamma: taskClass.gamma,
        spanOom: taskClass.spanOom,
      });
    }
    const custom = { taskClass: CUSTOM_TASK_CLASS, gamma: 1.2, spanOom: 2 };
    expect(valid({ ...minimal, testTime: custom }).testTime).toMatchObject(custom);
    expect(issuesOf({ ...minimal, testTime: { taskClass: 'hard' } })).toEqual([
      `testTime.taskClass: "hard" (text) is not one of ${quoted(TASK_CLASS_IDS)}`,
    ]);
  });

  it('tells the per-attempt success sources apart', () => {
    expect([...SUCCESS_SOURCES].sort()).toEqual(['direct', 'mapping']);
    expect(successSourceOf({ epsilon: 0.9, k: 4, gamma: 1 })).toBe('mapping');
    expect(successSourceOf({ value: 0.3 })).toBe('direct');
  });

  it('fills in a test-time section’s every default from one place', () => {
    const exchange = valid({ ...minimal, testTime: {} }).testTime;
    expect(exchange).toMatchObject({
      model: DEFAULT_TEST_TIME.model,
      taskClass: DEFAULT_TEST_TIME.taskClass,
      kMax: DEFAULT_TEST_TIME.kMax,
      integerSamples: DEFAULT_TEST_TIME.integerSamples,
      prefixCaching: DEFAULT_TEST_TIME.prefixCaching,
      verifierCostPerSample: DEFAULT_TEST_TIME.verifierCostPerSample,
    });
    const accuracy = valid({
      ...minimal,
      testTime: { model: 'accuracy', targetAccuracy: 0.5, p1: { value: 0.3 } },
    }).testTime;
    expect(accuracy).toMatchObject({
      selection: DEFAULT_TEST_TIME.selection,
      coverageExponent: DEFAULT_TEST_TIME.coverageExponent,
      falsePassRate: DEFAULT_TEST_TIME.falsePassRate,
    });
  });
});
