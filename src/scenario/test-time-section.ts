import { DEFAULT_MIN_LIFT, findTaskClass, SELECTIONS } from '../model';
import { DEFAULT_TEST_TIME } from './defaults';
import { CUSTOM_TASK_CLASS, successSourceOf, TASK_CLASS_IDS, TEST_TIME_MODELS } from './fields';
import { childPath, describeValue, quoteAll, type FieldReader, type JsonObject } from './reader';
import type { AccuracyTestTimeSpec, DemandSpec, ExchangeTestTimeSpec, TestTimeSpec } from './types';

const BUDGET_KEYS = ['model', 'kMax', 'integerSamples', 'prefixCaching', 'verifierCostPerSample'] as const;
const EXCHANGE_KEYS = [...BUDGET_KEYS, 'taskClass', 'gamma', 'spanOom'] as const;
const ACCURACY_KEYS = [
  ...BUDGET_KEYS,
  'targetAccuracy',
  'p1',
  'selection',
  'coverageExponent',
  'falsePassRate',
] as const;

/**
 * Whether a (not yet validated) testTime section sets a task accuracy reached through a loss
 * mapping, so that the optimiser chooses the loss and no loss target is needed. With p₁ entered
 * directly the target still fixes the model's quality.
 */
export function setsTaskAccuracy(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const section = value as JsonObject;
  const p1 = section['p1'];
  const direct = typeof p1 === 'object' && p1 !== null && 'value' in p1;
  return section['model'] === 'accuracy' && !direct;
}

/** The optional testTime section; `undefined` both when absent (k = 1) and after reporting an issue. */
export function readTestTime(
  reader: FieldReader,
  value: unknown,
  path: string,
  demand: DemandSpec | undefined,
): TestTimeSpec | undefined {
  if (value === undefined) return undefined;
  const section = reader.object(value, path);
  if (!section) return undefined;
  const model = reader.choice(section, path, 'model', TEST_TIME_MODELS, DEFAULT_TEST_TIME.model);
  if (model === undefined) return undefined;
  reader.onlyKeys(section, path, model === 'exchange' ? EXCHANGE_KEYS : ACCURACY_KEYS);
  const budget = readBudget(reader, section, path, demand);
  const benefit =
    model === 'exchange' ? readExchange(reader, section, path) : readAccuracy(reader, section, path);
  return budget && benefit ? ({ ...benefit, ...budget } as TestTimeSpec) : undefined;
}

function readBudget(reader: FieldReader, section: JsonObject, path: string, demand: DemandSpec | undefined) {
  const kMax = reader.number(section, path, 'kMax', 'at-least-one', DEFAULT_TEST_TIME.kMax);
  const integerSamples = reader.flag(section, path, 'integerSamples', DEFAULT_TEST_TIME.integerSamples);
  const prefixCaching = reader.flag(section, path, 'prefixCaching', DEFAULT_TEST_TIME.prefixCaching);
  const verifierCostPerSample = reader.number(
    section,
    path,
    'verifierCostPerSample',
    'non-negative',
    DEFAULT_TEST_TIME.verifierCostPerSample,
  );
  if (verifierCostPerSample && demand && 'inputTokens' in demand) {
    reader.report(
      childPath(path, 'verifierCostPerSample'),
      'verification is counted per request: give the demand as requests (or requests per day), not token totals',
    );
  }
  if (
    kMax === undefined ||
    integerSamples === undefined ||
    prefixCaching === undefined ||
    verifierCostPerSample === undefined
  ) {
    return undefined;
  }
  return { kMax, integerSamples, prefixCaching, verifierCostPerSample };
}

function readExchange(
  reader: FieldReader,
  section: JsonObject,
  path: string,
): Pick<ExchangeTestTimeSpec, 'model' | 'taskClass' | 'gamma' | 'spanOom'> | undefined {
  const classId = section['taskClass'] ?? DEFAULT_TEST_TIME.taskClass;
  const taskClass = typeof classId === 'string' ? findTaskClass(classId) : undefined;
  if (classId !== CUSTOM_TASK_CLASS && !taskClass) {
    return reader.report(
      childPath(path, 'taskClass'),
      `${describeValue(classId)} is not one of ${quoteAll(TASK_CLASS_IDS)}`,
    );
  }
  // A named class supplies γ and S; "custom" needs both.
  const gamma = reader.number(section, path, 'gamma', 'positive', taskClass?.gamma);
  const spanOom = reader.number(section, path, 'spanOom', 'non-negative', taskClass?.spanOom);
  if (gamma === undefined || spanOom === undefined) return undefined;
  return { model: 'exchange', taskClass: taskClass ? taskClass.id : CUSTOM_TASK_CLASS, gamma, spanOom };
}

function readAccuracy(
  reader: FieldReader,
  section: JsonObject,
  path: string,
):
  | Omit<AccuracyTestTimeSpec, 'kMax' | 'integerSamples' | 'prefixCaching' | 'verifierCostPerSample'>
  | undefined {
  const targetAccuracy = reader.number(section, path, 'targetAccuracy', 'fraction');
  const p1Path = childPath(path, 'p1');
  const p1 = section['p1'] === undefined ? undefined : reader.object(section['p1'], p1Path);
  if (section['p1'] === undefined) {
    reader.report(
      p1Path,
      'missing; give Gadre et al.’s constants {"epsilon", "k", "gamma"} fitted for your task and loss, or {"value"}: the per-attempt success of a model of the target',
    );
  }
  const source = p1 && readSuccessSource(reader, p1, p1Path);
  const selection = reader.choice(section, path, 'selection', SELECTIONS, DEFAULT_TEST_TIME.selection);
  const coverageExponent = reader.number(
    section,
    path,
    'coverageExponent',
    'positive',
    DEFAULT_TEST_TIME.coverageExponent,
  );
  const falsePassRate = reader.number(
    section,
    path,
    'falsePassRate',
    'non-negative',
    DEFAULT_TEST_TIME.falsePassRate,
  );
  if (falsePassRate !== undefined && falsePassRate >= 1) {
    reader.report(childPath(path, 'falsePassRate'), `${falsePassRate} must be below 1`);
    return undefined;
  }
  if (
    targetAccuracy === undefined ||
    source === undefined ||
    selection === undefined ||
    coverageExponent === undefined ||
    falsePassRate === undefined
  ) {
    return undefined;
  }
  return {
    model: 'accuracy',
    targetAccuracy,
    p1: source,
    selection,
    coverageExponent,
    falsePassRate,
  };
}

/** p₁ from Gadre et al.'s mapping {"epsilon", "k", "gamma"}, or entered directly as {"value"}. */
function readSuccessSource(
  reader: FieldReader,
  p1: JsonObject,
  path: string,
): AccuracyTestTimeSpec['p1'] | undefined {
  if (successSourceOf(p1) === 'direct') {
    reader.onlyKeys(p1, path, ['value']);
    const value = reader.number(p1, path, 'value', 'fraction');
    return value === undefined ? undefined : { value };
  }
  reader.onlyKeys(p1, path, ['epsilon', 'k', 'gamma', 'lossRange', 'minLift']);
  const epsilon = reader.number(p1, path, 'epsilon', 'fraction');
  const k = reader.number(p1, path, 'k', 'positive');
  const gamma = reader.number(p1, path, 'gamma', 'positive');
  const minLift = reader.number(p1, path, 'minLift', 'fraction', DEFAULT_MIN_LIFT);
  if (minLift !== undefined && minLift >= 1) {
    reader.report(childPath(path, 'minLift'), `${minLift} must be below 1`);
    return undefined;
  }
  const lossRange =
    p1['lossRange'] === undefined
      ? null
      : readLossRange(reader, p1['lossRange'], childPath(path, 'lossRange'));
  if (
    epsilon === undefined ||
    k === undefined ||
    gamma === undefined ||
    minLift === undefined ||
    lossRange === undefined
  ) {
    return undefined;
  }
  return { epsilon, k, gamma, ...(lossRange ? { lossRange } : {}), minLift };
}

/** `[low, high]`: the losses a mapping was fitted on, low below high, both above 0. */
function readLossRange(reader: FieldReader, value: unknown, path: string): [number, number] | undefined {
  if (!Array.isArray(value) || value.length !== 2) {
    return reader.report(path, `expected [low, high], two losses, got ${describeValue(value)}`);
  }
  const low = reader.checkNumber(value[0], childPath(path, 0), 'positive');
  const high = reader.checkNumber(value[1], childPath(path, 1), 'positive');
  if (low === undefined || high === undefined) return undefined;
  if (!(low < high)) return reader.report(path, `the low end ${low} must be below the high end ${high}`);
  return [low, high];
}
