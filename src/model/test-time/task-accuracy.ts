import { requirePositive, ScienceError, formatForMessage } from '../errors';

/**
 * Test-time compute through task accuracy (science README §4, model B): per-attempt success p₁
 * from the model's loss, and what k attempts with a selection rule make of it.
 */

/** Gadre et al. 2024 (arXiv 2403.08540): downstream top-1 error Err(L) = ε − k·exp(−γL). */
export interface LossToError {
  readonly epsilon: number;
  readonly k: number;
  readonly gamma: number;
}

/**
 * Per-attempt success entered directly for a model of the scenario's target loss. Without a
 * loss→accuracy mapping the model's quality stays fixed; only the number of attempts is chosen.
 */
export interface FixedSuccess {
  readonly success: number;
}

/** Where per-attempt success comes from: Gadre et al.'s mapping from loss, or a direct figure. */
export type SuccessSource = LossToError | FixedSuccess;

/**
 * The fewest attempts (k ≥ 1, at most k_max) with which per-attempt success p₁ reaches the
 * accuracy; throws `unreachable` when k_max attempts fall short. Majority votes are counted in
 * whole attempts (their accuracy is not monotone across even and odd k); the verifier rules rise
 * steadily with k, so bisection on k finds their least k.
 */
export function fewestAttempts(success: number, accuracy: number, rule: SelectionRule, kMax: number): number {
  const reaches = (k: number) => accuracyWithAttempts(success, k, rule) >= accuracy;
  if (reaches(1)) return 1;
  if (rule.selection === 'majority') {
    for (let k = 2; k <= Math.min(kMax, MAJORITY_SCAN_LIMIT); k++) if (reaches(k)) return k;
  } else if (reaches(kMax)) {
    let low = 1;
    let high = kMax;
    for (let i = 0; i < BISECTION_STEPS && high - low > 1e-12 * high; i++) {
      const middle = (low + high) / 2;
      if (reaches(middle)) high = middle;
      else low = middle;
    }
    return high;
  }
  throw new ScienceError(
    'unreachable',
    `with a per-attempt success of ${formatForMessage(success)}, ${kMax} attempts (${rule.selection}) do not reach an accuracy of ${formatForMessage(accuracy)}`,
  );
}

/** Majority votes are checked attempt by attempt up to this many (saturation comes far earlier). */
const MAJORITY_SCAN_LIMIT = 10_001;

/** Per-attempt success p₁ = 1 − Err(L) of a model of loss L. */
export function successFromLoss(loss: number, mapping: LossToError): number {
  return 1 - mapping.epsilon + mapping.k * Math.exp(-mapping.gamma * loss);
}

/**
 * The loss whose per-attempt success is p₁: L = −ln((p₁ − 1 + ε)/k)/γ. Success at or below the
 * mapping's chance level 1 − ε needs no model at all, so it is refused as a target.
 */
export function lossForSuccess(success: number, mapping: LossToError): number {
  const gap = success - 1 + mapping.epsilon;
  if (!(gap > 0)) {
    throw new ScienceError(
      'unreachable',
      `a per-attempt success of ${formatForMessage(success, 4)} is at or below the mapping's chance level 1 − ε = ${formatForMessage(1 - mapping.epsilon, 4)}`,
    );
  }
  return -Math.log(gap / mapping.k) / mapping.gamma;
}

export type Selection = 'verifier' | 'imperfect-verifier' | 'majority';
export const SELECTIONS: readonly Selection[] = ['verifier', 'imperfect-verifier', 'majority'];

export interface SelectionRule {
  readonly selection: Selection;
  /** Brown et al. 2024's exponent a of pass@k = p₁^(k^−a); default 0.43 (range 0.08–0.46). */
  readonly coverageExponent: number;
  /** Probability that the imperfect verifier passes a wrong answer (Stroebl et al. 2024). */
  readonly falsePassRate: number;
}

/** Brown et al. 2024 (arXiv 2407.21787): with a cheap or oracle verifier, pass@k = p₁^(k^−a). */
export function verifiedAccuracy(success: number, k: number, exponent: number): number {
  return success ** (k ** -exponent);
}

/**
 * Stroebl et al. 2024: with a verifier that passes wrong answers at rate f, the first accepted of
 * k attempts is right with accuracy p/(p + f) · (1 − (1 − p − f)^k).
 */
export function imperfectlyVerifiedAccuracy(success: number, k: number, falsePassRate: number): number {
  const accepted = success + falsePassRate;
  return (success / accepted) * (1 - Math.max(0, 1 - accepted) ** k);
}

/**
 * Majority vote over k independent answers scored right or wrong (Condorcet's jury theorem): the
 * probability that more than half are right, ties split evenly. It saturates towards 1 (p₁ > ½)
 * or 0 (p₁ < ½) within about a hundred samples. Non-integer k is rounded up.
 */
export function majorityAccuracy(success: number, k: number): number {
  const n = Math.ceil(k);
  if (success <= 0 || success >= 1) return success <= 0 ? 0 : 1;
  const logP = Math.log(success);
  const logQ = Math.log(1 - success);
  let logChoose = 0; // ln C(n, 0)
  let total = 0;
  for (let j = 0; j <= n; j++) {
    if (j > 0) logChoose += Math.log(n - j + 1) - Math.log(j);
    const weight = 2 * j > n ? 1 : 2 * j === n ? 0.5 : 0;
    if (weight > 0) total += weight * Math.exp(logChoose + j * logP + (n - j) * logQ);
  }
  return Math.min(1, total);
}

/** Task accuracy of k attempts with per-attempt success p₁ under a selection rule. */
export function accuracyWithAttempts(success: number, k: number, rule: SelectionRule): number {
  requirePositive(k, 'k');
  if (rule.selection === 'verifier') return verifiedAccuracy(success, k, rule.coverageExponent);
  if (rule.selection === 'imperfect-verifier')
    return imperfectlyVerifiedAccuracy(success, k, rule.falsePassRate);
  return majorityAccuracy(success, k);
}

/** Bisection steps on p₁ ∈ (0, 1): 2^−200 is far below double precision. */
const BISECTION_STEPS = 200;

/**
 * The per-attempt success that k attempts need for a task accuracy (every rule is increasing in
 * p₁, so bisection finds it); throws `unreachable` when even p₁ → 1 falls short.
 */
export function successNeeded(accuracy: number, k: number, rule: SelectionRule): number {
  if (rule.selection === 'verifier') return accuracy ** (k ** rule.coverageExponent);
  if (accuracyWithAttempts(1 - 1e-15, k, rule) < accuracy) {
    throw new ScienceError(
      'unreachable',
      `an accuracy of ${formatForMessage(accuracy)} is out of reach with ${formatForMessage(k)} attempts`,
    );
  }
  let low = 0;
  let high = 1;
  for (let i = 0; i < BISECTION_STEPS && high - low > 1e-15; i++) {
    const middle = (low + high) / 2;
    if (accuracyWithAttempts(middle, k, rule) < accuracy) low = middle;
    else high = middle;
  }
  return high;
}
