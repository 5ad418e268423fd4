import { allocatorFor } from './allocator';
import { savingAgainst, type Candidate, type Saving } from './candidate';
import { ScienceError } from '../errors';
import type { Objective } from '../objective';
import type { Problem } from '../problem';
import type { Serving } from './candidate';
import type { Demand } from '../demand';
import { candidateAtK, optimalTestTimeCandidate, referenceAttempts, servedDemand } from './test-time';
import { solutionWarnings, type SolutionWarning } from '../warnings';

export interface BaselineCandidate extends Candidate {
  /** The tokens-per-parameter rule that defines this baseline. */
  readonly rule: number;
}

export interface Solution {
  readonly targetLoss: number;
  readonly objective: Objective;
  /** Whether the optimiser could buy test-time compute (a testTime section was given). */
  readonly usesTestTime: boolean;
  /** Minimises lifetime FLOPs or cost at the target loss (Sardana et al. 2024), choosing k too. */
  readonly lifetimeOptimal: Candidate;
  /**
   * The lifetime-optimal model without test-time compute (k = 1), or with the fewest attempts that
   * reach an accuracy target when one attempt cannot (its k then says how many).
   */
  readonly withoutTestTime: Candidate;
  /** The lifetime optimum with unlimited unique data, when the problem has a data limit: what the limit costs. */
  readonly withoutDataLimit: Candidate | null;
  /** Minimises training compute at the target loss (Hoffmann et al. 2022). */
  readonly chinchillaOptimal: Candidate;
  readonly baselines: readonly BaselineCandidate[];
  /** Tokens-per-parameter rules no model reaches the target with (under a data limit). */
  readonly unreachableBaselines: readonly number[];
  /** What the lifetime optimum saves against the Chinchilla optimum and each baseline. */
  readonly savings: {
    readonly withoutTestTime: Saving;
    readonly chinchillaOptimal: Saving;
    readonly baselines: readonly (Saving & { readonly rule: number })[];
  };
  /** Where the answer leaves the evidence or the possible, per candidate (warnings.ts). */
  readonly warnings: readonly SolutionWarning[];
}

/**
 * The lifetime optimum at k = 1 (the hot path of sweeps and charts), or at the fewest attempts
 * that reach an accuracy target one attempt cannot (referenceAttempts).
 */
export function withoutTestTimeCandidate(problem: Problem): Candidate {
  const k = referenceAttempts(problem);
  if (k > 1 && problem.testTime) return candidateAtK(problem, problem.testTime, k);
  const allocator = allocatorFor(problem);
  const excess = problem.law.excessForLoss(problem.targetLoss);
  return allocator.evaluate(allocator.lifetimeOptimal(excess, problem.demand), problem.demand);
}

/** The lifetime optimum, with the best test-time compute per query when the problem allows it. */
export function lifetimeOptimalCandidate(problem: Problem): Candidate {
  return problem.testTime
    ? optimalTestTimeCandidate(problem, problem.testTime)
    : withoutTestTimeCandidate(problem);
}

export function solve(problem: Problem): Solution {
  const { law } = problem;
  const allocator = allocatorFor(problem);
  const excess = law.excessForLoss(problem.targetLoss);
  const withoutTestTime = withoutTestTimeCandidate(problem);
  const lifetimeOptimal = problem.testTime ? lifetimeOptimalCandidate(problem) : withoutTestTime;
  // The comparison candidates spend the same attempts per query as the one without test-time compute.
  const { served, serving } = referenceServing(problem, withoutTestTime);
  const chinchillaOptimal = allocator.evaluate(allocator.computeOptimal(excess), served, serving);
  const baselines: BaselineCandidate[] = [];
  const unreachableBaselines: number[] = [];
  for (const rule of problem.baselines) {
    try {
      baselines.push({ rule, ...allocator.evaluate(allocator.fixedRatio(excess, rule), served, serving) });
    } catch (error) {
      if (!(error instanceof ScienceError && error.code === 'unreachable')) throw error;
      unreachableBaselines.push(rule);
    }
  }
  return {
    targetLoss: problem.targetLoss,
    objective: problem.objective,
    usesTestTime: problem.testTime !== undefined,
    lifetimeOptimal,
    withoutTestTime,
    withoutDataLimit: problem.data ? lifetimeOptimalCandidate(withoutData(problem)) : null,
    chinchillaOptimal,
    baselines,
    unreachableBaselines,
    savings: {
      withoutTestTime: savingAgainst(lifetimeOptimal, withoutTestTime),
      chinchillaOptimal: savingAgainst(lifetimeOptimal, chinchillaOptimal),
      baselines: baselines.map((baseline) => ({
        rule: baseline.rule,
        ...savingAgainst(lifetimeOptimal, baseline),
      })),
    },
    warnings: solutionWarnings(problem, { lifetimeOptimal, withoutTestTime, chinchillaOptimal, baselines }),
  };
}

/** The demand and serving of the comparison candidates: plain, or at the reference's attempts. */
function referenceServing(problem: Problem, reference: Candidate): { served: Demand; serving?: Serving } {
  const setup = problem.testTime;
  if (!setup || reference.k === 1) return { served: problem.demand };
  return {
    served: servedDemand(problem.demand, setup, reference.k),
    serving: {
      k: reference.k,
      effectiveLoss: reference.effectiveLoss,
      verifierFlops: setup.verifierFlopsPerSample * setup.requests * reference.k,
    },
  };
}

/** The same problem with unlimited unique data. */
function withoutData(problem: Problem): Problem {
  const { data: _limit, ...unlimited } = problem;
  return unlimited;
}
