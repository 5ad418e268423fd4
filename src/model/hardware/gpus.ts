import { ScienceError } from '../errors';

/** Number formats whose dense peak throughput the presets list. */
export type Dtype = 'bf16' | 'fp8' | 'int8';
export const DTYPES: readonly Dtype[] = ['bf16', 'fp8', 'int8'];

/** Where a typical price comes from and the range it was picked from. */
export interface PriceQuote {
  /** Typical on-demand price of one GPU, US dollars per hour. */
  readonly perHour: number;
  /** The on-demand range the typical value was picked from, when one is documented (docs/science.md §5.1). */
  readonly range?: readonly [low: number, high: number];
  /** Year the price refers to (prices move fast: always show it). */
  readonly date: string;
  readonly source: string;
}

/** What the cost model needs of a GPU: a preset, or one the user defines (scenario `gpus`, preferences). */
export interface GpuDefinition {
  readonly id: string;
  readonly label: string;
  /** Dense (no sparsity) peak FLOP/s (OP/s for int8) per number format; absent where unsupported. */
  readonly peakFlops: Readonly<Partial<Record<Dtype, number>>>;
  readonly memoryGB: number;
  readonly bandwidthTBs: number;
  /** Board power (TDP, maximum thermal design power) of one GPU in watts. */
  readonly boardPowerW: number;
}

export interface GpuPreset extends GpuDefinition {
  readonly source: string;
  /** Typical on-demand price per GPU-hour (docs/science.md §5.1). */
  readonly price: PriceQuote;
  /** Where `boardPowerW` comes from: the vendor datasheet. */
  readonly powerSource: string;
}

const TERA = 1e12;
/** Dense peaks are the datasheets' figures without 2:4 sparsity, as the cost model needs. */
const datasheet = (product: string) => `${product} datasheet, dense peak without sparsity (as of 2026)`;
/** Vendor datasheet board power (maximum TDP of the SXM / OAM module). */
const tdp = (product: string) => `${product} datasheet, max thermal design power (TDP)`;
/** Date of every price below. */
export const PRICE_DATE = '2026';
const PRICE_RANGE_SOURCE =
  'on-demand cloud prices, 2026 (docs/science.md §5.1); typical value picked inside the range';

/** Accelerators with their dense peaks, memory, bandwidth, typical price and power (docs/science.md §5.1). */
export const GPU_PRESETS: readonly GpuPreset[] = [
  {
    id: 'A100-40GB',
    label: 'NVIDIA A100 SXM 40 GB',
    peakFlops: { bf16: 312 * TERA, int8: 624 * TERA },
    memoryGB: 40,
    bandwidthTBs: 1.555,
    source: datasheet('NVIDIA A100 Tensor Core GPU'),
    price: {
      // No 2026 range for the 40 GB part (docs/science.md §5.1): Sardana et al. 2024's default.
      perHour: 1.1,
      date: PRICE_DATE,
      source: 'Sardana et al. 2024 (arXiv 2401.00448) default for A100-40GB; no 2026 range given',
    },
    boardPowerW: 400,
    powerSource: tdp('NVIDIA A100 Tensor Core GPU (SXM)'),
  },
  {
    id: 'A100-80GB',
    label: 'NVIDIA A100 SXM 80 GB',
    peakFlops: { bf16: 312 * TERA, int8: 624 * TERA },
    memoryGB: 80,
    bandwidthTBs: 2.039,
    source: datasheet('NVIDIA A100 Tensor Core GPU'),
    // Sardana et al. 2024's default $1.50 lies in the README's 2026 range $1.1–3.0.
    price: { perHour: 1.5, range: [1.1, 3.0], date: PRICE_DATE, source: PRICE_RANGE_SOURCE },
    boardPowerW: 400,
    powerSource: tdp('NVIDIA A100 Tensor Core GPU (SXM)'),
  },
  {
    id: 'H100-SXM',
    label: 'NVIDIA H100 SXM',
    peakFlops: { bf16: 989 * TERA, fp8: 1979 * TERA, int8: 1979 * TERA },
    memoryGB: 80,
    bandwidthTBs: 3.35,
    source: datasheet('NVIDIA H100 Tensor Core GPU'),
    price: { perHour: 3.0, range: [2.0, 5.0], date: PRICE_DATE, source: PRICE_RANGE_SOURCE },
    boardPowerW: 700,
    powerSource: tdp('NVIDIA H100 Tensor Core GPU (SXM, up to 700 W)'),
  },
  {
    id: 'H200-SXM',
    label: 'NVIDIA H200 SXM',
    peakFlops: { bf16: 989 * TERA, fp8: 1979 * TERA, int8: 1979 * TERA },
    memoryGB: 141,
    bandwidthTBs: 4.8,
    source: datasheet('NVIDIA H200 Tensor Core GPU'),
    price: { perHour: 3.5, range: [2.5, 7.0], date: PRICE_DATE, source: PRICE_RANGE_SOURCE },
    boardPowerW: 700,
    powerSource: tdp('NVIDIA H200 Tensor Core GPU (SXM, up to 700 W)'),
  },
  {
    id: 'B200',
    label: 'NVIDIA B200',
    peakFlops: { bf16: 2250 * TERA, fp8: 4500 * TERA, int8: 4500 * TERA },
    memoryGB: 180,
    bandwidthTBs: 8,
    source: datasheet('NVIDIA DGX B200 (per GPU)'),
    price: { perHour: 5.0, range: [4.5, 6.0], date: PRICE_DATE, source: PRICE_RANGE_SOURCE },
    boardPowerW: 1000,
    powerSource: tdp('NVIDIA HGX B200 (per GPU, 1000 W)'),
  },
  {
    id: 'MI300X',
    label: 'AMD Instinct MI300X',
    peakFlops: { bf16: 1307 * TERA, fp8: 2615 * TERA, int8: 2615 * TERA },
    memoryGB: 192,
    bandwidthTBs: 5.3,
    source: datasheet('AMD Instinct MI300X'),
    price: {
      // No documented range (docs/science.md §5.1): an assumption between its A100-80 and H100
      // ranges' typical values; check a current offer before relying on it.
      perHour: 2.5,
      date: PRICE_DATE,
      source: 'assumption (no documented range): typical 2026 on-demand offer, verify before use',
    },
    boardPowerW: 750,
    powerSource: tdp('AMD Instinct MI300X (OAM, 750 W)'),
  },
];

export function findGpuPreset(id: string): GpuPreset | undefined {
  return GPU_PRESETS.find((gpu) => gpu.id === id);
}

/**
 * What GPU `id` is: a preset, or one of `custom` (a scenario's `gpus`, the user's own GPUs). The one
 * place that answers it; custom ids never equal a preset's (the scenario validator refuses that).
 */
export function findGpu(id: string, custom: readonly GpuDefinition[] = []): GpuDefinition | undefined {
  return findGpuPreset(id) ?? custom.find((gpu) => gpu.id === id);
}

/** `preferred` when the GPU has a dense peak in it, else the first number format it supports. */
export function supportedDtype(gpu: Pick<GpuDefinition, 'peakFlops'>, preferred: Dtype): Dtype {
  if (gpu.peakFlops[preferred] !== undefined) return preferred;
  return DTYPES.find((dtype) => gpu.peakFlops[dtype] !== undefined) ?? preferred;
}

/**
 * Bytes that one weight (or one KV-cache value) occupies in a number format: bf16 2, fp8 1, int8 1
 * (docs/science.md §5.2).
 */
export const BYTES_PER_VALUE: Readonly<Record<Dtype, number>> = { bf16: 2, fp8: 1, int8: 1 };

export function bytesPerValue(dtype: Dtype): number {
  return BYTES_PER_VALUE[dtype];
}

/** Vendors quote bandwidth in decimal terabytes per second: 1 TB/s = 1e12 bytes/s. */
const BYTES_PER_TB = 1e12;

/** Memory bandwidth of a GPU in bytes per second. */
export function bandwidthBytesPerSecond(gpu: Pick<GpuPreset, 'bandwidthTBs'>): number {
  return gpu.bandwidthTBs * BYTES_PER_TB;
}

/** Dense peak FLOP/s of a GPU in a number format; `invalid-argument` where the GPU lacks it (A100 fp8). */
export function peakFlopsFor(gpu: Pick<GpuPreset, 'id' | 'peakFlops'>, dtype: Dtype): number {
  const peak = gpu.peakFlops[dtype];
  if (peak === undefined) {
    throw new ScienceError('invalid-argument', `${gpu.id} has no dense ${dtype} throughput`);
  }
  return peak;
}
