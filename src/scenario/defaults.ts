import { DEFAULT_LAW_PRESET, type Objective } from '../model';
import type { EnergySpec, InferenceSpec, LawSpec, TrainingSpec } from './types';

/**
 * Defaults for every optional field of a scenario file (documented in README.md, "Scenario files").
 * Prices are on-demand 2026 figures; utilisations are typical values of docs/science.md §5.
 */
export const DEFAULT_NAME = 'Untitled scenario';
export const DEFAULT_LAW: LawSpec = { preset: DEFAULT_LAW_PRESET };
export const DEFAULT_OBJECTIVE: Objective = 'flops';

/** A mid-sized training cluster: 1,024 GPUs (128 nodes of 8). */
export const DEFAULT_CLUSTER_GPUS = 1024;

/** H100 at $2.00/h (Sardana et al. 2024's H100 price); MFU 0.4 (Llama 3 405B trained at 38–43 %). */
export const DEFAULT_TRAINING: TrainingSpec = {
  gpu: 'H100-SXM',
  dtype: 'bf16',
  pricePerHour: 2,
  mfu: 0.4,
  clusterGpus: DEFAULT_CLUSTER_GPUS,
};

/**
 * Prefill is compute-bound (MFU 0.4–0.5). Decode is memory-bound: ~9 % at batch 32 in bf16 on an
 * H100 by the roofline of docs/science.md §5.2, so 0.1 rather than the 0.01 (batch ≈ 3) of Sardana's code.
 */
export const DEFAULT_INFERENCE: InferenceSpec = {
  gpu: 'H100-SXM',
  dtype: 'bf16',
  pricePerHour: 2,
  prefillMfu: 0.5,
  decodeMfu: 0.1,
  decode: { model: 'mfu' },
};

/**
 * Roofline decode defaults (docs/science.md §5.2): batch 32, 80 % of peak bandwidth, 4,096 tokens of
 * context per sequence.
 */
export const DEFAULT_ROOFLINE = { batch: 32, bandwidthEfficiency: 0.8, contextTokens: 4096 } as const;

/**
 * Energy: PUE 1.2 (between hyperscalers' ~1.1 and the industry average ~1.5) and 0.4 kg CO₂ per
 * kWh (between the US's ~0.37 and the world's ~0.46): assumptions to replace with your own.
 */
export const DEFAULT_ENERGY: EnergySpec = { pue: 1.2, gridKgCo2PerKwh: 0.4 };

/** Chinchilla's rule of thumb, LLaMA-1 7B's and Llama 3 8B's tokens per parameter (docs/science.md §7). */
export const DEFAULT_BASELINES: readonly number[] = [20, 142, 1875];

/**
 * Test-time compute defaults: general tasks (γ 1.5, S 1; docs/science.md §4.1), at most 1,000× per
 * query, continuous k, prompts cached across samples, no separate verifier.
 */
export const DEFAULT_TASK_CLASS = 'general';
export const DEFAULT_K_MAX = 1000;
/** Brown et al. 2024's coverage exponent a of pass@k = p₁^(k^−a) (range 0.08–0.46). */
export const DEFAULT_COVERAGE_EXPONENT = 0.43;
