import { allocatorFor } from './allocator';
import { requireModelInRange, savingAgainst, type Candidate, type Saving, type Serving } from './candidate';
import { formatForMessage, ScienceError } from '../errors';
import type { Objective } from '../objective';
import type { LawForm } from '../laws/types';
import type { BaselineRule, Problem } from '../problem';
import type { Demand } from '../demand';
import { candidateAtK, optimalTestTimeCandidate, referenceAttempts, servedDemand } from './test-time';
import { solutionWarnings, type SolutionWarning } from '../warnings';

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
  /** Baseline rules no model reaches the target with (under a data limit). */
  readonly unreachableBaselines: readonly BaselineRule[];
  /** What the lifetime optimum saves against the Chinchilla optimum and each baseline. */
  readonly savings: {
    readonly withoutTestTime: Saving;
    readonly chinchillaOptimal: Saving;
    readonly baselines: readonly (Saving & { readonly rule: BaselineRule })[];
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

/**
 * Runs one candidate's solve, telling the user which scenario field to change when its answer is
 * beyond what the engine represents (an `out-of-range` error).
 */
function inRange<T>(change: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (
      error instanceof ScienceError &&
      error.code === 'out-of-range' &&
      !error.message.includes('; change ')
    ) {
      throw new ScienceError('out-of-range', `${error.message}; change ${change}`);
    }
    throw error;
  }
}

/** What to change when the model for the target itself is out of range. */
function targetAdvice(problem: Problem): string {
  const { law } = problem;
  return `target: aim for a loss further above ${law.floorName} (${formatForMessage(law.floor, 4)}) of law ${law.id}`;
}

export function solve(problem: Problem): Solution {
  const { law } = problem;
  const allocator = allocatorFor(problem);
  const excess = inRange(targetAdvice(problem), () => law.excessForLoss(problem.targetLoss));
  // The Chinchilla optimum depends on the target alone: if it is out of range, the target is to
  // blame, whatever the demand (so it is checked first).
  const chinchillaModel = inRange(targetAdvice(problem), () => {
    const model = allocator.computeOptimal(excess);
    requireModelInRange(model);
    return model;
  });
  const demandAdvice = 'demand: fewer lifetime tokens (or a target further above the law’s floor)';
  const withoutTestTime = inRange(demandAdvice, () => withoutTestTimeCandidate(problem));
  const lifetimeOptimal = problem.testTime
    ? inRange(`${demandAdvice}, or testTime.kMax`, () => lifetimeOptimalCandidate(problem))
    : withoutTestTime;
  // The comparison candidates spend the same attempts per query as the one without test-time compute.
  const { served, serving } = referenceServing(problem, withoutTestTime);
  const chinchillaOptimal = inRange(targetAdvice(problem), () =>
    allocator.evaluate(chinchillaModel, served, serving),
  );
  const baselines: BaselineCandidate[] = [];
  const unreachableBaselines: BaselineRule[] = [];
  problem.baselines.forEach((rule, index) => {
    try {
      const model = inRange(`baselines[${index}]`, () =>
        rule === 'kaplan2020' ? allocator.kaplanAllocation(excess) : allocator.fixedRatio(excess, rule),
      );
      baselines.push({
        rule,
        ...inRange(`baselines[${index}]`, () => allocator.evaluate(model, served, serving)),
      });
    } catch (error) {
      if (!(error instanceof ScienceError && error.code === 'unreachable')) throw error;
      unreachableBaselines.push(rule);
    }
  });
  return {
    targetLoss: problem.targetLoss,
    lawForm: law.form,
    objective: problem.objective,
    usesTestTime: problem.testTime !== undefined,
    lifetimeOptimal,
    withoutTestTime,
    withoutDataLimit: problem.data
      ? inRange(demandAdvice, () => lifetimeOptimalCandidate(withoutData(problem)))
      : null,
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
