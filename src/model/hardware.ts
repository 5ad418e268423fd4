/** Number formats whose dense peak throughput the presets list. */
export type Dtype = 'bf16' | 'fp8' | 'int8';
export const DTYPES: readonly Dtype[] = ['bf16', 'fp8', 'int8'];

export interface GpuPreset {
  readonly id: string;
  readonly label: string;
  /** Dense (no sparsity) peak FLOP/s (OP/s for int8) per number format; absent where unsupported. */
  readonly peakFlops: Readonly<Partial<Record<Dtype, number>>>;
  readonly memoryGB: number;
  readonly bandwidthTBs: number;
  readonly source: string;
}

const TERA = 1e12;
/** Dense peaks are the datasheets' figures without 2:4 sparsity, as the cost model needs. */
const datasheet = (product: string) => `${product} datasheet, dense peak without sparsity (as of 2026)`;

/** Accelerators with their dense peaks, memory and bandwidth (science README §5). */
export const GPU_PRESETS: readonly GpuPreset[] = [
  {
    id: 'A100-40GB',
    label: 'NVIDIA A100 SXM 40 GB',
    peakFlops: { bf16: 312 * TERA, int8: 624 * TERA },
    memoryGB: 40,
    bandwidthTBs: 1.555,
    source: datasheet('NVIDIA A100 Tensor Core GPU'),
  },
  {
    id: 'A100-80GB',
    label: 'NVIDIA A100 SXM 80 GB',
    peakFlops: { bf16: 312 * TERA, int8: 624 * TERA },
    memoryGB: 80,
    bandwidthTBs: 2.039,
    source: datasheet('NVIDIA A100 Tensor Core GPU'),
  },
  {
    id: 'H100-SXM',
    label: 'NVIDIA H100 SXM',
    peakFlops: { bf16: 989 * TERA, fp8: 1979 * TERA, int8: 1979 * TERA },
    memoryGB: 80,
    bandwidthTBs: 3.35,
    source: datasheet('NVIDIA H100 Tensor Core GPU'),
  },
  {
    id: 'H200-SXM',
    label: 'NVIDIA H200 SXM',
    peakFlops: { bf16: 989 * TERA, fp8: 1979 * TERA, int8: 1979 * TERA },
    memoryGB: 141,
    bandwidthTBs: 4.8,
    source: datasheet('NVIDIA H200 Tensor Core GPU'),
  },
  {
    id: 'B200',
    label: 'NVIDIA B200',
    peakFlops: { bf16: 2250 * TERA, fp8: 4500 * TERA, int8: 4500 * TERA },
    memoryGB: 180,
    bandwidthTBs: 8,
    source: datasheet('NVIDIA DGX B200 (per GPU)'),
  },
  {
    id: 'MI300X',
    label: 'AMD Instinct MI300X',
    peakFlops: { bf16: 1307 * TERA, fp8: 2615 * TERA, int8: 2615 * TERA },
    memoryGB: 192,
    bandwidthTBs: 5.3,
    source: datasheet('AMD Instinct MI300X'),
  },
];

export function findGpuPreset(id: string): GpuPreset | undefined {
  return GPU_PRESETS.find((gpu) => gpu.id === id);
}
