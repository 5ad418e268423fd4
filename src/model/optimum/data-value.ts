import type { Candidate } from './candidate';
import { lowestReachableLoss } from '../data/data-constrained';
import { ScienceError } from '../errors';
import { bisect } from '../numerics/bisect';
import type { Problem } from '../problem';
import { lifetimeOptimalCandidate } from './solve';

/** The search for the least sufficient unique data spans 1 to this many tokens (in ln U). */
const MOST_UNIQUE_TOKENS = 1e30;

/**
 * The least unique data from which some model, with any amount of repetition, reaches the target
 * loss (lowestReachableLoss falls as U grows, so bisection on ln U finds where it crosses).
 */
export function leastSufficientUniqueTokens(problem: Problem): number {
  const { law, targetLoss } = problem;
  if (lowestReachableLoss(law, MOST_UNIQUE_TOKENS) >= targetLoss) {
    throw new ScienceError('unreachable', `no amount of unique data reaches loss ${targetLoss}`);
  }
  return bisect(
    (uniqueTokens) => lowestReachableLoss(law, uniqueTokens) < targetLoss,
    1,
    MOST_UNIQUE_TOKENS,
    'the least sufficient unique data',
    { scale: 'log' },
  );
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
