/**
 * What the engine is asked: a loss law, a quality target, lifetime demand, prices and the optional
 * parts (test-time compute, a data limit, a roofline, the fleet). Types only, importing nothing from
 * the optimisers, so that every one of them can take a Problem without an import cycle.
 */
import type { Demand } from './demand';
import type { CostRates } from './hardware/costs';
import type { Fleet, RooflineDecode } from './hardware/fleet';
import type { LossLaw } from './laws/types';
import type { Objective } from './objective';
import type { ExchangeRate } from './test-time/exchange-rate';
import type { SelectionRule, SuccessSource } from './test-time/task-accuracy';

/** Everything the solvers need, resolved from a scenario (see scenario/resolve.ts). */
export interface Problem {
  readonly law: LossLaw;
  readonly targetLoss: number;
  readonly demand: Demand;
  readonly objective: Objective;
  readonly rates: CostRates;
  /** Rules to compare against: tokens-per-parameter ratios, e.g. [20, 142, 1875], or Kaplan's allocation. */
  readonly baselines: readonly BaselineRule[];
  /** Test-time compute the optimiser may buy per query; absent means k = 1. */
  readonly testTime?: TestTimeSetup;
  /** Unique training data available; absent means unlimited. */
  readonly data?: DataLimit;
  /** Decode priced by a roofline; absent means the fixed decode MFU of the rates. */
  readonly decode?: RooflineDecode;
  /** The hardware behind the bill, for GPU-hours, days, energy, CO₂ and replica size. */
  readonly fleet?: Fleet;
}

/**
 * A baseline rule: a fixed tokens-per-parameter ratio, or `kaplan2020`, the model on Kaplan et al.
 * 2020's compute-efficient allocation curve (N = 1.3e9 · C_min^0.73, D = 2e10 · C_min^0.27) that
 * reaches the target under the problem's law.
 */
export type BaselineRule = number | 'kaplan2020';

/** A cap on unique training data: beyond it, tokens repeat (Muennighoff et al. 2023). */
export interface DataLimit {
  readonly uniqueTokens: number;
}

/**
 * What test-time compute buys: a training-compute equivalent at the scenario's target loss
 * (model A), or attempts towards a task accuracy, the loss being chosen too (model B).
 */
export type TestTimeBenefit =
  | { readonly model: 'exchange'; readonly rate: ExchangeRate }
  | {
      readonly model: 'accuracy';
      readonly targetAccuracy: number;
      readonly mapping: SuccessSource;
      readonly rule: SelectionRule;
    };

/** How test-time compute is bought and what it is worth, resolved from a scenario's testTime section. */
export interface TestTimeSetup {
  readonly benefit: TestTimeBenefit;
  /** The most compute per query allowed (k_max ≥ 1). */
  readonly kMax: number;
  /** Restrict k to whole numbers of samples. */
  readonly integerSamples: boolean;
  /** With prefix caching the prompt is read once per query; without, once per sample. */
  readonly prefixCaching: boolean;
  /** FLOPs to verify one sample; 0 when there is no separate verifier. */
  readonly verifierFlopsPerSample: number;
  /** Lifetime requests, which verification is counted in; 0 when the demand gives only token totals. */
  readonly requests: number;
}
