import type {
  Allocation,
  BaselineRule,
  Dtype,
  GpuDefinition,
  LawCovariance,
  Objective,
  Selection,
  Target,
} from '../model';

export type { GpuDefinition };

/** Identifies a Tradeoff Explorer scenario file (`*.tradeoff.json`). */
export const SCENARIO_FORMAT = 'tradeoff-scenario';
/** The newest file format this build reads and the one it writes. */
export const SCENARIO_VERSION = 1;
export const SCENARIO_EXTENSION = '.tradeoff.json';

/**
 * The smallest and largest model sizes and training tokens a custom law was fitted on, [min, max]:
 * answers outside are flagged as extrapolations (presets carry their own range).
 */
export interface FittedRangeSpec {
  readonly params: readonly [number, number];
  readonly tokens: readonly [number, number];
}

export type LawSpec =
  | { readonly preset: string }
  | {
      readonly form: 'chinchilla';
      readonly E: number;
      readonly A: number;
      readonly B: number;
      readonly alpha: number;
      readonly beta: number;
      readonly fittedRange?: FittedRangeSpec;
      /** Covariance of the constants over (ln A, ln B, ln E, α, β); needed for `solve --uncertainty`. */
      readonly covariance?: LawCovariance;
    }
  | {
      readonly form: 'kaplan';
      readonly alphaN: number;
      readonly alphaD: number;
      readonly Nc: number;
      readonly Dc: number;
      readonly fittedRange?: FittedRangeSpec;
    };

export type TargetSpec = Target;
export type { Allocation };

export interface TokensPerRequest {
  readonly inputTokensPerRequest: number;
  readonly outputTokensPerRequest: number;
}

/** Lifetime demand as totals, as a request count, or as a request rate over a number of days. */
export type DemandSpec =
  | { readonly inputTokens: number; readonly outputTokens: number }
  | (TokensPerRequest & { readonly requests: number })
  | (TokensPerRequest & { readonly requestsPerDay: number; readonly days: number });

/** Per-scenario replacements for a named GPU's memory, bandwidth and board power. */
export interface GpuOverrides {
  readonly memoryGB?: number;
  readonly bandwidthTBs?: number;
  readonly boardPowerW?: number;
}

/**
 * An accelerator named by GPU (a preset or one of the scenario's `gpus`) and number format, with
 * optional overrides of its values, or given by its peak FLOP/s alone.
 */
export type AcceleratorSpec =
  ({ readonly gpu: string; readonly dtype: Dtype } & GpuOverrides) | { readonly peakFlops: number };

export type TrainingSpec = AcceleratorSpec & {
  readonly pricePerHour: number;
  readonly mfu: number;
  /** GPUs in the training cluster, for wall-clock days. */
  readonly clusterGpus: number;
};

/** Decode at the fixed `decodeMfu`, or priced by a roofline that depends on N (docs/science.md §5.2). */
export type DecodeSpec =
  | { readonly model: 'mfu' }
  | {
      readonly model: 'roofline';
      readonly batch: number;
      readonly bandwidthEfficiency: number;
      readonly contextTokens: number;
      /** The default shape rule's parameters, overridden (src/model/hardware/transformer-shape.ts). */
      readonly shape?: ShapeRuleSpec;
    };

/** Overrides of the rule that derives a transformer's shape from N: depth/width ratio, head size, KV heads. */
export interface ShapeRuleSpec {
  readonly aspectRatio?: number;
  readonly headDim?: number;
  readonly kvHeads?: number;
}

export type InferenceSpec = AcceleratorSpec & {
  readonly pricePerHour: number;
  readonly prefillMfu: number;
  readonly decodeMfu: number;
  readonly decode: DecodeSpec;
};

/** Energy and emissions assumptions; GPU power defaults to each preset's board power. */
export interface EnergySpec {
  /** Watts per GPU, overriding the presets' board power (needed with explicit peak FLOP/s). */
  readonly gpuWatts?: number;
  readonly pue: number;
  readonly gridKgCo2PerKwh: number;
}

/** Unique training tokens available; training beyond them repeats data (Muennighoff et al. 2023). */
export interface DataSpec {
  readonly uniqueTokens: number;
}

/** How test-time compute is bought, whatever it buys. */
interface TestTimeBudget {
  readonly kMax: number;
  readonly integerSamples: boolean;
  readonly prefixCaching: boolean;
  /** FLOPs to verify one sample (needs a request count in the demand). */
  readonly verifierCostPerSample: number;
}

/**
 * Model A (docs/science.md §4.1): k× compute per query is worth a training-compute multiplier
 * min(k^(1/γ), 10^S) at the scenario's target loss.
 */
export interface ExchangeTestTimeSpec extends TestTimeBudget {
  readonly model: 'exchange';
  /** A task class id (see TASK_CLASSES) whose γ and S are the defaults, or "custom". */
  readonly taskClass: string;
  readonly gamma: number;
  readonly spanOom: number;
}

/**
 * Model B: the target is a task accuracy; per-attempt success comes from the loss through Gadre
 * et al.'s mapping, and k attempts are combined by a selection rule. The loss is chosen too.
 */
export interface AccuracyTestTimeSpec extends TestTimeBudget {
  readonly model: 'accuracy';
  readonly targetAccuracy: number;
  /**
   * Gadre et al. 2024's Err(L) = ε − k·exp(−γL), fitted per task and loss (the user's constants),
   * or `{"value"}`: the per-attempt success of a model of the scenario's target, entered directly
   * (the model's quality then stays the target's; only k is chosen).
   */
  readonly p1: LossMappingSpec | { readonly value: number };
  readonly selection: Selection;
  readonly coverageExponent: number;
  readonly falsePassRate: number;
}

/**
 * Gadre et al.'s constants and the domain they are trusted on: `lossRange` [low, high] (absent:
 * from the law's floor E to the loss where success is chance + minLift) and `minLift`, the least
 * per-attempt success above the chance level 1 − ε that counts as a model (default 0.05).
 */
export interface LossMappingSpec {
  readonly epsilon: number;
  readonly k: number;
  readonly gamma: number;
  readonly lossRange?: readonly [number, number];
  readonly minLift: number;
}

/** Test-time compute the optimiser may buy. Absent means k = 1. */
export type TestTimeSpec = ExchangeTestTimeSpec | AccuracyTestTimeSpec;

/** A complete, validated scenario: every default filled in. */
export interface Scenario {
  readonly name: string;
  readonly notes: string;
  readonly law: LawSpec;
  /** Absent only when the test-time section sets a task accuracy instead. */
  readonly target?: TargetSpec;
  readonly demand: DemandSpec;
  readonly objective: Objective;
  /** The scenario's own GPUs, which `training.gpu` and `inference.gpu` may name; absent when none. */
  readonly gpus?: readonly GpuDefinition[];
  readonly training: TrainingSpec;
  readonly inference: InferenceSpec;
  /** Tokens-per-parameter ratios, and `kaplan2020` for Kaplan et al. 2020's allocation. */
  readonly baselines: readonly BaselineRule[];
  readonly testTime?: TestTimeSpec;
  readonly energy: EnergySpec;
  /** Absent: unlimited unique data. */
  readonly data?: DataSpec;
  /** Models the user intends to train, each evaluated against the optimum; absent: none. */
  readonly plans?: readonly PlanSpec[];
}

/** A model the user intends to train: a name, its size and training tokens, and k with test-time compute. */
export interface PlanSpec {
  readonly name: string;
  readonly params: number;
  readonly tokens: number;
  /** Attempts per query (only with testTime); absent: 1. */
  readonly k?: number;
}

/** One problem found in a scenario: the JSON path of the field and what is wrong with it. */
export interface ScenarioIssue {
  readonly path: string;
  readonly message: string;
}

export type ScenarioResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };
