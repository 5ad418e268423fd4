import {
  accuracyReference,
  buildLaw,
  costRates,
  findGpu,
  lawFromPreset,
  targetLoss,
  type Demand,
  type LossLaw,
  bandwidthBytesPerSecond,
  bytesPerValue,
  type Fleet,
  type GpuDefinition,
  type Problem,
  type RooflineDecode,
  type SelectionRule,
  type SuccessSource,
  type TestTimeSetup,
} from '../model';
import { DEFAULT_ROOFLINE } from './defaults';
import type {
  AccuracyTestTimeSpec,
  AcceleratorSpec,
  DecodeSpec,
  DemandSpec,
  InferenceSpec,
  LawSpec,
  Scenario,
  TestTimeSpec,
} from './types';

/** Turns the declarative scenario into what the engine computes with. */

export function lawFromSpec(spec: LawSpec): LossLaw {
  if ('preset' in spec) return lawFromPreset(spec.preset);
  const { fittedRange, ...definition } = spec;
  const meta = {
    id: 'custom',
    label: `Custom ${spec.form} law`,
    source: 'constants entered by the user',
    ...(fittedRange
      ? { evidence: { ...fittedRange, source: 'the fitted range entered by the user (law.fittedRange)' } }
      : {}),
  };
  if (definition.form === 'kaplan') return buildLaw({ ...meta, form: 'kaplan', constants: definition });
  const { covariance, ...constants } = definition;
  return buildLaw({ ...meta, form: 'chinchilla', constants, ...(covariance ? { covariance } : {}) });
}

export function demandFromSpec(spec: DemandSpec): Demand {
  if ('inputTokens' in spec) return { inputTokens: spec.inputTokens, outputTokens: spec.outputTokens };
  const requests = requestsOf(spec);
  return {
    inputTokens: requests * spec.inputTokensPerRequest,
    outputTokens: requests * spec.outputTokensPerRequest,
  };
}

/**
 * The GPU an accelerator spec names, a preset or one of the scenario's `gpus`, with the spec's
 * overrides of memory, bandwidth and power applied; undefined for a spec given by its peak alone.
 */
export function gpuOf(spec: AcceleratorSpec, gpus: readonly GpuDefinition[] = []): GpuDefinition | undefined {
  if ('peakFlops' in spec) return undefined;
  const gpu = findGpu(spec.gpu, gpus);
  if (!gpu) throw new Error(`unknown GPU ${spec.gpu}; validate the scenario first`);
  return {
    ...gpu,
    memoryGB: spec.memoryGB ?? gpu.memoryGB,
    bandwidthTBs: spec.bandwidthTBs ?? gpu.bandwidthTBs,
    boardPowerW: spec.boardPowerW ?? gpu.boardPowerW,
  };
}

/** Peak FLOP/s of an accelerator spec; validation guarantees the GPU and its dtype exist. */
export function peakFlopsOf(spec: AcceleratorSpec, gpus: readonly GpuDefinition[] = []): number {
  if ('peakFlops' in spec) return spec.peakFlops;
  const peak = gpuOf(spec, gpus)?.peakFlops[spec.dtype];
  if (peak === undefined)
    throw new Error(`GPU ${spec.gpu} has no ${spec.dtype} peak; validate the scenario first`);
  return peak;
}

export function problemFromScenario(scenario: Scenario): Problem {
  const law = lawFromSpec(scenario.law);
  const { training, inference, gpus = [] } = scenario;
  return {
    law,
    targetLoss:
      scenario.testTime?.model === 'accuracy' && !('value' in scenario.testTime.p1)
        ? accuracyTargetLoss(scenario.testTime, law)
        : targetLoss(law, scenario.target ?? missingTarget()),
    demand: demandFromSpec(scenario.demand),
    objective: scenario.objective,
    rates: costRates(
      { peakFlops: peakFlopsOf(training, gpus), pricePerHour: training.pricePerHour, mfu: training.mfu },
      {
        peakFlops: peakFlopsOf(inference, gpus),
        pricePerHour: inference.pricePerHour,
        prefillMfu: inference.prefillMfu,
        decodeMfu: inference.decodeMfu,
      },
    ),
    baselines: scenario.baselines,
    ...(scenario.testTime ? { testTime: testTimeSetup(scenario.testTime, scenario.demand) } : {}),
    ...(scenario.data ? { data: { uniqueTokens: scenario.data.uniqueTokens } } : {}),
    ...(inference.decode.model === 'roofline'
      ? { decode: rooflineDecode(inference, inference.decode, gpus) }
      : {}),
    fleet: fleetOf(scenario),
  };
}

/** Serving-side sizes: from the roofline settings when decode uses one, else its defaults. */
function servingShape(inference: InferenceSpec): Pick<Fleet, 'batch' | 'contextTokens' | 'shape'> {
  if (inference.decode.model !== 'roofline') {
    return { batch: DEFAULT_ROOFLINE.batch, contextTokens: DEFAULT_ROOFLINE.contextTokens };
  }
  const { batch, contextTokens, shape } = inference.decode;
  return { batch, contextTokens, ...(shape ? { shape } : {}) };
}

/** Bytes per weight and per KV-cache value: the serving number format's, bf16 for a bare peak. */
function servingBytes(inference: InferenceSpec): number {
  return bytesPerValue('dtype' in inference ? inference.dtype : 'bf16');
}

function rooflineDecode(
  inference: InferenceSpec,
  decode: Extract<DecodeSpec, { model: 'roofline' }>,
  gpus: readonly GpuDefinition[],
): RooflineDecode {
  const gpu = gpuOf(inference, gpus);
  if (!gpu) throw new Error('a roofline decode needs a named GPU; validate the scenario first');
  return {
    hardware: {
      peakFlops: peakFlopsOf(inference, gpus),
      bandwidthBytesPerSecond: bandwidthBytesPerSecond(gpu),
      pricePerHour: inference.pricePerHour,
    },
    serving: {
      batch: decode.batch,
      bandwidthEfficiency: decode.bandwidthEfficiency,
      contextTokens: decode.contextTokens,
      bytesPerParam: servingBytes(inference),
      kvBytesPerValue: servingBytes(inference),
      ...(decode.shape ? { shape: decode.shape } : {}),
    },
  };
}

/**
 * A GPU's board power: the section's own `boardPowerW` override, else the energy section's
 * `gpuWatts`, else the named GPU's, else an H100's 700 W.
 */
function wattsOf(spec: AcceleratorSpec, energy: Scenario['energy'], gpus: readonly GpuDefinition[]): number {
  const own = 'gpu' in spec ? spec.boardPowerW : undefined;
  return own ?? energy.gpuWatts ?? gpuOf(spec, gpus)?.boardPowerW ?? FALLBACK_GPU_WATTS;
}

/** Board power assumed for a GPU given only by its peak: an H100 SXM's (NVIDIA datasheet). */
const FALLBACK_GPU_WATTS = 700;
/** Memory assumed for a GPU given only by its peak: an H100 SXM's 80 GB. */
const FALLBACK_GPU_MEMORY_GB = 80;

function fleetOf(scenario: Scenario): Fleet {
  const { training, inference, energy, gpus = [] } = scenario;
  const inferenceGpu = gpuOf(inference, gpus);
  return {
    trainingPricePerHour: training.pricePerHour,
    inferencePricePerHour: inference.pricePerHour,
    clusterGpus: training.clusterGpus,
    trainingWatts: wattsOf(training, energy, gpus),
    inferenceWatts: wattsOf(inference, energy, gpus),
    pue: energy.pue,
    gridKgCo2PerKwh: energy.gridKgCo2PerKwh,
    inferenceMemoryGB: inferenceGpu?.memoryGB ?? FALLBACK_GPU_MEMORY_GB,
    servingBytesPerParam: servingBytes(inference),
    kvBytesPerValue: servingBytes(inference),
    ...servingShape(inference),
  };
}

/** Lifetime requests of a demand, or 0 when it gives only token totals. */
export function requestsOf(spec: DemandSpec): number {
  if ('requests' in spec) return spec.requests;
  return 'requestsPerDay' in spec ? spec.requestsPerDay * spec.days : 0;
}

function missingTarget(): never {
  throw new Error('a scenario without a loss target must set a task accuracy; validate it first');
}

function selectionRule(spec: AccuracyTestTimeSpec): SelectionRule {
  return {
    selection: spec.selection,
    coverageExponent: spec.coverageExponent,
    falsePassRate: spec.falsePassRate,
  };
}

/**
 * The loss of the comparison candidates of a task accuracy reached through a loss mapping: the loss
 * one attempt needs, or, when one attempt cannot reach the accuracy inside the mapping's domain,
 * the loss the fewest attempts that can need (the engine's accuracyReference). Only a loss mapping
 * defines it; with p₁ entered directly the scenario's target does. Throws the engine's explained
 * refusal when no model inside the domain reaches the accuracy with k_max attempts.
 */
export function accuracyTargetLoss(spec: AccuracyTestTimeSpec, law: LossLaw): number {
  if ('value' in spec.p1) throw new Error('p₁ entered directly leaves the loss to the scenario target');
  return accuracyReference(
    law,
    { targetAccuracy: spec.targetAccuracy, mapping: spec.p1, rule: selectionRule(spec) },
    spec.kMax,
  ).loss;
}

/** Where p₁ comes from, in the engine's terms. */
function successSource(spec: AccuracyTestTimeSpec): SuccessSource {
  return 'value' in spec.p1 ? { success: spec.p1.value } : spec.p1;
}

function testTimeSetup(spec: TestTimeSpec, demand: DemandSpec): TestTimeSetup {
  return {
    benefit:
      spec.model === 'exchange'
        ? { model: 'exchange', rate: { gamma: spec.gamma, spanOom: spec.spanOom } }
        : {
            model: 'accuracy',
            targetAccuracy: spec.targetAccuracy,
            mapping: successSource(spec),
            rule: selectionRule(spec),
          },
    kMax: spec.kMax,
    integerSamples: spec.integerSamples,
    prefixCaching: spec.prefixCaching,
    verifierFlopsPerSample: spec.verifierCostPerSample,
    requests: requestsOf(demand),
  };
}
