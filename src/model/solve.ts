import { evaluateCandidate, savingAgainst, type Candidate, type Saving } from './candidate';
import { computeOptimalForExcess } from './compute-optimal';
import type { CostRates } from './costs';
import type { Demand } from './demand';
import { fixedRatioForExcess } from './fixed-ratio';
import type { LossLaw } from './laws/types';
import { lifetimeOptimalForExcess } from './lifetime';
import { effectiveDemandTokens, type Objective } from './objective';

/** Everything the solvers need, resolved from a scenario (see scenario/resolve.ts). */
export interface Problem {
  readonly law: LossLaw;
  readonly targetLoss: number;
  readonly demand: Demand;
  readonly objective: Objective;
  readonly rates: CostRates;
  /** Tokens-per-parameter rules to compare against, e.g. [20, 142, 1875]. */
  readonly baselines: readonly number[];
}

export interface BaselineCandidate extends Candidate {
  /** The tokens-per-parameter rule that defines this baseline. */
  readonly rule: number;
}

export interface Solution {
  readonly targetLoss: number;
  readonly objective: Objective;
  /** Minimises lifetime FLOPs or cost at the target loss (Sardana et al. 2024). */
  readonly lifetimeOptimal: Candidate;
  /** Minimises training compute at the target loss (Hoffmann et al. 2022). */
  readonly chinchillaOptimal: Candidate;
  readonly baselines: readonly BaselineCandidate[];
  /** What the lifetime optimum saves against the Chinchilla optimum and each baseline. */
  readonly savings: {
    readonly chinchillaOptimal: Saving;
    readonly baselines: readonly (Saving & { readonly rule: number })[];
  };
}

/** The lifetime optimum alone: the hot path of sweeps and charts. */
export function lifetimeOptimalCandidate(problem: Problem): Candidate {
  const { law, demand } = problem;
  const excess = law.excessForLoss(problem.targetLoss);
  const effectiveDemand = effectiveDemandTokens(problem.objective, demand, problem.rates);
  return evaluateCandidate(
    law,
    lifetimeOptimalForExcess(law.terms, excess, effectiveDemand),
    demand,
    problem.rates,
  );
}

export function solve(problem: Problem): Solution {
  const { law, demand, rates } = problem;
  const excess = law.excessForLoss(problem.targetLoss);
  const lifetimeOptimal = lifetimeOptimalCandidate(problem);
  const chinchillaOptimal = evaluateCandidate(law, computeOptimalForExcess(law.terms, excess), demand, rates);
  const baselines = problem.baselines.map((rule) => ({
    rule,
    ...evaluateCandidate(law, fixedRatioForExcess(law.terms, excess, rule), demand, rates),
  }));
  return {
    targetLoss: problem.targetLoss,
    objective: problem.objective,
    lifetimeOptimal,
    chinchillaOptimal,
    baselines,
    savings: {
      chinchillaOptimal: savingAgainst(lifetimeOptimal, chinchillaOptimal),
      baselines: baselines.map((baseline) => ({
        rule: baseline.rule,
        ...savingAgainst(lifetimeOptimal, baseline),
      })),
    },
  };
}
