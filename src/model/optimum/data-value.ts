import type { Candidate } from './candidate';
import { lowestReachableLoss } from '../data/data-constrained';
import { ScienceError } from '../errors';
import type { Problem } from '../problem';
import { lifetimeOptimalCandidate } from './solve';

/** Bisection steps on ln U: far below double precision over any sensible range. */
const BISECTION_STEPS = 200;

/**
 * The least unique data from which some model, with any amount of repetition, reaches the target
 * loss (lowestReachableLoss falls as U grows, so bisection on ln U finds where it crosses).
 */
export function leastSufficientUniqueTokens(problem: Problem): number {
  const { law, targetLoss } = problem;
  let low = Math.log(1);
  let high = Math.log(1e30);
  if (lowestReachableLoss(law, Math.exp(high)) >= targetLoss) {
    throw new ScienceError('unreachable', `no amount of unique data reaches loss ${targetLoss}`);
  }
  for (let i = 0; i < BISECTION_STEPS && high - low > 1e-12 * Math.abs(high); i++) {
    const middle = (low + high) / 2;
    if (lowestReachableLoss(law, Math.exp(middle)) < targetLoss) high = middle;
    else low = middle;
  }
  return Math.exp(high);
}

export interface DataValuePoint {
  readonly uniqueTokens: number;
  readonly lifetimeOptimal: Candidate;
}

/**
 * The lifetime optimum at each amount of unique data: what another trillion unique tokens is
 * worth. Amounts that cannot reach the target are left out.
 */
export function costAgainstUniqueData(problem: Problem, uniqueTokens: readonly number[]): DataValuePoint[] {
  return uniqueTokens.flatMap((amount) => {
    try {
      return [
        {
          uniqueTokens: amount,
          lifetimeOptimal: lifetimeOptimalCandidate({ ...problem, data: { uniqueTokens: amount } }),
        },
      ];
    } catch (error) {
      if (error instanceof ScienceError && error.code === 'unreachable') return [];
      throw error;
    }
  });
}
