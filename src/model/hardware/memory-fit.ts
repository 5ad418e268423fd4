import {
  requireNonNegative,
  requirePositive,
  requireRepresentable,
  ScienceError,
  formatForMessage,
} from '../errors';

/**
 * Share of a GPU's memory that weights and KV cache may fill; the rest holds activations, the
 * runtime's workspace and fragmentation. 0.9 is vLLM's default `gpu_memory_utilization`
 * (vLLM engine arguments documentation); an assumption, not a measurement.
 */
export const DEFAULT_USABLE_MEMORY_FRACTION = 0.9;
/** GPUs in one server node (8 in NVIDIA HGX/DGX A100, H100, H200 and B200 and AMD MI300X platforms). */
export const GPUS_PER_NODE = 8;
/** Vendors quote memory in decimal gigabytes: 1 GB = 1e9 bytes. */
const BYTES_PER_GB = 1e9;
/**
 * Relative slack before rounding up, so that a byte count that is an exact multiple of a GPU's
 * usable memory (up to floating-point rounding) does not ask for one GPU more.
 */
const CEILING_SLACK = 1e-12;

export interface ReplicaMemory {
  readonly params: number;
  readonly bytesPerParam: number;
  readonly batch: number;
  readonly contextTokens: number;
  readonly kvBytesPerToken: number;
}

export interface MemoryFit {
  readonly weightBytes: number;
  readonly kvCacheBytes: number;
  readonly totalBytes: number;
  /** GPUs one replica needs: ceil(totalBytes / (memoryGB · 1e9 · usableFraction)). */
  readonly gpus: number;
  /** True when one replica needs more GPUs than one node holds (GPUS_PER_NODE by default). */
  readonly exceedsNode: boolean;
}

/** Bytes of weights: bytesPerParam · N. */
export function weightBytes(params: number, bytesPerParam: number): number {
  return requirePositive(params, 'params') * requirePositive(bytesPerParam, 'bytes per parameter');
}

/** Bytes of KV cache for B sequences of `contextTokens` each: B · context · kvBytesPerToken. */
export function kvCacheBytes(batch: number, contextTokens: number, kvBytesPerToken: number): number {
  return (
    requireNonNegative(batch, 'batch') *
    requireNonNegative(contextTokens, 'context tokens') *
    requireNonNegative(kvBytesPerToken, 'KV-cache bytes per token')
  );
}

/** Whole GPUs needed to hold `bytes` at `memoryGB` per GPU, of which `usableFraction` is usable. */
export function gpusForBytes(
  bytes: number,
  memoryGB: number,
  usableFraction: number = DEFAULT_USABLE_MEMORY_FRACTION,
): number {
  requireNonNegative(bytes, 'bytes');
  requirePositive(memoryGB, 'GPU memory');
  if (!(Number.isFinite(usableFraction) && usableFraction > 0 && usableFraction <= 1)) {
    throw new ScienceError(
      'invalid-argument',
      `usable memory fraction must lie in (0, 1] (got ${formatForMessage(usableFraction)})`,
    );
  }
  const ratio = bytes / (memoryGB * BYTES_PER_GB * usableFraction);
  return Math.max(1, Math.ceil(ratio * (1 - CEILING_SLACK)));
}

/** Memory one serving replica needs for its weights and the KV cache of a full batch. */
export function replicaMemoryFit(
  replica: ReplicaMemory,
  memoryGB: number,
  usableFraction: number = DEFAULT_USABLE_MEMORY_FRACTION,
  gpusPerNode: number = GPUS_PER_NODE,
): MemoryFit {
  requirePositive(gpusPerNode, 'GPUs per node');
  const weights = weightBytes(replica.params, replica.bytesPerParam);
  const cache = kvCacheBytes(replica.batch, replica.contextTokens, replica.kvBytesPerToken);
  const totalBytes = requireRepresentable(weights + cache, 'the memory of one replica');
  const gpus = gpusForBytes(totalBytes, memoryGB, usableFraction);
  return { weightBytes: weights, kvCacheBytes: cache, totalBytes, gpus, exceedsNode: gpus > gpusPerNode };
}
