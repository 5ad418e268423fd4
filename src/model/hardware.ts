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
const SOURCE_NVIDIA = 'vendor datasheet, dense peak without sparsity (science README §5, 2026)';

/** Accelerators with their dense peaks, memory and bandwidth (science README §5). */
export const GPU_PRESETS: readonly GpuPreset[] = [
  {
    id: 'A100-40GB',
    label: 'NVIDIA A100 SXM 40 GB',
    peakFlops: { bf16: 312 * TERA, int8: 624 * TERA },
    memoryGB: 40,
    bandwidthTBs: 1.555,
    source: SOURCE_NVIDIA,
  },
  {
    id: 'A100-80GB',
    label: 'NVIDIA A100 SXM 80 GB',
    peakFlops: { bf16: 312 * TERA, int8: 624 * TERA },
    memoryGB: 80,
    bandwidthTBs: 2.039,
    source: SOURCE_NVIDIA,
  },
  {
    id: 'H100-SXM',
    label: 'NVIDIA H100 SXM',
    peakFlops: { bf16: 989 * TERA, fp8: 1979 * TERA, int8: 1979 * TERA },
    memoryGB: 80,
    bandwidthTBs: 3.35,
    source: SOURCE_NVIDIA,
  },
  {
    id: 'H200-SXM',
    label: 'NVIDIA H200 SXM',
    peakFlops: { bf16: 989 * TERA, fp8: 1979 * TERA, int8: 1979 * TERA },
    memoryGB: 141,
    bandwidthTBs: 4.8,
    source: SOURCE_NVIDIA,
  },
  {
    id: 'B200',
    label: 'NVIDIA B200',
    peakFlops: { bf16: 2250 * TERA, fp8: 4500 * TERA, int8: 4500 * TERA },
    memoryGB: 180,
    bandwidthTBs: 8,
    source: SOURCE_NVIDIA,
  },
  {
    id: 'MI300X',
    label: 'AMD Instinct MI300X',
    peakFlops: { bf16: 1307 * TERA, fp8: 2615 * TERA, int8: 2615 * TERA },
    memoryGB: 192,
    bandwidthTBs: 5.3,
    source: 'AMD datasheet, dense peak without sparsity (science README §5, 2026)',
  },
];

export function findGpuPreset(id: string): GpuPreset | undefined {
  return GPU_PRESETS.find((gpu) => gpu.id === id);
}
