import { evaluateCandidate, type Candidate } from './candidate';
import { minimumParams, tokensForParams } from './compute-optimal';
import type { Problem } from './solve';

/**
 * Every model of the problem's target loss at the given sizes, with its lifetime bill: the data
 * behind "lifetime cost against model size" and the iso-loss curve. Sizes at or below N_min, which
 * no amount of data brings to the target, are left out rather than reported as infinite.
 */
export function candidatesAlongIsoLoss(problem: Problem, paramsValues: readonly number[]): Candidate[] {
  const { law, demand, rates } = problem;
  const excess = law.excessForLoss(problem.targetLoss);
  const floor = minimumParams(law.terms, excess);
  const candidates: Candidate[] = [];
  for (const params of paramsValues) {
    if (!(params > floor)) continue;
    const tokens = tokensForParams(law.terms, excess, params);
    candidates.push(evaluateCandidate(law, { params, tokens }, demand, rates));
  }
  return candidates;
}

/** The smallest model that can reach the problem's target loss with unlimited data. */
export function minimumParamsForTarget(problem: Problem): number {
  return minimumParams(problem.law.terms, problem.law.excessForLoss(problem.targetLoss));
}
