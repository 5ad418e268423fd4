import { ScienceError, requirePositive, requireRepresentable, formatForMessage } from '../errors';
import type { LossLaw, SeparableTerms } from '../laws/types';

/**
 * Data-constrained scaling (Muennighoff et al. 2023, "Scaling Data-Constrained Language Models",
 * arXiv 2305.16264, Eq. 5 and §3; reference code: huggingface/datablations README, "Parametric Fit").
 * With U unique tokens and D ≥ U training tokens (R_D = D/U − 1 repetitions), repeated tokens are
 * worth less and decay with a half-life-like constant R_D*:
 *   D' = U + U · R_D* · (1 − exp(−R_D / R_D*)).
 * Parameters beyond U_N = min(N, N_opt(U)), the compute-optimal size for U tokens, are discounted
 * the same way with R_N* (R_N = N/U_N − 1), and the loss law is evaluated at (N', D').
 *
 * Unique tokens U may be `Infinity` (unlimited data): then D' = D, N' = N and every function reduces
 * to the unconstrained law. The caps `maxEffectiveTokens`, `maxEffectiveParams` and
 * `computeOptimalParamsForTokens` are then `Infinity` too: the only infinite results, and only for
 * an infinite input.
 *
 * U > D (more unique data than is trained on): the reference code asserts U ≤ D. Here D' = D (no
 * token is repeated), while U_N keeps using the U available, so the law is continuous in D, never
 * lower for less unique data, and equal to the unconstrained law whenever D ≤ U and N ≤ N_opt(U)
 * (in particular as U → ∞).
 */

export interface RepetitionConstants {
  /** R_D*: how many repetitions of the unique data are still worth 1 − 1/e of fresh data. */
  readonly rDStar: number;
  /** R_N*: the same for parameters in excess of the compute-optimal size for U. */
  readonly rNStar: number;
  readonly source: string;
}

/**
 * Muennighoff et al. 2023's fitted decay constants (arXiv 2305.16264, Eq. 5 fit on C4; the
 * datablations README gives rd_star = 15.387756, rn_star = 5.309743). They were fitted together with
 * the `muennighoff2023` loss-law preset; using them with another law is an assumption.
 */
export const MUENNIGHOFF_REPETITION: RepetitionConstants = {
  rDStar: 15.387756,
  rNStar: 5.309743,
  source: 'Muennighoff et al. 2023, arXiv 2305.16264, Eq. 5 (C4 fit; huggingface/datablations README)',
};

/** Throws `invalid-argument` unless U is a number above 0 (`Infinity` meaning unlimited data). */
function requireUnique(unique: number): number {
  if (!(unique > 0)) {
    throw new ScienceError(
      'invalid-argument',
      `unique tokens must be above 0 or Infinity (got ${formatForMessage(unique)})`,
    );
  }
  return unique;
}

/**
 * The value of `base` plus R repetitions of it, decaying with constant R*:
 * base · (1 + R* · (1 − exp(−R/R*))) (Muennighoff et al. 2023, Eq. 5). At most base · (1 + R*).
 */
export function repeatedValue(base: number, repetitions: number, rStar: number): number {
  return base * (1 + rStar * -Math.expm1(-repetitions / rStar));
}

/** Epochs over the unique data: D / U. */
export function epochs(tokens: number, uniqueTokens: number): number {
  return requirePositive(tokens, 'tokens') / requireUnique(uniqueTokens);
}

/** Effective data D' = U + U·R_D*·(1 − exp(−R_D/R_D*)), R_D = D/U − 1; D' = D when D ≤ U. */
export function effectiveTokens(
  tokens: number,
  uniqueTokens: number,
  constants: RepetitionConstants = MUENNIGHOFF_REPETITION,
): number {
  requirePositive(tokens, 'tokens');
  requireUnique(uniqueTokens);
  if (tokens <= uniqueTokens) return tokens;
  return repeatedValue(uniqueTokens, tokens / uniqueTokens - 1, constants.rDStar);
}

/**
 * No amount of repetition is worth more than U · (1 + R_D*) fresh tokens (Muennighoff et al. 2023,
 * Eq. 5; docs/science.md §6).
 */
export function maxEffectiveTokens(
  uniqueTokens: number,
  constants: RepetitionConstants = MUENNIGHOFF_REPETITION,
): number {
  return requireUnique(uniqueTokens) * (1 + constants.rDStar);
}

/**
 * Tokens D that are worth D' effective tokens (inverse of `effectiveTokens`):
 * D = U · (1 + R_D), R_D = −R_D* · ln(1 − (D'/U − 1)/R_D*); D = D' when D' ≤ U.
 * Throws `unreachable` when D' ≥ U·(1 + R_D*).
 */
export function tokensForEffectiveTokens(
  effective: number,
  uniqueTokens: number,
  constants: RepetitionConstants = MUENNIGHOFF_REPETITION,
): number {
  requirePositive(effective, 'effective tokens');
  requireUnique(uniqueTokens);
  if (effective <= uniqueTokens) return effective;
  const share = (effective / uniqueTokens - 1) / constants.rDStar;
  if (!(share < 1)) {
    throw new ScienceError(
      'unreachable',
      `${formatForMessage(effective, 4)} effective tokens need more than any repetition of ${formatForMessage(uniqueTokens, 4)} ` +
        `unique tokens gives (at most ${formatForMessage(maxEffectiveTokens(uniqueTokens, constants), 4)})`,
    );
  }
  const repetitions = -constants.rDStar * Math.log1p(-share);
  return requireRepresentable(uniqueTokens * (1 + repetitions), 'the training tokens needed');
}

/**
 * The compute-optimal parameter count whose compute-optimal data is D tokens:
 * N_opt(D) = G · (D · G)^(β/α), G = (αa / (βb))^(1/(α+β)) (Hoffmann et al. 2022, Eq. 4, solved for
 * N given D; the datablations reference code's `D_to_N`). Evaluated in logarithms.
 */
export function computeOptimalParamsForTokens(terms: SeparableTerms, tokens: number): number {
  requireUnique(tokens);
  if (tokens === Infinity) return Infinity;
  const { a, alpha, b, beta } = terms;
  const logG = (Math.log(alpha * a) - Math.log(beta * b)) / (alpha + beta);
  return Math.exp(logG + (beta / alpha) * (Math.log(tokens) + logG));
}

/** U_N = min(N, N_opt(U)): the parameters U unique tokens can use at full value. */
export function baseParams(terms: SeparableTerms, params: number, uniqueTokens: number): number {
  return Math.min(requirePositive(params, 'params'), computeOptimalParamsForTokens(terms, uniqueTokens));
}

/** Effective parameters N' = U_N + U_N·R_N*·(1 − exp(−R_N/R_N*)), R_N = N/U_N − 1 (Muennighoff Eq. 5). */
export function effectiveParams(
  terms: SeparableTerms,
  params: number,
  uniqueTokens: number,
  constants: RepetitionConstants = MUENNIGHOFF_REPETITION,
): number {
  const base = baseParams(terms, params, uniqueTokens);
  if (base === params) return params;
  return repeatedValue(base, params / base - 1, constants.rNStar);
}

/** No number of parameters is worth more than N_opt(U) · (1 + R_N*) with U unique tokens. */
export function maxEffectiveParams(
  terms: SeparableTerms,
  uniqueTokens: number,
  constants: RepetitionConstants = MUENNIGHOFF_REPETITION,
): number {
  return computeOptimalParamsForTokens(terms, uniqueTokens) * (1 + constants.rNStar);
}

/** The excess a·N'^−α + b·D'^−β of a data-constrained model. */
export function dataConstrainedExcess(
  terms: SeparableTerms,
  params: number,
  tokens: number,
  uniqueTokens: number,
  constants: RepetitionConstants = MUENNIGHOFF_REPETITION,
): number {
  const n = effectiveParams(terms, params, uniqueTokens, constants);
  const d = effectiveTokens(tokens, uniqueTokens, constants);
  return terms.a * n ** -terms.alpha + terms.b * d ** -terms.beta;
}

/**
 * L(N, D, U): the law evaluated at the effective parameters and data (Muennighoff et al. 2023,
 * Eq. 5). With the `muennighoff2023` preset this is the reference code's `scaling_law(N, D, U)`.
 */
export function dataConstrainedLoss(
  law: LossLaw,
  params: number,
  tokens: number,
  uniqueTokens: number,
  constants: RepetitionConstants = MUENNIGHOFF_REPETITION,
): number {
  return law.lossForExcess(dataConstrainedExcess(law.terms, params, tokens, uniqueTokens, constants));
}

/**
 * The lowest loss reachable with U unique tokens at any N and D: the law at N' = N_opt(U)·(1 + R_N*)
 * and D' = U·(1 + R_D*), approached but never reached. The law's floor for unlimited data.
 */
export function lowestReachableLoss(
  law: LossLaw,
  uniqueTokens: number,
  constants: RepetitionConstants = MUENNIGHOFF_REPETITION,
): number {
  const { a, alpha, b, beta } = law.terms;
  const n = maxEffectiveParams(law.terms, uniqueTokens, constants);
  const d = maxEffectiveTokens(uniqueTokens, constants);
  return law.lossForExcess(a * n ** -alpha + b * d ** -beta);
}

/**
 * Training tokens an N-parameter model needs to reach `loss` with U unique tokens. Closed form, no
 * iteration: the effective data needed is D' = (b / (Δ − a N'^−α))^(1/β), turned back into tokens by
 * `tokensForEffectiveTokens`. Throws `unreachable` when the loss is at or below the law's floor,
 * when N' is too small for any data, or when even infinite repetition of U cannot supply D'.
 */
export function dataConstrainedTokensForLoss(
  law: LossLaw,
  params: number,
  uniqueTokens: number,
  loss: number,
  constants: RepetitionConstants = MUENNIGHOFF_REPETITION,
): number {
  const excess = law.excessForLoss(loss);
  const { a, alpha, b, beta } = law.terms;
  const n = effectiveParams(law.terms, params, uniqueTokens, constants);
  const dataShare = excess - a * n ** -alpha;
  if (!(dataShare > 0)) {
    const worth =
      n < params
        ? ` (worth ${formatForMessage(n, 4)} with ${formatForMessage(uniqueTokens, 4)} unique tokens)`
        : '';
    throw new ScienceError(
      'unreachable',
      `a model of ${formatForMessage(params, 4)} parameters${worth} cannot reach loss ${formatForMessage(loss)} with any amount of data`,
    );
  }
  const effective = requireRepresentable(
    Math.exp((Math.log(b) - Math.log(dataShare)) / beta),
    'the effective training tokens needed',
  );
  if (effective >= maxEffectiveTokens(uniqueTokens, constants)) {
    throw new ScienceError(
      'unreachable',
      `loss ${formatForMessage(loss)} at ${formatForMessage(params, 4)} parameters needs ${formatForMessage(effective, 4)} effective tokens, ` +
        `more than any repetition of ${formatForMessage(uniqueTokens, 4)} unique tokens gives ` +
        `(at most ${formatForMessage(maxEffectiveTokens(uniqueTokens, constants), 4)}, U · (1 + R_D*))`,
    );
  }
  return tokensForEffectiveTokens(effective, uniqueTokens, constants);
}
