import { allocatorFor } from './allocator';
import type { Candidate } from './candidate';
import { dataConstrainedExcess } from '../data/data-constrained';
import { ScienceError } from '../errors';
import type { Objective } from '../objective';
import type { Problem } from '../problem';
import { excessOf } from './compute-optimal';
import { solve, type Solution } from './solve';
import { modelAtK } from './test-time';
import { baselineCandidateId, CANDIDATE_IDS } from '../warnings';

/** A model the user intends to train: its size, its training tokens and, with test-time compute, k. */
export interface PlannedModel {
  readonly name: string;
  readonly params: number;
  readonly tokens: number;
  /** Attempts per query; 1 without test-time compute. */
  readonly k: number;
}

/** Relative slack for "reaches the target": a plan typed from a printed optimum is not refused for rounding. */
export const TARGET_RELATIVE_SLACK = 1e-9;

export interface PlanEvaluation {
  readonly plan: PlannedModel;
  /** The plan's own bill over the scenario's lifetime demand (served at its k). */
  readonly candidate: Candidate;
  /** The plan's loss under the scenario's law. */
  readonly loss: number;
  /** Whether the plan is good enough: its loss (at its k, what k buys) reaches the scenario's target. */
  readonly meetsTarget: boolean;
  /**
   * Per candidate of the solution ("lifetime", "chinchilla", "baseline-20", …): how much more the
   * plan costs in the objective, as a share of that candidate's (negative: the plan is cheaper,
   * which a plan can only be by missing the target).
   */
  readonly extraAgainst: Readonly<Record<string, number>>;
  /**
   * The cheapest model of the plan's own quality (the lifetime optimum at its loss) and the share
   * the plan spends above it: what the plan's allocation of N and D costs, whatever its quality.
   * Null with a task-accuracy target, where the loss is not the target.
   */
  readonly optimumAtItsLoss: { readonly candidate: Candidate; readonly overspend: number } | null;
}

function metricOf(objective: Objective): (candidate: Candidate) => number {
  return objective === 'cost' ? (c) => c.totalCost : (c) => c.totalFlops;
}

/**
 * How a planned model compares with the solution of its problem: its loss, its lifetime bill, and
 * how far it is from the optimum, from the Chinchilla optimum and from each baseline, in the
 * problem's objective (docs/science.md §13).
 */
export function evaluatePlan(problem: Problem, solution: Solution, plan: PlannedModel): PlanEvaluation {
  const { law } = problem;
  const model = { params: plan.params, tokens: plan.tokens };
  // Under a data limit, tokens beyond the unique data are repeats, worth less (Muennighoff et al. 2023).
  const excess = problem.data
    ? dataConstrainedExcess(law.terms, plan.params, plan.tokens, problem.data.uniqueTokens)
    : excessOf(law.terms, model);
  const loss = law.lossForExcess(excess);
  const { candidate, allowedExcess } = problem.testTime
    ? modelAtK(problem, problem.testTime, model, plan.k)
    : {
        candidate: allocatorFor(problem).evaluate(model, problem.demand),
        allowedExcess: law.excessForLoss(problem.targetLoss),
      };
  const metric = metricOf(problem.objective);
  const extra = (other: Candidate) => metric(candidate) / metric(other) - 1;
  const extraAgainst: Record<string, number> = {
    [CANDIDATE_IDS.lifetime]: extra(solution.lifetimeOptimal),
    [CANDIDATE_IDS.chinchilla]: extra(solution.chinchillaOptimal),
  };
  for (const baseline of solution.baselines)
    extraAgainst[baselineCandidateId(baseline.rule)] = extra(baseline);
  return {
    plan,
    candidate,
    loss,
    meetsTarget: excess <= allowedExcess * (1 + TARGET_RELATIVE_SLACK),
    extraAgainst,
    optimumAtItsLoss: optimumAtLoss(problem, loss, candidate),
  };
}

function optimumAtLoss(
  problem: Problem,
  loss: number,
  candidate: Candidate,
): PlanEvaluation['optimumAtItsLoss'] {
  if (problem.testTime?.benefit.model === 'accuracy') return null;
  try {
    const optimum = solve({ ...problem, targetLoss: loss }).lifetimeOptimal;
    const metric = metricOf(problem.objective);
    return { candidate: optimum, overspend: metric(candidate) / metric(optimum) - 1 };
  } catch (error) {
    // A plan beyond what the unique data allows has no optimum of its quality to compare with.
    if (error instanceof ScienceError && error.code === 'unreachable') return null;
    throw error;
  }
}
