import { requireNonNegative, requireRepresentable } from '../errors';
import type { Allocation } from '../allocation';
import { computeOptimalForExcess } from './compute-optimal';
import type { SeparableTerms } from '../laws/types';
import { monotoneNewton } from '../numerics/newton';

/**
 * Lifetime-optimal model (Sardana et al. 2024, arXiv 2401.00448, §3): minimise 6ND + 2NT subject
 * to a N^−α + b D^−β = Δ, for T lifetime inference tokens (already converted to training-FLOP
 * equivalents when the objective is cost, see objective.ts).
 *
 * The optimality condition αaN^−α / (βbD^−β) = 1 + T/(3D) (Sardana et al. 2024, §3; derivation in
 * docs/science.md §3.2) has a closed form in r = T/(3D): the excess splits into shares
 * x = β(1+r)/(α+β(1+r)) on N and y = α/(α+β(1+r)) on D, and D = (b/(Δy))^(1/β). Substituting D back into r = T/(3D) leaves one equation in s = ln r:
 *   ψ(s) = s + ln(α + β + β e^s)/β − C₀ = 0,   C₀ = ln(T/3) + (ln Δ + ln α − ln b)/β.
 * ψ is increasing and convex with slope in [1, 1 + 1/β], so it has exactly one root, and the two
 * linear lower bounds of ψ give a start at or right of it, from which Newton descends monotonically.
 * Unlike the reference code's Newton iteration on N from a fixed start, this cannot diverge.
 */
export function lifetimeOptimalForExcess(
  terms: SeparableTerms,
  excess: number,
  demandTokens: number,
): Allocation {
  requireNonNegative(demandTokens, 'lifetime inference tokens');
  if (demandTokens === 0) return computeOptimalForExcess(terms, excess);
  const { a, alpha, b, beta } = terms;
  const logExcess = Math.log(excess);
  const c0 = Math.log(demandTokens / 3) + (logExcess + Math.log(alpha) - Math.log(b)) / beta;
  const sum = alpha + beta;
  const start = Math.min(c0 - Math.log(sum) / beta, (c0 - Math.log(beta) / beta) / (1 + 1 / beta));
  const s = monotoneNewton(
    start,
    (x) => {
      const r = Math.exp(x);
      const inner = sum + beta * r;
      return (x + Math.log(inner) / beta - c0) / (1 + r / inner);
    },
    'the lifetime-optimal solve',
  );
  const weight = sum + beta * Math.exp(s);
  const paramShare = (weight - alpha) / weight;
  const dataShare = alpha / weight;
  return {
    params: requireRepresentable(
      Math.exp((Math.log(a) - logExcess - Math.log(paramShare)) / alpha),
      'the lifetime-optimal parameter count',
    ),
    tokens: requireRepresentable(
      Math.exp((Math.log(b) - logExcess - Math.log(dataShare)) / beta),
      'the lifetime-optimal token count',
    ),
  };
}

/** Relative precision to which the optimality condition's ratio can be told from 1. */
const RATIO_PRECISION = 1e-12;

/**
 * Lifetime inference tokens at which a model (N, D) is exactly lifetime-optimal for its own loss:
 * solving the optimality condition for T gives T = 3D(αaN^−α / (βbD^−β) − 1). The subtraction is
 * ill-conditioned near the compute-optimal model, so a ratio within RATIO_PRECISION of 1 counts as
 * compute-optimal (T = 0). A model trained on fewer tokens than that is optimal for no demand: `null`.
 */
export function breakEvenDemand(terms: SeparableTerms, model: Allocation): number | null {
  const { a, alpha, b, beta } = terms;
  const shareRatio = (alpha * a * model.params ** -alpha) / (beta * b * model.tokens ** -beta);
  if (Math.abs(shareRatio - 1) <= RATIO_PRECISION) return 0;
  const demand = 3 * model.tokens * (shareRatio - 1);
  return demand > 0 && Number.isFinite(demand) ? demand : null;
}
