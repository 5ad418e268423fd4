import { allocatorFor } from './allocator';
import { savingAgainst, type Candidate, type Saving } from './candidate';
import { ScienceError } from '../errors';
import type { Objective } from '../objective';
import type { LawForm } from '../laws/types';
import type { BaselineRule, Problem } from '../problem';
import { optimalTestTimeCandidate } from './test-time';

export interface BaselineCandidate extends Candidate {
  /** The rule that defines this baseline: a tokens-per-parameter ratio, or `kaplan2020`. */
  readonly rule: BaselineRule;
}

export interface Solution {
  readonly targetLoss: number;
  /**
   * The law's form. Under the Kaplan form, `chinchillaOptimal` is the C = 6ND optimum of Kaplan's
   * L(N, D) (N ∝ C^0.556), not Kaplan et al.'s published allocation (N ∝ C^0.73, the `kaplan2020` baseline).
   */
  readonly lawForm: LawForm;
  readonly objective: Objective;
  /** Whether the optimiser could buy test-time compute (a testTime section was given). */
  readonly usesTestTime: boolean;
  /** Minimises lifetime FLOPs or cost at the target loss (Sardana et al. 2024), choosing k too. */
  readonly lifetimeOptimal: Candidate;
  /** The lifetime-optimal model without test-time compute (k = 1). */
  readonly withoutTestTime: Candidate;
  /** The lifetime optimum with unlimited unique data, when the problem has a data limit: what the limit costs. */
  readonly withoutDataLimit: Candidate | null;
  /** Minimises training compute at the target loss (Hoffmann et al. 2022). */
  readonly chinchillaOptimal: Candidate;
  readonly baselines: readonly BaselineCandidate[];
  /** Baseline rules no model reaches the target with (under a data limit). */
  readonly unreachableBaselines: readonly BaselineRule[];
  /** What the lifetime optimum saves against the Chinchilla optimum and each baseline. */
  readonly savings: {
    readonly withoutTestTime: Saving;
    readonly chinchillaOptimal: Saving;
    readonly baselines: readonly (Saving & { readonly rule: BaselineRule })[];
  };
}

/** The lifetime optimum at k = 1: the hot path of sweeps and charts. */
export function withoutTestTimeCandidate(problem: Problem): Candidate {
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
  const { law, demand } = problem;
  const allocator = allocatorFor(problem);
  const excess = law.excessForLoss(problem.targetLoss);
  const withoutTestTime = withoutTestTimeCandidate(problem);
  const lifetimeOptimal = problem.testTime ? lifetimeOptimalCandidate(problem) : withoutTestTime;
  const chinchillaOptimal = allocator.evaluate(allocator.computeOptimal(excess), demand);
  const baselines: BaselineCandidate[] = [];
  const unreachableBaselines: BaselineRule[] = [];
  for (const rule of problem.baselines) {
    try {
      const model =
        rule === 'kaplan2020' ? allocator.kaplanAllocation(excess) : allocator.fixedRatio(excess, rule);
      baselines.push({ rule, ...allocator.evaluate(model, demand) });
    } catch (error) {
      if (!(error instanceof ScienceError && error.code === 'unreachable')) throw error;
      unreachableBaselines.push(rule);
    }
  }
  return {
    targetLoss: problem.targetLoss,
    lawForm: law.form,
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
  };
}

/** The same problem with unlimited unique data. */
function withoutData(problem: Problem): Problem {
  const { data: _limit, ...unlimited } = problem;
  return unlimited;
}
