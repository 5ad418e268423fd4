import {
  DEFAULT_BANDWIDTH_EFFICIENCY,
  DEFAULT_CONTEXT_TOKENS,
  DEFAULT_DECODE_BATCH,
  DEFAULT_GRID_KG_CO2_PER_KWH,
  DEFAULT_LAW_PRESET,
  DEFAULT_PUE,
  findGpuPreset,
  type Dtype,
  type Objective,
} from '../model';
import type {
  AccuracyTestTimeSpec,
  EnergySpec,
  ExchangeTestTimeSpec,
  InferenceSpec,
  LawSpec,
  TrainingSpec,
} from './types';

/**
 * Defaults for every optional field of a scenario file (documented in README.md, "Scenario files").
 * Prices are the GPU presets' dated typical on-demand prices; utilisations are typical values from
 * docs/science.md §5.
 */
export const DEFAULT_NAME = 'Untitled scenario';
export const DEFAULT_LAW: LawSpec = { preset: DEFAULT_LAW_PRESET };
export const DEFAULT_OBJECTIVE: Objective = 'flops';

/** A mid-sized training cluster: 1,024 GPUs (128 nodes of 8). */
export const DEFAULT_CLUSTER_GPUS = 1024;

/**
 * The range a default is picked from, and where the range comes from: the editor shows it next to
 * the field.
 */
export interface TypicalRange {
  readonly low: number;
  readonly high: number;
  readonly source: string;
}

/** Training MFU of large runs (docs/science.md §5; Llama 3 405B trained at 38–43 %). */
export const TYPICAL_TRAINING_MFU: TypicalRange = {
  low: 0.35,
  high: 0.45,
  source: 'docs/science.md §5; Llama 3 405B trained at 38–43 % MFU',
};

/** Prefill processes whole prompts at once and is compute-bound (docs/science.md §5). */
export const TYPICAL_PREFILL_MFU: TypicalRange = {
  low: 0.4,
  high: 0.5,
  source: 'docs/science.md §5: prefill is compute-bound',
};

/** The GPU of both hardware sections unless a file names another. */
export const DEFAULT_GPU = 'H100-SXM';
export const DEFAULT_DTYPE: Dtype = 'bf16';

/**
 * The price per GPU-hour of a hardware section that gives none: the typical on-demand price of the
 * GPU preset it names (engine presets, with their date and source). A GPU of the user's or a bare
 * peak has no typical price; it takes the default GPU's.
 */
export function typicalPricePerHour(gpu: string | undefined): number {
  const preset = (gpu === undefined ? undefined : findGpuPreset(gpu)) ?? findGpuPreset(DEFAULT_GPU);
  if (!preset) throw new Error(`no GPU preset ${DEFAULT_GPU}`);
  return preset.price.perHour;
}

/** H100 at its typical price; MFU 0.4, inside TYPICAL_TRAINING_MFU. */
export const DEFAULT_TRAINING: TrainingSpec = {
  gpu: DEFAULT_GPU,
  dtype: DEFAULT_DTYPE,
  pricePerHour: typicalPricePerHour(DEFAULT_GPU),
  mfu: 0.4,
  clusterGpus: DEFAULT_CLUSTER_GPUS,
};

/**
 * Prefill is compute-bound (TYPICAL_PREFILL_MFU). Decode is memory-bound: ~9 % at batch 32 in bf16
 * on an H100 by the roofline of docs/science.md §5.2, so 0.1 rather than the 0.01 (batch ≈ 3) of
 * Sardana's code.
 */
export const DEFAULT_INFERENCE: InferenceSpec = {
  gpu: DEFAULT_GPU,
  dtype: DEFAULT_DTYPE,
  pricePerHour: typicalPricePerHour(DEFAULT_GPU),
  prefillMfu: 0.5,
  decodeMfu: 0.1,
  decode: { model: 'mfu' },
};

/**
 * Roofline decode defaults, the engine's (docs/science.md §5.2): batch 32, 80 % of peak bandwidth,
 * 4,096 tokens of context per sequence.
 */
export const DEFAULT_ROOFLINE = {
  batch: DEFAULT_DECODE_BATCH,
  bandwidthEfficiency: DEFAULT_BANDWIDTH_EFFICIENCY,
  contextTokens: DEFAULT_CONTEXT_TOKENS,
} as const;

/**
 * Energy, the engine's assumptions to replace with your own: PUE 1.2 (between hyperscalers' ~1.1
 * and the industry average ~1.5) and 0.4 kg CO₂ per kWh (between the US's ~0.37 and the world's ~0.46).
 */
export const DEFAULT_ENERGY: EnergySpec = { pue: DEFAULT_PUE, gridKgCo2PerKwh: DEFAULT_GRID_KG_CO2_PER_KWH };

/** Chinchilla's rule of thumb, LLaMA-1 7B's and Llama 3 8B's tokens per parameter (docs/science.md §7). */
export const DEFAULT_BASELINES: readonly number[] = [20, 142, 1875];

/**
 * Test-time compute defaults: general tasks (that class's γ and S; docs/science.md §4.1), at most
 * 1,000× per query, continuous k, prompts cached across samples, no separate verifier.
 */
export const DEFAULT_TASK_CLASS = 'general';
export const DEFAULT_K_MAX = 1000;
/** Brown et al. 2024's coverage exponent a of pass@k = p₁^(k^−a), inside TYPICAL_COVERAGE_EXPONENT. */
export const DEFAULT_COVERAGE_EXPONENT = 0.43;
export const TYPICAL_COVERAGE_EXPONENT: TypicalRange = { low: 0.08, high: 0.46, source: 'Brown et al. 2024' };

/** Every optional field of the testTime section, as a file that leaves it out gets it. */
export const DEFAULT_TEST_TIME = {
  model: 'exchange',
  taskClass: DEFAULT_TASK_CLASS,
  kMax: DEFAULT_K_MAX,
  integerSamples: false,
  prefixCaching: true,
  verifierCostPerSample: 0,
  selection: 'verifier',
  coverageExponent: DEFAULT_COVERAGE_EXPONENT,
  falsePassRate: 0,
} as const satisfies Omit<ExchangeTestTimeSpec, 'gamma' | 'spanOom'> &
  Pick<AccuracyTestTimeSpec, 'selection' | 'coverageExponent' | 'falsePassRate'>;
