import {
  shapeForParams,
  kvCacheBytesPerToken,
  type ShapeOverrides,
  type TransformerShape,
} from './transformer-shape';
import { requireNonNegative, requirePositive, ScienceError, formatForMessage } from '../errors';

/**
 * Decode cost from a roofline (docs/science.md §5.2). One decode step at batch B does 2·N·B FLOPs and
 * reads the weights once (bytesPerParam · N bytes) plus every sequence's KV cache
 * (B · context · kvBytesPerToken bytes). The step takes as long as the slower of compute and memory:
 *   step = max(2NB / peak, bytes / (bandwidth · efficiency)),
 * each sequence gets one token per step (time per output token = step / B), and the equivalent decode
 * utilisation is the FLOP time of a token over its wall time: (2N/peak) / (step/B) ≤ 1.
 * Prefill processes the whole prompt in parallel and stays compute-bound at its MFU.
 * Communication between GPUs of a replica is not modelled: with tensor parallelism over G GPUs peak,
 * bandwidth and price all scale with G, so per-token cost is the one-GPU figure.
 */

/** Decode hardware as the roofline needs it (one GPU). */
export interface RooflineHardware {
  /** Dense peak FLOP/s at the serving number format. */
  readonly peakFlops: number;
  readonly bandwidthBytesPerSecond: number;
}

export interface DecodeHardware extends RooflineHardware {
  readonly pricePerHour: number;
}

/** How decode is run: batch, achieved share of bandwidth, and what each step must read. */
export interface RooflineSetting {
  /** Sequences decoded together in one step (an average may be fractional); > 0. */
  readonly batch: number;
  /** Share of the datasheet bandwidth that weight and KV reads achieve, in (0, 1]. */
  readonly bandwidthEfficiency: number;
  /** Bytes per weight: 2 for bf16, 1 for fp8/int8 (gpus.ts `bytesPerValue`). */
  readonly bytesPerParam: number;
  /** Tokens held in each sequence's KV cache (use the average over a request's decode); ≥ 0. */
  readonly contextTokens: number;
  /** KV-cache bytes per token of context (transformer-shape.ts `kvCacheBytesPerToken`); 0 leaves KV traffic out. */
  readonly kvBytesPerToken: number;
}

/**
 * Achieved fraction of peak memory bandwidth, ~0.8 (docs/science.md §5.2); the default of the file
 * format's `inference.decode.bandwidthEfficiency`.
 */
export const DEFAULT_BANDWIDTH_EFFICIENCY = 0.8;
/**
 * The file format's default roofline: batch 32 (decode utilisation ~9 % on an H100 in bf16,
 * docs/science.md §5.2) and 4,096 tokens of context per sequence.
 */
export const DEFAULT_DECODE_BATCH = 32;
export const DEFAULT_CONTEXT_TOKENS = 4096;

const SECONDS_PER_HOUR = 3600;

export interface DecodeStep {
  /** 2 · N · B. */
  readonly flops: number;
  /** bytesPerParam · N + B · context · kvBytesPerToken. */
  readonly bytes: number;
  readonly computeSeconds: number;
  readonly memorySeconds: number;
  /** max(computeSeconds, memorySeconds). */
  readonly stepSeconds: number;
  /** stepSeconds / B. */
  readonly secondsPerToken: number;
  /** (2N / peak) / secondsPerToken, in (0, 1]. */
  readonly utilisation: number;
  readonly memoryBound: boolean;
}

function checkSetting(setting: RooflineSetting): void {
  requirePositive(setting.batch, 'decode batch');
  requireEfficiency(setting.bandwidthEfficiency);
  requirePositive(setting.bytesPerParam, 'bytes per parameter');
  requireNonNegative(setting.contextTokens, 'context tokens');
  requireNonNegative(setting.kvBytesPerToken, 'KV-cache bytes per token');
}

function requireEfficiency(efficiency: number): void {
  if (!(Number.isFinite(efficiency) && efficiency > 0 && efficiency <= 1)) {
    throw new ScienceError(
      'invalid-argument',
      `bandwidth efficiency must lie in (0, 1] (got ${formatForMessage(efficiency)})`,
    );
  }
}

function checkHardware(hardware: RooflineHardware): void {
  requirePositive(hardware.peakFlops, 'peak FLOP/s');
  requirePositive(hardware.bandwidthBytesPerSecond, 'memory bandwidth');
}

/** Bytes one decode step reads: bytesPerParam · N + B · context · kvBytesPerToken. */
export function decodeStepBytes(params: number, setting: RooflineSetting): number {
  return setting.bytesPerParam * params + setting.batch * setting.contextTokens * setting.kvBytesPerToken;
}

/** One decode step on the roofline (see the module comment). */
export function decodeStep(params: number, hardware: RooflineHardware, setting: RooflineSetting): DecodeStep {
  requirePositive(params, 'params');
  checkHardware(hardware);
  checkSetting(setting);
  const flops = 2 * params * setting.batch;
  const bytes = decodeStepBytes(params, setting);
  const computeSeconds = flops / hardware.peakFlops;
  const memorySeconds = bytes / (hardware.bandwidthBytesPerSecond * setting.bandwidthEfficiency);
  const stepSeconds = Math.max(computeSeconds, memorySeconds);
  return {
    flops,
    bytes,
    computeSeconds,
    memorySeconds,
    stepSeconds,
    secondsPerToken: stepSeconds / setting.batch,
    // (2N/peak) / (step/B) = computeSeconds / stepSeconds, which cannot exceed 1.
    utilisation: computeSeconds / stepSeconds,
    memoryBound: memorySeconds > computeSeconds,
  };
}

/** Equivalent decode utilisation (the `decodeMfu` a fixed-MFU scenario would need for the same cost). */
export function decodeUtilisation(
  params: number,
  hardware: RooflineHardware,
  setting: RooflineSetting,
): number {
  return decodeStep(params, hardware, setting).utilisation;
}

/**
 * The batch at which decode reaches a utilisation u (inverse of `decodeUtilisation`, memory-bound
 * side): B = u·peak·bytesPerParam·N / (2N·bandwidth·efficiency − u·peak·context·kvBytesPerToken).
 * Without KV traffic this is u · peak · bytesPerParam / (2 · bandwidth · efficiency).
 * Throws `unreachable` when KV traffic caps the utilisation below u at any batch
 * (the limit as B → ∞ is 2N·bandwidth·efficiency / (peak·context·kvBytesPerToken)).
 */
export function batchForDecodeUtilisation(
  utilisation: number,
  params: number,
  hardware: RooflineHardware,
  setting: Omit<RooflineSetting, 'batch'>,
): number {
  if (!(Number.isFinite(utilisation) && utilisation > 0 && utilisation <= 1)) {
    throw new ScienceError(
      'invalid-argument',
      `a decode utilisation must lie in (0, 1] (got ${formatForMessage(utilisation)})`,
    );
  }
  requirePositive(params, 'params');
  checkHardware(hardware);
  checkSetting({ ...setting, batch: 1 });
  const memoryRate = hardware.bandwidthBytesPerSecond * setting.bandwidthEfficiency;
  const denominator =
    2 * params * memoryRate -
    utilisation * hardware.peakFlops * setting.contextTokens * setting.kvBytesPerToken;
  if (!(denominator > 0)) {
    const limit =
      (2 * params * memoryRate) / (hardware.peakFlops * setting.contextTokens * setting.kvBytesPerToken);
    throw new ScienceError(
      'unreachable',
      `KV-cache reads cap decode utilisation at ${formatForMessage(limit, 3)} at any batch; ${formatForMessage(utilisation)} is out of reach`,
    );
  }
  return (utilisation * hardware.peakFlops * setting.bytesPerParam * params) / denominator;
}

/** How a model is served, independent of its size; the KV cache follows from the shape derived from N. */
export interface ServingSetting {
  readonly batch: number;
  readonly bandwidthEfficiency: number;
  readonly contextTokens: number;
  readonly bytesPerParam: number;
  /** Bytes per KV-cache value (2 for a bf16 cache, 1 for fp8). */
  readonly kvBytesPerValue: number;
  /** Shape fields the user fixed; the rest come from the default shape rule (transformer-shape.ts). */
  readonly shape?: ShapeOverrides;
}

export interface DecodeCost {
  readonly shape: TransformerShape;
  readonly kvBytesPerToken: number;
  readonly secondsPerToken: number;
  readonly utilisation: number;
  /** US dollars per output token: price/3600 · secondsPerToken. */
  readonly dollarsPerToken: number;
  /**
   * Peak-FLOP equivalent of one output token: the GPU time it takes, valued at peak, = 2N / utilisation
   * = secondsPerToken · peak. Priced like any FLOP at price / (3600 · peak), so the lifetime objective
   * can treat decode as 2N/utilisation FLOPs per token with a utilisation that depends on N.
   */
  readonly flopEquivalent: number;
  readonly memoryBound: boolean;
}

/**
 * Decode cost per output token of an N-parameter model: derives its shape (and so its KV cache per
 * token) from N, then runs the roofline. The dependence on N is what lets an optimiser see that a
 * smaller model is cheaper to serve per token in the memory-bound regime.
 */
export function decodeCostForParams(
  params: number,
  hardware: DecodeHardware,
  serving: ServingSetting,
): DecodeCost {
  requireNonNegative(hardware.pricePerHour, 'price per hour');
  const shape = shapeForParams(params, serving.shape);
  const kvBytes = kvCacheBytesPerToken(shape, serving.kvBytesPerValue);
  const step = decodeStep(params, hardware, {
    batch: serving.batch,
    bandwidthEfficiency: serving.bandwidthEfficiency,
    bytesPerParam: serving.bytesPerParam,
    contextTokens: serving.contextTokens,
    kvBytesPerToken: kvBytes,
  });
  return {
    shape,
    kvBytesPerToken: kvBytes,
    secondsPerToken: step.secondsPerToken,
    utilisation: step.utilisation,
    dollarsPerToken: (hardware.pricePerHour / SECONDS_PER_HOUR) * step.secondsPerToken,
    flopEquivalent: step.secondsPerToken * hardware.peakFlops,
    memoryBound: step.memoryBound,
  };
}
