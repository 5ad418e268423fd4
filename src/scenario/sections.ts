import {
  COVARIANCE_PARAMETERS,
  covarianceProblems,
  DTYPES,
  findGpu,
  findLawPreset,
  GPU_PRESETS,
  KAPLAN_BASELINE,
  LAW_PRESETS,
  OBJECTIVES,
  type BaselineRule,
  type Dtype,
  type LawCovariance,
  type Objective,
} from '../model';
import {
  DEFAULT_BASELINES,
  DEFAULT_ENERGY,
  DEFAULT_INFERENCE,
  DEFAULT_LAW,
  DEFAULT_OBJECTIVE,
  DEFAULT_ROOFLINE,
  DEFAULT_TRAINING,
  typicalPricePerHour,
} from './defaults';
import { DECODE_MODELS, demandKindOf, LAW_FORMS, TARGET_KINDS } from './fields';
import { GPU_OVERRIDE_KEYS, NO_CUSTOM_GPUS, readGpuOverrides, type GpuCatalog } from './gpu-section';
import { childPath, describeValue, FieldReader, quoteAll, type JsonObject } from './reader';
import type {
  AcceleratorSpec,
  DataSpec,
  DecodeSpec,
  DemandSpec,
  EnergySpec,
  FittedRangeSpec,
  InferenceSpec,
  LawSpec,
  PlanSpec,
  ShapeRuleSpec,
  TargetSpec,
  TrainingSpec,
} from './types';

/**
 * Readers for each section of a scenario file. Each returns the section with its defaults filled
 * in, or undefined after reporting what is wrong.
 */

const CHINCHILLA_KEYS = ['E', 'A', 'B', 'alpha', 'beta'] as const;
const KAPLAN_KEYS = ['alphaN', 'alphaD', 'Nc', 'Dc'] as const;

export function readLaw(reader: FieldReader, value: unknown, path: string): LawSpec | undefined {
  if (value === undefined) return DEFAULT_LAW;
  const law = reader.object(value, path);
  if (!law) return undefined;
  if ('preset' in law) {
    reader.onlyKeys(law, path, ['preset']);
    const preset = law['preset'];
    if (typeof preset === 'string' && findLawPreset(preset)) return { preset };
    return reader.report(
      childPath(path, 'preset'),
      `unknown preset ${describeValue(preset)}; known presets: ${quoteAll(LAW_PRESETS.map((p) => p.id))}`,
    );
  }
  const form = reader.choice(law, path, 'form', LAW_FORMS);
  const rangePath = childPath(path, 'fittedRange');
  const fittedRange =
    law['fittedRange'] === undefined ? null : readFittedRange(reader, law['fittedRange'], rangePath);
  if (fittedRange === undefined) return undefined;
  const range = fittedRange ? { fittedRange } : {};
  const covariancePath = childPath(path, 'covariance');
  if (form === 'chinchilla') {
    reader.onlyKeys(law, path, ['form', ...CHINCHILLA_KEYS, 'fittedRange', 'covariance']);
    const hasCovariance = law['covariance'] !== undefined;
    // The covariance is over ln E, which a floor of 0 does not have.
    const E = reader.number(law, path, 'E', hasCovariance ? 'positive' : 'non-negative');
    const [A, B, alpha, beta] = (['A', 'B', 'alpha', 'beta'] as const).map((key) =>
      reader.number(law, path, key, 'positive'),
    );
    const covariance = hasCovariance ? readCovariance(reader, law['covariance'], covariancePath) : null;
    if (
      E === undefined ||
      A === undefined ||
      B === undefined ||
      alpha === undefined ||
      beta === undefined ||
      covariance === undefined
    )
      return;
    return { form, E, A, B, alpha, beta, ...range, ...(covariance ? { covariance } : {}) };
  }
  if (form === 'kaplan') {
    if (law['covariance'] !== undefined) {
      reader.report(
        covariancePath,
        'a covariance is defined for Chinchilla-form laws only (over ln A, ln B, ln E, α, β); a Kaplan-form law carries none',
      );
    }
    reader.onlyKeys(law, path, ['form', ...KAPLAN_KEYS, 'fittedRange', 'covariance']);
    const [alphaN, alphaD, Nc, Dc] = KAPLAN_KEYS.map((key) => reader.number(law, path, key, 'positive'));
    if (alphaN === undefined || alphaD === undefined || Nc === undefined || Dc === undefined) return;
    return { form, alphaN, alphaD, Nc, Dc, ...range };
  }
  return undefined;
}

/**
 * A custom Chinchilla-form law's `covariance`: 5 rows of 5 finite numbers over
 * (ln A, ln B, ln E, α, β), symmetric and positive semi-definite (the engine's covarianceProblems,
 * whose tolerances it states), each problem named by its entry, `law.covariance[i][j]`.
 */
function readCovariance(reader: FieldReader, value: unknown, path: string): LawCovariance | undefined {
  const size = COVARIANCE_PARAMETERS.length;
  const shape = `${size} rows of ${size} numbers over (${COVARIANCE_PARAMETERS.join(', ')})`;
  if (!Array.isArray(value) || value.length !== size) {
    return reader.report(
      path,
      `expected ${shape}, got ${describeValue(value)}${Array.isArray(value) ? ` of ${value.length}` : ''}`,
    );
  }
  const before = reader.issues.length;
  const rows = value.map((row: unknown, i) => {
    const rowPath = childPath(path, i);
    if (!Array.isArray(row) || row.length !== size) {
      reader.report(
        rowPath,
        `expected a row of ${size} numbers, got ${describeValue(row)}${Array.isArray(row) ? ` of ${row.length}` : ''}`,
      );
      return [];
    }
    return row.map((entry: unknown, j) => {
      const at = childPath(rowPath, j);
      if (typeof entry !== 'number')
        return reader.report(at, `expected a number, got ${describeValue(entry)}`) ?? 0;
      return entry;
    });
  });
  if (reader.issues.length > before) return undefined;
  for (const problem of covarianceProblems(rows)) {
    const at =
      problem.row === undefined
        ? path
        : childPath(childPath(path, problem.row), problem.column ?? problem.row);
    reader.report(at, problem.message);
  }
  return reader.issues.length > before ? undefined : rows;
}

/** A custom law's `fittedRange`: `params` and `tokens`, each [smallest, largest] of the runs it was fitted on. */
function readFittedRange(reader: FieldReader, value: unknown, path: string): FittedRangeSpec | undefined {
  const range = reader.object(value, path);
  if (!range) return undefined;
  reader.onlyKeys(range, path, ['params', 'tokens']);
  const params = readInterval(reader, range['params'], childPath(path, 'params'));
  const tokens = readInterval(reader, range['tokens'], childPath(path, 'tokens'));
  return params && tokens ? { params, tokens } : undefined;
}

/** [min, max]: two numbers above 0, the first not above the second. */
function readInterval(reader: FieldReader, value: unknown, path: string): [number, number] | undefined {
  if (value === undefined) return reader.report(path, 'missing; give [smallest, largest]');
  if (!Array.isArray(value) || value.length !== 2)
    return reader.report(path, `expected [smallest, largest], got ${describeValue(value)}`);
  const min = reader.checkNumber(value[0], childPath(path, 0), 'positive');
  const max = reader.checkNumber(value[1], childPath(path, 1), 'positive');
  if (min === undefined || max === undefined) return undefined;
  if (min > max) return reader.report(path, `the smallest (${min}) is above the largest (${max})`);
  return [min, max];
}

export function readTarget(reader: FieldReader, value: unknown, path: string): TargetSpec | undefined {
  if (value === undefined) return reader.report(path, `missing; give one of ${quoteAll(TARGET_KINDS)}`);
  const target = reader.object(value, path);
  if (!target) return undefined;
  reader.onlyKeys(target, path, TARGET_KINDS);
  const kinds = TARGET_KINDS.filter((kind) => kind in target);
  if (kinds.length !== 1) {
    return reader.report(path, `give exactly one of ${quoteAll(TARGET_KINDS)} (found ${kinds.length})`);
  }
  const kind = kinds[0];
  if (kind === 'model') {
    const modelPath = childPath(path, 'model');
    const model = reader.object(target['model'], modelPath);
    if (!model) return undefined;
    reader.onlyKeys(model, modelPath, ['params', 'tokens']);
    const params = reader.number(model, modelPath, 'params', 'positive');
    const tokens = reader.number(model, modelPath, 'tokens', 'positive');
    return params === undefined || tokens === undefined ? undefined : { model: { params, tokens } };
  }
  if (kind === 'loss') {
    // The loss's lower bound depends on the law and is checked once the law is known (validate.ts).
    const loss = reader.checkNumber(target['loss'], childPath(path, 'loss'), 'positive');
    return loss === undefined ? undefined : { loss };
  }
  if (kind === 'computeOptimalFlops') {
    const flops = reader.number(target, path, kind, 'positive');
    return flops === undefined ? undefined : { computeOptimalFlops: flops };
  }
  const params = reader.number(target, path, 'computeOptimalParams', 'positive');
  return params === undefined ? undefined : { computeOptimalParams: params };
}

const PER_REQUEST_KEYS = ['inputTokensPerRequest', 'outputTokensPerRequest'] as const;

export function readDemand(reader: FieldReader, value: unknown, path: string): DemandSpec | undefined {
  const shapes =
    'give "inputTokens" and "outputTokens", or "requests" (or "requestsPerDay" and "days") with "inputTokensPerRequest" and "outputTokensPerRequest"';
  if (value === undefined) return reader.report(path, `missing; ${shapes}`);
  const demand = reader.object(value, path);
  if (!demand) return undefined;
  const number = (key: string) => reader.number(demand, path, key, 'non-negative');
  const kind = demandKindOf(demand);
  if (kind === undefined) return reader.report(path, shapes);
  if (kind === 'totals') {
    reader.onlyKeys(demand, path, ['inputTokens', 'outputTokens']);
    const inputTokens = number('inputTokens');
    const outputTokens = number('outputTokens');
    return inputTokens === undefined || outputTokens === undefined
      ? undefined
      : { inputTokens, outputTokens };
  }
  const hasRate = kind === 'rate';
  reader.onlyKeys(demand, path, [
    ...(hasRate ? ['requestsPerDay', 'days'] : ['requests']),
    ...PER_REQUEST_KEYS,
  ]);
  const inputTokensPerRequest = number('inputTokensPerRequest');
  const outputTokensPerRequest = number('outputTokensPerRequest');
  if (hasRate) {
    const requestsPerDay = number('requestsPerDay');
    const days = number('days');
    if (inputTokensPerRequest === undefined || outputTokensPerRequest === undefined) return undefined;
    if (requestsPerDay === undefined || days === undefined) return undefined;
    return { requestsPerDay, days, inputTokensPerRequest, outputTokensPerRequest };
  }
  const requests = number('requests');
  if (inputTokensPerRequest === undefined || outputTokensPerRequest === undefined) return undefined;
  if (requests === undefined) return undefined;
  return { requests, inputTokensPerRequest, outputTokensPerRequest };
}

export function readObjective(reader: FieldReader, value: unknown, path: string): Objective | undefined {
  if (value === undefined) return DEFAULT_OBJECTIVE;
  if (typeof value === 'string' && (OBJECTIVES as readonly string[]).includes(value))
    return value as Objective;
  return reader.report(path, `${describeValue(value)} is not one of ${quoteAll(OBJECTIVES)}`);
}

function readAccelerator(
  reader: FieldReader,
  hardware: JsonObject,
  path: string,
  fallback: AcceleratorSpec,
  catalog: GpuCatalog,
): AcceleratorSpec | undefined {
  if ('peakFlops' in hardware) {
    if ('gpu' in hardware) return reader.report(path, 'give either "gpu" or "peakFlops", not both');
    const peakFlops = reader.number(hardware, path, 'peakFlops', 'positive');
    const overrides = readGpuOverrides(reader, hardware, path, false);
    return peakFlops === undefined || !overrides ? undefined : { peakFlops };
  }
  const overrides = readGpuOverrides(reader, hardware, path, true);
  const id = hardware['gpu'] ?? ('gpu' in fallback ? fallback.gpu : undefined);
  const gpu = typeof id === 'string' ? findGpu(id, catalog.gpus) : undefined;
  if (!gpu) {
    // A reference to a custom GPU whose definition was refused is reported there, once.
    if (typeof id === 'string' && catalog.refused.has(id)) return undefined;
    const known = quoteAll([...GPU_PRESETS, ...catalog.gpus].map((p) => p.id));
    return reader.report(childPath(path, 'gpu'), `unknown GPU ${describeValue(id)}; known GPUs: ${known}`);
  }
  const dtype = reader.choice<Dtype>(hardware, path, 'dtype', DTYPES, 'bf16');
  if (dtype === undefined || !overrides) return undefined;
  if (gpu.peakFlops[dtype] === undefined) {
    const supported = DTYPES.filter((d) => gpu.peakFlops[d] !== undefined);
    return reader.report(
      childPath(path, 'dtype'),
      `${gpu.id} has no ${dtype} support; use ${quoteAll(supported)}`,
    );
  }
  return { gpu: gpu.id, dtype, ...overrides };
}

/** A section without a price pays its GPU preset's typical price (see `typicalPricePerHour`). */
function priceFor(accelerator: AcceleratorSpec | undefined): number {
  return typicalPricePerHour(accelerator && 'gpu' in accelerator ? accelerator.gpu : undefined);
}

const ACCELERATOR_KEYS = ['gpu', 'dtype', ...GPU_OVERRIDE_KEYS, 'peakFlops', 'pricePerHour'] as const;

export function readTraining(
  reader: FieldReader,
  value: unknown,
  path: string,
  gpus: GpuCatalog = NO_CUSTOM_GPUS,
): TrainingSpec | undefined {
  if (value === undefined) return DEFAULT_TRAINING;
  const training = reader.object(value, path);
  if (!training) return undefined;
  reader.onlyKeys(training, path, [...ACCELERATOR_KEYS, 'mfu', 'clusterGpus']);
  const accelerator = readAccelerator(reader, training, path, DEFAULT_TRAINING, gpus);
  const pricePerHour = reader.number(training, path, 'pricePerHour', 'positive', priceFor(accelerator));
  const mfu = reader.number(training, path, 'mfu', 'fraction', DEFAULT_TRAINING.mfu);
  const clusterGpus = reader.number(
    training,
    path,
    'clusterGpus',
    'at-least-one',
    DEFAULT_TRAINING.clusterGpus,
  );
  if (!accelerator || pricePerHour === undefined || mfu === undefined || clusterGpus === undefined)
    return undefined;
  return { ...accelerator, pricePerHour, mfu, clusterGpus };
}

export function readInference(
  reader: FieldReader,
  value: unknown,
  path: string,
  gpus: GpuCatalog = NO_CUSTOM_GPUS,
): InferenceSpec | undefined {
  if (value === undefined) return DEFAULT_INFERENCE;
  const inference = reader.object(value, path);
  if (!inference) return undefined;
  reader.onlyKeys(inference, path, [...ACCELERATOR_KEYS, 'prefillMfu', 'decodeMfu', 'decode']);
  const accelerator = readAccelerator(reader, inference, path, DEFAULT_INFERENCE, gpus);
  const pricePerHour = reader.number(inference, path, 'pricePerHour', 'positive', priceFor(accelerator));
  const prefillMfu = reader.number(inference, path, 'prefillMfu', 'fraction', DEFAULT_INFERENCE.prefillMfu);
  const decodeMfu = reader.number(inference, path, 'decodeMfu', 'fraction', DEFAULT_INFERENCE.decodeMfu);
  const decode = readDecode(reader, inference['decode'], childPath(path, 'decode'), accelerator);
  if (!accelerator || pricePerHour === undefined || prefillMfu === undefined || decodeMfu === undefined)
    return;
  if (!decode) return undefined;
  return { ...accelerator, pricePerHour, prefillMfu, decodeMfu, decode };
}

/** More baselines than this would only clutter every table and chart. */
export const MAX_BASELINES = 12;

export function readBaselines(
  reader: FieldReader,
  value: unknown,
  path: string,
): readonly BaselineRule[] | undefined {
  if (value === undefined) return DEFAULT_BASELINES;
  if (!Array.isArray(value))
    return reader.report(
      path,
      `expected a list of tokens-per-parameter ratios (or "${KAPLAN_BASELINE}"), got ${describeValue(value)}`,
    );
  if (value.length > MAX_BASELINES)
    return reader.report(path, `at most ${MAX_BASELINES} baselines (got ${value.length})`);
  const rules = value.map((rule: unknown, index): BaselineRule | undefined => {
    const at = childPath(path, index);
    const read =
      typeof rule === 'string'
        ? rule === KAPLAN_BASELINE
          ? rule
          : reader.report(
              at,
              `expected a tokens-per-parameter ratio or "${KAPLAN_BASELINE}" (Kaplan et al. 2020's allocation), got ${describeValue(rule)}`,
            )
        : reader.checkNumber(rule, at, 'positive');
    // Each baseline is one candidate with its own id in every table and chart.
    const first = value.indexOf(rule);
    if (read !== undefined && first !== index) {
      const shown = typeof rule === 'string' ? `"${rule}"` : String(rule);
      return reader.report(at, `${shown} is already baseline ${first + 1}`);
    }
    return read;
  });
  return rules.every((rule) => rule !== undefined) ? (rules as BaselineRule[]) : undefined;
}

function readDecode(
  reader: FieldReader,
  value: unknown,
  path: string,
  accelerator: AcceleratorSpec | undefined,
): DecodeSpec | undefined {
  if (value === undefined) return DEFAULT_INFERENCE.decode;
  const decode = reader.object(value, path);
  if (!decode) return undefined;
  const model = reader.choice(decode, path, 'model', DECODE_MODELS);
  if (model === 'mfu') {
    reader.onlyKeys(decode, path, ['model']);
    return { model };
  }
  if (model !== 'roofline') return undefined;
  reader.onlyKeys(decode, path, ['model', 'batch', 'bandwidthEfficiency', 'contextTokens', 'shape']);
  if (accelerator && 'peakFlops' in accelerator) {
    return reader.report(
      childPath(path, 'model'),
      'the roofline needs a GPU’s memory bandwidth: name a preset or one of your gpus in inference.gpu instead of giving peakFlops',
    );
  }
  const batch = reader.number(decode, path, 'batch', 'at-least-one', DEFAULT_ROOFLINE.batch);
  const bandwidthEfficiency = reader.number(
    decode,
    path,
    'bandwidthEfficiency',
    'fraction',
    DEFAULT_ROOFLINE.bandwidthEfficiency,
  );
  const contextTokens = reader.number(
    decode,
    path,
    'contextTokens',
    'non-negative',
    DEFAULT_ROOFLINE.contextTokens,
  );
  const shape =
    decode['shape'] === undefined
      ? undefined
      : readShapeRule(reader, decode['shape'], childPath(path, 'shape'));
  if (batch === undefined || bandwidthEfficiency === undefined || contextTokens === undefined)
    return undefined;
  if (decode['shape'] !== undefined && shape === undefined) return undefined;
  return { model, batch, bandwidthEfficiency, contextTokens, ...(shape ? { shape } : {}) };
}

/** Optional overrides of the shape rule; head size and KV heads are whole numbers. */
function readShapeRule(reader: FieldReader, value: unknown, path: string): ShapeRuleSpec | undefined {
  const shape = reader.object(value, path);
  if (!shape) return undefined;
  reader.onlyKeys(shape, path, ['aspectRatio', 'headDim', 'kvHeads']);
  const spec: { aspectRatio?: number; headDim?: number; kvHeads?: number } = {};
  let valid = true;
  for (const key of ['aspectRatio', 'headDim', 'kvHeads'] as const) {
    if (shape[key] === undefined) continue;
    const number = reader.number(shape, path, key, key === 'aspectRatio' ? 'positive' : 'at-least-one');
    if (number === undefined) {
      valid = false;
    } else if (key !== 'aspectRatio' && !Number.isInteger(number)) {
      // The range (limits.ts) is checked by reader.number; only whole heads remain to check.
      reader.report(childPath(path, key), `${number} must be a whole number`);
      valid = false;
    } else {
      spec[key] = number;
    }
  }
  return valid ? spec : undefined;
}

export function readEnergy(reader: FieldReader, value: unknown, path: string): EnergySpec | undefined {
  if (value === undefined) return DEFAULT_ENERGY;
  const energy = reader.object(value, path);
  if (!energy) return undefined;
  reader.onlyKeys(energy, path, ['gpuWatts', 'pue', 'gridKgCo2PerKwh']);
  const gpuWatts =
    energy['gpuWatts'] === undefined ? undefined : reader.number(energy, path, 'gpuWatts', 'positive');
  const pue = reader.number(energy, path, 'pue', 'at-least-one', DEFAULT_ENERGY.pue);
  const grid = reader.number(energy, path, 'gridKgCo2PerKwh', 'non-negative', DEFAULT_ENERGY.gridKgCo2PerKwh);
  if (
    pue === undefined ||
    grid === undefined ||
    (energy['gpuWatts'] !== undefined && gpuWatts === undefined)
  ) {
    return undefined;
  }
  return { ...(gpuWatts === undefined ? {} : { gpuWatts }), pue, gridKgCo2PerKwh: grid };
}

export function readData(reader: FieldReader, value: unknown, path: string): DataSpec | undefined {
  if (value === undefined) return undefined;
  const data = reader.object(value, path);
  if (!data) return undefined;
  reader.onlyKeys(data, path, ['uniqueTokens']);
  const uniqueTokens = reader.number(data, path, 'uniqueTokens', 'positive');
  return uniqueTokens === undefined ? undefined : { uniqueTokens };
}

/** More plans than this would only clutter every table and chart, as with baselines. */
export const MAX_PLANS = 12;

/**
 * Models the user intends to train (`plans`), each evaluated against the optimum. A plan's k
 * (attempts per query) only means something with test-time compute.
 */
export function readPlans(
  reader: FieldReader,
  value: unknown,
  path: string,
  withTestTime: boolean,
): readonly PlanSpec[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    return reader.report(
      path,
      `expected a list of planned models ({"name", "params", "tokens"}), got ${describeValue(value)}`,
    );
  if (value.length > MAX_PLANS)
    return reader.report(path, `at most ${MAX_PLANS} plans (got ${value.length})`);
  const names = new Map<string, number>();
  const plans = value.map((item: unknown, index): PlanSpec | undefined => {
    const at = childPath(path, index);
    const plan = reader.object(item, at);
    if (!plan) return undefined;
    reader.onlyKeys(plan, at, ['name', 'params', 'tokens', 'k']);
    const name = reader.text(plan, at, 'name', `Plan ${index + 1}`);
    const params = reader.number(plan, at, 'params', 'positive');
    const tokens = reader.number(plan, at, 'tokens', 'positive');
    if (plan['k'] !== undefined && !withTestTime) {
      return reader.report(
        childPath(at, 'k'),
        'attempts per query need test-time compute: add a testTime section, or leave k out',
      );
    }
    const k = plan['k'] === undefined ? undefined : reader.number(plan, at, 'k', 'at-least-one');
    if (name !== undefined) {
      const first = names.get(name);
      if (first !== undefined)
        return reader.report(childPath(at, 'name'), `"${name}" is already plan ${first + 1}`);
      names.set(name, index);
    }
    if (name === undefined || params === undefined || tokens === undefined) return undefined;
    if (plan['k'] !== undefined && k === undefined) return undefined;
    return { name, params, tokens, ...(k === undefined ? {} : { k }) };
  });
  return plans.every((plan) => plan !== undefined) ? (plans as PlanSpec[]) : undefined;
}
