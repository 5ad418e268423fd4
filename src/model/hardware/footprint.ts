import {
  requireNonNegative,
  requirePositive,
  requireRepresentable,
  ScienceError,
  formatForMessage,
} from '../errors';

/**
 * Time and energy of training and serving a model: GPU-hours, wall-clock days, kWh and CO₂.
 * Energy counts GPU board power only (times PUE): it leaves out host CPUs, networking and storage,
 * and uses the datasheet TDP, which real runs average below. To include the rest of the server, raise
 * `gpuWatts` (e.g. an 8-GPU DGX H100 system is rated ~10.2 kW maximum, ~1.3 kW per GPU).
 */

const SECONDS_PER_HOUR = 3600;
const HOURS_PER_DAY = 24;
const WATTS_PER_KILOWATT = 1000;

/**
 * Power usage effectiveness (facility energy / IT energy). Assumption: 1.2, typical of recent
 * large and hyperscale data centres (hyperscalers report ~1.1, the Uptime Institute's industry-wide
 * survey average is ~1.5–1.6). Users should set their facility's value.
 */
export const DEFAULT_PUE = 1.2;
/**
 * Grid carbon intensity, kg CO₂ per kWh. Assumption: 0.4, a round figure between the US average
 * (~0.37, US EIA) and the world average (~0.45–0.48, IEA) of recent years. Users should set their
 * grid's or contract's value; low-carbon grids are below 0.1.
 */
export const DEFAULT_GRID_KG_CO2_PER_KWH = 0.4;

/** GPU-hours at `utilisation` of `peakFlops`: FLOPs / (peak · utilisation) / 3600. */
export function gpuHoursForFlops(flops: number, peakFlops: number, utilisation: number): number {
  requireNonNegative(flops, 'FLOPs');
  requirePositive(peakFlops, 'peak FLOP/s');
  requirePositive(utilisation, 'utilisation');
  return flops / (peakFlops * utilisation) / SECONDS_PER_HOUR;
}

/** Training GPU-hours: 6ND / (peak · MFU) / 3600 (training FLOPs C = 6ND, science README §2). */
export function trainingGpuHours(params: number, tokens: number, peakFlops: number, mfu: number): number {
  requirePositive(params, 'params');
  requirePositive(tokens, 'tokens');
  const flops = requireRepresentable(6 * params * tokens, 'the training FLOPs');
  return requireFinite(gpuHoursForFlops(flops, peakFlops, mfu), 'training GPU-hours');
}

export interface InferenceUse {
  readonly params: number;
  /** Lifetime prompt (input) tokens. */
  readonly inputTokens: number;
  /** Lifetime generated (output) tokens. */
  readonly outputTokens: number;
  readonly peakFlops: number;
  readonly prefillMfu: number;
  /** Decode utilisation: the fixed `decodeMfu`, or the roofline's `decodeUtilisation`. */
  readonly decodeUtilisation: number;
}

export interface InferenceGpuHours {
  readonly prefill: number;
  readonly decode: number;
  readonly total: number;
}

/**
 * Inference GPU-hours: prefill 2N · T_in FLOPs at prefillMfu and decode 2N · T_out at the decode
 * utilisation (science README §3, 2N FLOPs per token).
 */
export function inferenceGpuHours(use: InferenceUse): InferenceGpuHours {
  requirePositive(use.params, 'params');
  requireNonNegative(use.inputTokens, 'input tokens');
  requireNonNegative(use.outputTokens, 'output tokens');
  const prefillFlops = requireFinite(2 * use.params * use.inputTokens, 'the prefill FLOPs');
  const decodeFlops = requireFinite(2 * use.params * use.outputTokens, 'the decode FLOPs');
  const prefill = gpuHoursForFlops(prefillFlops, use.peakFlops, use.prefillMfu);
  const decode = gpuHoursForFlops(decodeFlops, use.peakFlops, use.decodeUtilisation);
  return {
    prefill: requireFinite(prefill, 'prefill GPU-hours'),
    decode: requireFinite(decode, 'decode GPU-hours'),
    total: requireFinite(prefill + decode, 'inference GPU-hours'),
  };
}

/** Wall-clock days for `gpuHours` spread perfectly over a cluster: gpuHours / G / 24. */
export function wallClockDays(gpuHours: number, clusterGpus: number): number {
  requireNonNegative(gpuHours, 'GPU-hours');
  requirePositive(clusterGpus, 'cluster GPUs');
  return gpuHours / clusterGpus / HOURS_PER_DAY;
}

/** Facility energy in kWh: GPU-hours · watts / 1000 · PUE. */
export function energyKwh(gpuHours: number, gpuWatts: number, pue: number = DEFAULT_PUE): number {
  requireNonNegative(gpuHours, 'GPU-hours');
  requirePositive(gpuWatts, 'GPU power');
  requireAtLeastOne(pue);
  return requireFinite((gpuHours * gpuWatts * pue) / WATTS_PER_KILOWATT, 'energy');
}

/** Emissions in kg CO₂: kWh · grid intensity (kg CO₂ per kWh). */
export function co2Kg(kwh: number, gridKgCo2PerKwh: number = DEFAULT_GRID_KG_CO2_PER_KWH): number {
  requireNonNegative(kwh, 'energy');
  requireNonNegative(gridKgCo2PerKwh, 'grid carbon intensity');
  return requireFinite(kwh * gridKgCo2PerKwh, 'CO₂');
}

/** Facility and grid, shared by training and inference. */
export interface EnergySetting {
  readonly pue: number;
  readonly gridKgCo2PerKwh: number;
}

export interface TrainingRun {
  readonly params: number;
  readonly tokens: number;
  readonly peakFlops: number;
  readonly mfu: number;
  readonly clusterGpus: number;
  /** Board power of one training GPU (gpus.ts `boardPowerW`). */
  readonly gpuWatts: number;
}

export interface InferenceFleet extends InferenceUse {
  /** Board power of one inference GPU. */
  readonly gpuWatts: number;
}

export interface Footprint {
  readonly trainingGpuHours: number;
  readonly inferenceGpuHours: number;
  readonly gpuHours: number;
  readonly trainingDays: number;
  readonly energyKwh: number;
  readonly co2Kg: number;
}

/** Everything at once for one candidate; training and inference GPUs may differ in power. */
export function footprint(
  training: TrainingRun,
  inference: InferenceFleet,
  energy: EnergySetting,
): Footprint {
  const trainHours = trainingGpuHours(training.params, training.tokens, training.peakFlops, training.mfu);
  const serveHours = inferenceGpuHours(inference).total;
  const kwh =
    energyKwh(trainHours, training.gpuWatts, energy.pue) +
    energyKwh(serveHours, inference.gpuWatts, energy.pue);
  return {
    trainingGpuHours: trainHours,
    inferenceGpuHours: serveHours,
    gpuHours: trainHours + serveHours,
    trainingDays: wallClockDays(trainHours, training.clusterGpus),
    energyKwh: kwh,
    co2Kg: co2Kg(kwh, energy.gridKgCo2PerKwh),
  };
}

/** PUE is facility energy over IT energy, so at least 1. */
function requireAtLeastOne(pue: number): void {
  if (!(Number.isFinite(pue) && pue >= 1)) {
    throw new ScienceError(
      'invalid-argument',
      `PUE (facility / IT energy) must be a finite number ≥ 1 (got ${formatForMessage(pue)})`,
    );
  }
}

/** Like requireRepresentable, but 0 is a valid result (no demand, no hours). */
function requireFinite(value: number, what: string): number {
  return value === 0 ? 0 : requireRepresentable(value, what);
}
