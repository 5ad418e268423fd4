import { allocatorFor } from './allocator';
import type { Candidate } from './candidate';
import type { Problem } from '../problem';
import { candidateOfSizeAtK } from './test-time';

/**
 * What a planner commits to before the law is known: a model size, and with test-time compute the
 * attempts per query. The training tokens are not part of it: they are whatever brings a model of
 * this size to the target, which depends on the law (and is found by training until the target
 * loss is reached).
 */
export interface SizePlan {
  readonly params: number;
  readonly k: number;
}

export function sizePlanOf(candidate: Candidate): SizePlan {
  return { params: candidate.params, k: candidate.k };
}

/**
 * The plan's model under the problem's law: trained to the target (at the plan's k, what the
 * target allows there) and billed over its life. Throws `unreachable` when a model of this size
 * cannot reach the target under this law.
 */
export function candidateOfPlan(problem: Problem, plan: SizePlan): Candidate {
  if (problem.testTime) return candidateOfSizeAtK(problem, problem.testTime, plan.params, plan.k);
  const allocator = allocatorFor(problem);
  const excess = problem.law.excessForLoss(problem.targetLoss);
  return allocator.evaluate(
    { params: plan.params, tokens: allocator.tokensFor(excess, plan.params) },
    problem.demand,
  );
}
