import { requirePositive, requireRepresentable } from '../errors';
import type { Allocation } from '../allocation';
import type { SeparableTerms } from '../laws/types';
import { monotoneNewton } from '../numerics/newton';

/**
 * The model with a fixed tokens-per-parameter ratio r = D/N (Chinchilla's rule of thumb 20,
 * LLaMA-1 7B's ~142, Llama 3 8B's ~1,875) that reaches excess Δ: the root of
 *   G(u) = ln(a e^(−αu) + b r^(−β) e^(−βu)) − ln Δ,   u = ln N.
 * G is a log-sum-exp of linear functions, so it is convex and decreasing; starting where the larger
 * of the two terms alone equals Δ puts the start left of the root, and Newton's iterates rise to it
 * monotonically.
 */
export function fixedRatioForExcess(
  terms: SeparableTerms,
  excess: number,
  tokensPerParam: number,
): Allocation {
  requirePositive(tokensPerParam, 'tokens per parameter');
  const { a, alpha, beta } = terms;
  const logA = Math.log(a);
  const logC = Math.log(terms.b) - beta * Math.log(tokensPerParam);
  const logExcess = Math.log(excess);
  const start = Math.max((logA - logExcess) / alpha, (logC - logExcess) / beta);
  const logParams = monotoneNewton(
    start,
    (u) => {
      const p = Math.exp(logA - alpha * u - logExcess);
      const q = Math.exp(logC - beta * u - logExcess);
      return (Math.log(p + q) * (p + q)) / -(alpha * p + beta * q);
    },
    'the fixed-ratio solve',
  );
  const params = requireRepresentable(Math.exp(logParams), 'the parameter count');
  return { params, tokens: requireRepresentable(params * tokensPerParam, 'the token count') };
}
