import { requirePositive, requireRepresentable, ScienceError, formatForMessage } from '../errors';
import type { Allocation } from '../allocation';
import type { SeparableTerms } from '../laws/types';

/**
 * Allocations that reach a given excess a·N^−α + b·D^−β = Δ (see laws/types.ts), and the
 * training-compute-optimal ones (C = 6ND). Everything is evaluated in logarithms so that targets
 * close to the law's floor, whose models are astronomically large, neither overflow nor lose digits.
 */

/** Smallest N that can reach excess Δ with unlimited data: N_min = (a/Δ)^(1/α) (docs/science.md §2). */
export function minimumParams(terms: SeparableTerms, excess: number): number {
  return Math.exp((Math.log(terms.a) - Math.log(excess)) / terms.alpha);
}

/**
 * Training tokens that N parameters need to reach excess Δ: D(N) = (b / (Δ − a N^−α))^(1/β).
 * Throws `unreachable` when N ≤ N_min (no amount of data is enough).
 */
export function tokensForParams(terms: SeparableTerms, excess: number, params: number): number {
  requirePositive(params, 'params');
  const paramShare = terms.a * params ** -terms.alpha;
  const dataShare = excess - paramShare;
  if (!(dataShare > 0)) {
    throw new ScienceError(
      'unreachable',
      `a model of ${formatForMessage(params, 4)} parameters cannot reach this loss with any amount of data ` +
        `(it needs more than ${formatForMessage(minimumParams(terms, excess), 4)} parameters)`,
    );
  }
  return requireRepresentable(
    Math.exp((Math.log(terms.b) - Math.log(dataShare)) / terms.beta),
    'the training tokens needed',
  );
}

/**
 * Training-compute-optimal model for excess Δ (Hoffmann et al. 2022, arXiv 2203.15556, Eq. 4;
 * docs/science.md §2):
 * N = (a(α+β)/(βΔ))^(1/α), D = (b(α+β)/(αΔ))^(1/β). There a N^−α = Δβ/(α+β) and b D^−β = Δα/(α+β).
 */
export function computeOptimalForExcess(terms: SeparableTerms, excess: number): Allocation {
  const { a, alpha, b, beta } = terms;
  const logSum = Math.log(alpha + beta);
  const logExcess = Math.log(excess);
  return {
    params: requireRepresentable(
      Math.exp((Math.log(a) + logSum - Math.log(beta) - logExcess) / alpha),
      'the compute-optimal parameter count',
    ),
    tokens: requireRepresentable(
      Math.exp((Math.log(b) + logSum - Math.log(alpha) - logExcess) / beta),
      'the compute-optimal token count',
    ),
  };
}

/**
 * Training-compute-optimal model for a budget of C = 6ND FLOPs (Hoffmann et al. 2022, Eq. 4):
 * N = G (C/6)^(β/(α+β)), D = G^−1 (C/6)^(α/(α+β)), with G = (αa/(βb))^(1/(α+β)).
 */
export function computeOptimalForBudget(terms: SeparableTerms, flops: number): Allocation {
  requirePositive(flops, 'training FLOPs');
  const { a, alpha, b, beta } = terms;
  const sum = alpha + beta;
  const logG = (Math.log(alpha * a) - Math.log(beta * b)) / sum;
  const logProduct = Math.log(flops / 6);
  return {
    params: requireRepresentable(
      Math.exp(logG + (beta / sum) * logProduct),
      'the compute-optimal parameter count',
    ),
    tokens: requireRepresentable(
      Math.exp((alpha / sum) * logProduct - logG),
      'the compute-optimal token count',
    ),
  };
}

/** Excess of the compute-optimal model with N parameters: Δ = a N^−α (α+β)/β (inverts the above). */
export function computeOptimalExcessForParams(terms: SeparableTerms, params: number): number {
  requirePositive(params, 'params');
  return (terms.a * params ** -terms.alpha * (terms.alpha + terms.beta)) / terms.beta;
}

/** Excess a·N^−α + b·D^−β of a model. */
export function excessOf(terms: SeparableTerms, model: Allocation): number {
  return terms.a * model.params ** -terms.alpha + terms.b * model.tokens ** -terms.beta;
}
