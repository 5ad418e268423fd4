/**
 * The one way from a valid scenario to its answer, shared by `tradeoff solve`, `tradeoff validate`
 * and the app's results, so that a file that validates also solves, and a file refused is refused
 * by every host with the same message.
 */
import {
  evaluatePlan,
  ScienceError,
  solve,
  type Candidate,
  type PlanEvaluation,
  type Problem,
  type Solution,
} from '../model';
import { formatForMessage } from '../model/errors';
import { problemFromScenario } from './resolve';
import type { Scenario } from './types';

export interface SolvedScenario {
  readonly problem: Problem;
  readonly solution: Solution;
  /** The scenario's planned models, each against the solution, in the file's order. */
  readonly plans: readonly PlanEvaluation[];
}

/**
 * Resolves the scenario into the engine's problem and solves it. Throws the engine's explained
 * ScienceError when it cannot, and also when an answer holds a number that is not finite (an
 * extreme law or demand can overflow a quantity the engine does not check), which no host may show.
 */
export function solveScenario(scenario: Scenario): SolvedScenario {
  const problem = problemFromScenario(scenario);
  const solution = solve(problem);
  const candidates: [string, Candidate | null][] = [
    ['lifetime-optimal model', solution.lifetimeOptimal],
    ['model without test-time compute', solution.withoutTestTime],
    ['model with unlimited data', solution.withoutDataLimit],
    ['Chinchilla-optimal model', solution.chinchillaOptimal],
    ...solution.baselines.map((baseline): [string, Candidate] => [`baseline ${baseline.rule}`, baseline]),
  ];
  for (const [label, candidate] of candidates) {
    const overflow = candidate ? nonFiniteQuantity(candidate) : undefined;
    if (overflow) {
      const [quantity, value] = overflow;
      throw new ScienceError(
        'out-of-range',
        `the ${label}'s ${quantity} is ${formatForMessage(value)}; the law's constants or the demand are too extreme to compute with`,
      );
    }
  }
  const plans = (scenario.plans ?? []).map((plan) =>
    evaluatePlan(problem, solution, {
      name: plan.name,
      params: plan.params,
      tokens: plan.tokens,
      k: plan.k ?? 1,
    }),
  );
  for (const { plan, candidate } of plans) {
    const overflow = nonFiniteQuantity(candidate);
    if (overflow) {
      throw new ScienceError(
        'out-of-range',
        `plan "${plan.name}"'s ${overflow[0]} is ${formatForMessage(overflow[1])}; its size or tokens are too extreme to compute with`,
      );
    }
  }
  return { problem, solution, plans };
}

/** The first quantity of a candidate that is not a finite number, with its value. */
function nonFiniteQuantity(candidate: Candidate): [string, number] | undefined {
  for (const [quantity, value] of Object.entries(candidate)) {
    if (typeof value === 'number' && !Number.isFinite(value)) return [quantity, value];
  }
  return undefined;
}
