import { requireRepresentable, ScienceError } from '../errors';
import type { Allocation } from '../allocation';
import type { SeparableTerms } from '../laws/types';
import type { BaselineRule } from '../problem';
import { monotoneNewton } from '../numerics/newton';

/**
 * Kaplan et al. 2020's compute-efficient allocation (arXiv 2001.08361, §6.1, Figure 14, Table 6):
 *   N_opt = 1.3e9 · C_min^0.73 non-embedding parameters,  D_opt = 2e10 · C_min^0.27 tokens,
 * with C_min in PF-days (1 PF-day = 8.64e19 FLOPs). It comes from their learning-curve fit L(N, S)
 * and the critical batch size, not from their L(N, D): minimising that law's loss under C = 6ND
 * gives N growing as C^(1/1.8) ≈ C^0.556 instead (the kaplan2020 law's own compute-optimal point).
 *
 * Both published fits are used as printed, parametrised by C_min. They are not tied by C = 6ND:
 * 6 · 1.3e9 · 2e10 = 1.56e20 FLOPs per PF-day of C_min, 1.8× the 8.64e19 in it. This matches Kaplan's
 * own accounting (their §5.1): C_min is the compute at a batch far below the critical batch size, while
 * training at B_crit = 2e6 · C_min^0.24 tokens (Table 6) takes twice the minimum steps
 * (S_min = 5.4e3 · C_min^0.03) and about 2 C_min of compute, and processes
 * 2 · B_crit · S_min = 2.16e10 · C_min^0.27 ≈ D_opt tokens. Taking D = C_min / (6N) instead would give
 * 1.8× fewer tokens than the D_opt Kaplan print. The candidate's training FLOPs are 6ND, like every
 * other candidate's.
 */
/** The baseline rule (scenario `baselines` entry) that stands for this allocation. */
export const KAPLAN_BASELINE = 'kaplan2020' satisfies BaselineRule;

export const KAPLAN_ALLOCATION = {
  paramsCoefficient: 1.3e9,
  paramsExponent: 0.73,
  tokensCoefficient: 2e10,
  tokensExponent: 0.27,
  flopsPerPfDay: 8.64e19,
} as const;

/** ln N and ln D along the curve as functions of u = ln(C_min / PF-day). */
const LOG_PARAMS_0 = Math.log(KAPLAN_ALLOCATION.paramsCoefficient);
const LOG_TOKENS_0 = Math.log(KAPLAN_ALLOCATION.tokensCoefficient);

/** The model on the curve at u = ln(C_min / PF-day). */
export function kaplanAllocationAtLog(logPfDays: number): Allocation {
  const k = KAPLAN_ALLOCATION;
  return {
    params: requireRepresentable(
      Math.exp(LOG_PARAMS_0 + k.paramsExponent * logPfDays),
      'the parameter count on Kaplan’s allocation curve',
    ),
    tokens: requireRepresentable(
      Math.exp(LOG_TOKENS_0 + k.tokensExponent * logPfDays),
      'the token count on Kaplan’s allocation curve',
    ),
  };
}

/** Where on the curve (u = ln(C_min / PF-day)) the model has N parameters. */
export function kaplanLogPfDaysForParams(params: number): number {
  return (Math.log(params) - LOG_PARAMS_0) / KAPLAN_ALLOCATION.paramsExponent;
}

/**
 * The model on Kaplan's allocation curve that reaches excess Δ under a separable law: the root of
 *   G(u) = ln(a N(u)^−α + b D(u)^−β) − ln Δ,   ln N(u) = ln 1.3e9 + 0.73 u,   ln D(u) = ln 2e10 + 0.27 u.
 * Both N and D grow with u, so G is decreasing; it is a log-sum-exp of linear functions of u, so
 * convex. As for a fixed ratio, starting where the larger term alone equals Δ puts the start left of
 * the root, and Newton's iterates rise to it monotonically.
 */
export function kaplanAllocationForExcess(terms: SeparableTerms, excess: number): Allocation {
  const { a, alpha, b, beta } = terms;
  const slopeA = alpha * KAPLAN_ALLOCATION.paramsExponent;
  const slopeB = beta * KAPLAN_ALLOCATION.tokensExponent;
  const logA = Math.log(a) - alpha * LOG_PARAMS_0;
  const logB = Math.log(b) - beta * LOG_TOKENS_0;
  const logExcess = Math.log(excess);
  if (!Number.isFinite(logExcess)) {
    throw new ScienceError('out-of-range', 'the target loss is too close to the law’s floor to solve for');
  }
  const start = Math.max((logA - logExcess) / slopeA, (logB - logExcess) / slopeB);
  const logPfDays = monotoneNewton(
    start,
    (u) => {
      const p = Math.exp(logA - slopeA * u - logExcess);
      const q = Math.exp(logB - slopeB * u - logExcess);
      return (Math.log(p + q) * (p + q)) / -(slopeA * p + slopeB * q);
    },
    'the Kaplan-allocation solve',
  );
  return kaplanAllocationAtLog(logPfDays);
}
