import { requirePositive, ScienceError, formatForMessage } from '../errors';
import type { SeparableTerms } from '../laws/types';

/**
 * Test-time compute as an exchange rate with training compute (docs/science.md §4.1):
 * spending k× inference compute per query is worth a training-compute multiplier
 * g(k) = min(k^(1/γ), 10^S) (Villalobos & Atkinson 2023, Epoch AI, "Trading off compute in
 * training and inference": about one order of magnitude of training for one to two of inference;
 * Snell et al. 2024, arXiv 2408.03314).
 */
export interface ExchangeRate {
  /** Orders of magnitude of inference compute per order of magnitude of training compute. */
  readonly gamma: number;
  /** At most this many orders of magnitude of training compute can be replaced (S). */
  readonly spanOom: number;
}

export interface TaskClass extends ExchangeRate {
  readonly id: string;
  readonly label: string;
}

/**
 * Defaults by task class (docs/science.md §4.1). "Beyond the model" gains nothing: S = 0 caps the
 * multiplier at 10^0 = 1 for every k.
 */
export const TASK_CLASSES: readonly TaskClass[] = [
  { id: 'easy', label: 'Easy tasks', gamma: 1.0, spanOom: 1 },
  { id: 'general', label: 'General tasks', gamma: 1.5, spanOom: 1 },
  { id: 'sequential', label: 'Sequential reasoning', gamma: 1.5, spanOom: 2 },
  { id: 'verifiable', label: 'Cheaply verifiable', gamma: 2.0, spanOom: 3 },
  { id: 'beyond', label: 'Beyond the model (no gain)', gamma: 1.0, spanOom: 0 },
];

export function findTaskClass(id: string): TaskClass | undefined {
  return TASK_CLASSES.find((taskClass) => taskClass.id === id);
}

/** g(k) = min(k^(1/γ), 10^S), the training-compute multiplier that k× inference per query is worth. */
export function trainingComputeMultiplier(k: number, rate: ExchangeRate): number {
  requirePositive(k, 'k');
  if (k < 1) throw new ScienceError('invalid-argument', `k must be at least 1 (got ${formatForMessage(k)})`);
  return Math.min(k ** (1 / rate.gamma), 10 ** rate.spanOom);
}

/** The k beyond which more test-time compute buys nothing: k^(1/γ) = 10^S, so k = 10^(S·γ). */
export function saturatingK(rate: ExchangeRate): number {
  return 10 ** (rate.spanOom * rate.gamma);
}

/**
 * How much more excess (loss above the floor) a model may have when test-time compute is worth a
 * training multiplier g, split the compute-optimal way (docs/science.md §4.1):
 *   L_eff = E + A/(N g^(β/(α+β)))^α + B/(D g^(α/(α+β)))^β = E + g^(−αβ/(α+β)) (A N^−α + B D^−β),
 * so reaching an effective excess Δ needs only Δ · g^(αβ/(α+β)) from the model itself.
 */
export function excessAllowance(terms: SeparableTerms, multiplier: number): number {
  return multiplier ** ((terms.alpha * terms.beta) / (terms.alpha + terms.beta));
}
