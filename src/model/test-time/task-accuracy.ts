import { requirePositive, ScienceError, formatForMessage } from '../errors';
import { bisect } from '../numerics/bisect';

/**
 * Test-time compute through task accuracy (docs/science.md §4.2): per-attempt success p₁
 * from the model's loss, and what k attempts with a selection rule make of it.
 */

/**
 * Gadre et al. 2024 (arXiv 2403.08540): downstream top-1 error Err(L) = ε − k·exp(−γL), with the
 * domain the fit is trusted on. The fit is an extrapolation outside the losses it was fitted on, and
 * near its chance level 1 − ε (the error at infinite loss: a model that guesses) the pass@k and
 * majority formulas would make accuracy out of guessing; so an answer must lie inside the domain.
 */
export interface LossToError {
  readonly epsilon: number;
  readonly k: number;
  readonly gamma: number;
  /**
   * The losses [low, high] the mapping was fitted on. Absent: from the law's floor E up to the loss
   * at which success is only the least useful lift above chance (see accuracyDomain).
   */
  readonly lossRange?: readonly [number, number];
  /** The least per-attempt success above the chance level 1 − ε that counts; DEFAULT_MIN_LIFT when absent. */
  readonly minLift?: number;
}

/**
 * A model must beat chance by at least 5 points of per-attempt success: below that, a selection
 * rule turns a guesser into "accuracy" (with a verifier, pass@k of a model at chance reaches any
 * target). Gadre et al. kept only tasks on which their models were clearly above chance for the
 * same reason; 0.05 is a judgement of this app, not a fitted constant.
 */
export const DEFAULT_MIN_LIFT = 0.05;

/** Where a loss→accuracy mapping may be used: losses in [lowLoss, highLoss], success in [minSuccess, maxSuccess]. */
export interface AccuracyDomain {
  /** The lowest loss: the mapping's own lower end or the law's floor E, whichever is higher. */
  readonly lowLoss: number;
  /** True when lowLoss is the law's floor: only approached, by ever larger models. */
  readonly lowIsFloor: boolean;
  /** The highest loss: the mapping's upper end, or where success falls to chance + the least lift. */
  readonly highLoss: number;
  /** The chance level 1 − ε. */
  readonly chance: number;
  /** chance + the least useful lift. */
  readonly minSuccess: number;
  /** Success at lowLoss, the best any model in the domain has. */
  readonly maxSuccess: number;
}

/** The loss at which success is `lift` above chance: k·e^(−γL) = lift, so L = ln(k/lift)/γ. */
export function lossAtLift(mapping: LossToError, lift: number): number {
  return Math.log(mapping.k / lift) / mapping.gamma;
}

/**
 * The domain of a mapping under a law with floor E. Default loss range: Gadre et al. fitted on
 * their own testbed (0.011B–6.9B parameters on C4, RedPajama and RefinedWeb); this app cannot know
 * which fit the user's constants came from, so without an explicit `lossRange` the domain is
 * derived from the mapping itself: from the law's floor E (no model does better) to the loss at
 * which success is chance + the least lift. Throws `unreachable` when the domain is empty.
 */
export function accuracyDomain(mapping: LossToError, lawFloor: number): AccuracyDomain {
  const lift = mapping.minLift ?? DEFAULT_MIN_LIFT;
  const chance = 1 - mapping.epsilon;
  const [rangeLow, rangeHigh] = mapping.lossRange ?? [-Infinity, Infinity];
  const lowIsFloor = !(rangeLow > lawFloor);
  const lowLoss = lowIsFloor ? lawFloor : rangeLow;
  const highLoss = Math.min(rangeHigh, lossAtLift(mapping, lift));
  if (!(highLoss > lowLoss)) {
    throw new ScienceError(
      'unreachable',
      `no loss lies inside the accuracy mapping's domain: success reaches chance ${chance.toPrecision(4)} + the least lift ${lift} only below loss ${lossAtLift(mapping, lift).toPrecision(5)}, ` +
        `and the mapping's loss range and the law's floor ${lawFloor.toPrecision(5)} leave nothing below ${Math.min(rangeHigh, lossAtLift(mapping, lift)).toPrecision(5)} (change testTime.p1.lossRange or testTime.p1.minLift)`,
    );
  }
  return {
    lowLoss,
    lowIsFloor,
    highLoss,
    chance,
    minSuccess: successFromLoss(highLoss, mapping),
    maxSuccess: successFromLoss(lowLoss, mapping),
  };
}

/**
 * Rounding the work of an optimiser to whole attempts, in one place: a k within 1e-9 (relative) of
 * a whole number is that number (exp(ln 10) = 10.000000000000002 is 10 votes, not 11); any other
 * k is rounded up, since a fraction of an attempt cannot be made.
 */
export function wholeAttempts(k: number): number {
  const nearest = Math.round(k);
  return Math.abs(k - nearest) <= WHOLE_TOLERANCE * Math.max(1, nearest)
    ? Math.max(1, nearest)
    : Math.ceil(k);
}
const WHOLE_TOLERANCE = 1e-9;

/**
 * The best accuracy k ≤ k_max attempts make of per-attempt success p₁, and the k that makes it:
 * the verifier rules rise with k, so k_max; majority votes rise with (odd) k when p₁ > ½ and fall
 * when p₁ < ½, so the largest odd whole k ≤ k_max, or a single answer.
 */
export function bestAccuracy(
  success: number,
  rule: SelectionRule,
  kMax: number,
): { accuracy: number; k: number } {
  if (rule.selection !== 'majority') return { accuracy: accuracyWithAttempts(success, kMax, rule), k: kMax };
  if (success <= 0.5) return { accuracy: success, k: 1 };
  const votes = oddVotes(Math.floor(kMax + WHOLE_TOLERANCE * kMax));
  return { accuracy: majorityAccuracy(success, votes), k: votes };
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
 * whole, odd numbers (an even vote is worth exactly the odd one below it, see majorityAccuracy);
 * over odd n their accuracy rises steadily when p₁ > ½ (Condorcet), and so do the verifier rules
 * with k: bisection finds the least k either way, in at most ~60 evaluations whatever k_max is.
 */
export function fewestAttempts(success: number, accuracy: number, rule: SelectionRule, kMax: number): number {
  const reaches = (k: number) => accuracyWithAttempts(success, k, rule) >= accuracy;
  if (reaches(1)) return 1;
  if (rule.selection === 'majority') {
    const most = bestAccuracy(success, rule, kMax).k;
    if (most > 1 && reaches(most)) {
      // Odd votes 2i + 1 for i in (low, high]: the least i that reaches.
      let low = 0;
      let high = (most - 1) / 2;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (reaches(2 * middle + 1)) high = middle;
        else low = middle;
      }
      return 2 * high + 1;
    }
  } else if (reaches(kMax)) {
    return bisect(reaches, 1, kMax, 'the fewest attempts');
  }
  throw new ScienceError(
    'unreachable',
    `with a per-attempt success of ${formatForMessage(success)}, ${kMax} attempts (${rule.selection}) do not reach an accuracy of ${formatForMessage(accuracy)}`,
  );
}

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

/** The odd number of votes a vote of n is worth: an even vote is worth the odd one below it. */
function oddVotes(votes: number): number {
  return votes % 2 === 0 ? votes - 1 : votes;
}

/**
 * Work done by majorityAccuracy since the counters were last reset: calls, and binomial terms
 * summed. Instrumentation for tests that bound the algorithm's cost; nothing reads it otherwise.
 */
export const majorityWork = { evaluations: 0, terms: 0 };

/** Up to this many votes the binomial sum is exact; beyond, the normal approximation (see below). */
export const MAJORITY_EXACT_VOTES = 10_001;
/** A Hoeffding tail below this is taken as saturation: the accuracy is its limit to within it. */
const SATURATION = 1e-15;

/**
 * Majority vote over k independent answers scored right or wrong (Condorcet's jury theorem): the
 * probability that more than half are right, ties split evenly; k counts whole votes
 * (wholeAttempts). Work is bounded whatever k is:
 * - An even vote n = 2m is worth exactly the odd vote 2m − 1: the tied case of 2m splits evenly,
 *   and conditioning on the last vote, P(X₂ₘ > m) + ½P(X₂ₘ = m) = P(X₂ₘ₋₁ ≥ m). So n is made odd.
 * - Saturation (Hoeffding): P(X ≤ n/2) ≤ exp(−2n(p₁ − ½)²) when p₁ > ½, and symmetrically; once
 *   that bound is below 1e-15 the accuracy is 1 (or 0) to within it, at the cost of one exp.
 * - Otherwise, up to MAJORITY_EXACT_VOTES votes, the exact binomial tail (at most ~5,000 terms).
 * - Beyond, the normal approximation P(X ≥ (n+1)/2) ≈ Φ((p₁ − ½)√n / √(p₁q₁)), whose error is at
 *   most 0.4748(p₁² + q₁²)/√(n p₁ q₁) (Berry–Esseen, Shevtsova 2011's constant) + 7.5e-8 (the
 *   Φ below): outside saturation |p₁ − ½| < 0.042, so at most 0.0048 at 10,001 votes and shrinking as
 *   1/√n; the tests compare it with the exact sum where both can be computed.
 */
export function majorityAccuracy(success: number, k: number): number {
  majorityWork.evaluations++;
  if (success <= 0 || success >= 1) return success <= 0 ? 0 : 1;
  const n = oddVotes(wholeAttempts(k));
  if (n === 1) return success;
  const gap = success - 0.5;
  if (gap === 0) return 0.5;
  if (Math.exp(-2 * n * gap * gap) <= SATURATION) return gap > 0 ? 1 : 0;
  if (n > MAJORITY_EXACT_VOTES) return majorityNormalApproximation(success, n);
  return majorityExact(success, n);
}

/** P(X ≥ (n+1)/2) for X ~ Binomial(n, p₁), n odd, summed exactly in log space. */
export function majorityExact(success: number, n: number): number {
  const m = (n + 1) / 2;
  let logChoose = 0; // ln C(n, m) = Σ ln((n − m + i)/i)
  for (let i = 1; i <= m; i++) logChoose += Math.log((n - m + i) / i);
  const logRatio = Math.log(success / (1 - success));
  let logTerm = logChoose + m * Math.log(success) + (n - m) * Math.log(1 - success);
  let total = 0;
  let j = m;
  for (; j <= n; j++) {
    const term = Math.exp(logTerm);
    total += term;
    // Past the mode the terms shrink geometrically; stop once they no longer count.
    if (j > n * success && term < 1e-18 * total) break;
    logTerm += Math.log((n - j) / (j + 1)) + logRatio;
  }
  majorityWork.terms += m + (j - m + 1);
  return Math.min(1, total);
}

/** The normal approximation of majorityAccuracy for n votes (n odd); error bound in majorityAccuracy. */
export function majorityNormalApproximation(success: number, n: number): number {
  majorityWork.terms += 1;
  return standardNormalCdf(((success - 0.5) * Math.sqrt(n)) / Math.sqrt(success * (1 - success)));
}

/** Φ(z) by Abramowitz & Stegun 26.2.17: absolute error below 7.5e-8. */
function standardNormalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const poly =
    t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const upper = (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI)) * poly;
  return z >= 0 ? 1 - upper : upper;
}

/** Task accuracy of k attempts with per-attempt success p₁ under a selection rule. */
export function accuracyWithAttempts(success: number, k: number, rule: SelectionRule): number {
  requirePositive(k, 'k');
  if (rule.selection === 'verifier') return verifiedAccuracy(success, k, rule.coverageExponent);
  if (rule.selection === 'imperfect-verifier')
    return imperfectlyVerifiedAccuracy(success, k, rule.falsePassRate);
  return majorityAccuracy(success, k);
}

/** Absolute tolerance of the bisection on p₁ ∈ (0, 1): near double precision at p₁ ~ 1. */
const SUCCESS_TOLERANCE = 1e-15;

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
  return bisect(
    (p) => !(accuracyWithAttempts(p, k, rule) < accuracy),
    0,
    1,
    'the per-attempt success needed',
    {
      relativeTolerance: 0,
      absoluteTolerance: SUCCESS_TOLERANCE,
    },
  );
}
