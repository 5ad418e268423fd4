import { allocatorFor } from './allocator';
import type { Candidate } from './candidate';
import { minimumParams } from './compute-optimal';
import { ScienceError } from '../errors';
import type { Problem } from '../problem';

/**
 * Every model of the problem's target loss at the given sizes, with its lifetime bill: the data
 * behind "lifetime cost against model size" and the iso-loss curve. Sizes at or below N_min, which
 * no amount of data brings to the target, are left out rather than reported as infinite.
 */
export function candidatesAlongIsoLoss(problem: Problem, paramsValues: readonly number[]): Candidate[] {
  const allocator = allocatorFor(problem);
  const excess = problem.law.excessForLoss(problem.targetLoss);
  const candidates: Candidate[] = [];
  for (const params of paramsValues) {
    let tokens: number;
    try {
      tokens = allocator.tokensFor(excess, params);
    } catch (error) {
      if (error instanceof ScienceError && error.code === 'unreachable') continue;
      throw error;
    }
    candidates.push(allocator.evaluate({ params, tokens }, problem.demand));
  }
  return candidates;
}

/** The smallest model that can reach the problem's target loss with unlimited data. */
export function minimumParamsForTarget(problem: Problem): number {
  return minimumParams(problem.law.terms, problem.law.excessForLoss(problem.targetLoss));
}
