import { ScienceError } from '../errors';
import { chinchillaLaw } from '../laws/chinchilla';
import type { ChinchillaConstants } from '../laws/types';
import type { Candidate } from '../optimum/candidate';
import { candidatesAlongIsoLoss } from '../optimum/iso-loss';
import type { Objective } from '../objective';
import { targetLoss } from '../target';
import { percentiles, type Percentiles } from './percentiles';
import type { UncertainProblem } from './solve-draws';

/** The spread of the models of one size that reach the target, over the drawn laws. */
export interface BandPoint {
  readonly params: number;
  /** Share of all draws in which this size reaches the target (those the percentiles are taken over). */
  readonly reachedShare: number;
  /** Percentiles of the lifetime objective (dollars or FLOPs), or null when no draw reaches the target here. */
  readonly objective: Percentiles | null;
  /** Percentiles of the training tokens this size needs to reach the target, or null likewise. */
  readonly tokens: Percentiles | null;
}

/** The bands behind "lifetime cost against model size" and the iso-loss curve, size by size. */
export interface IsoLossBands {
  readonly draws: number;
  readonly objective: Objective;
  readonly points: readonly BandPoint[];
}

/**
 * For each model size, the p10/p50/p90 over the drawn laws of its lifetime objective and of the
 * training tokens it needs to reach the target, each draw re-evaluating the target as solveDraws
 * does (a target loss stays fixed; a reference model's or a budget's loss moves with the law).
 * A draw that brings a size to the target counts for that size only: sizes at or below the drawn
 * law's smallest feasible size, and every size of a draw that describes no scaling law or cannot
 * reach the target at all, are left out of the percentiles and of `reachedShare`.
 */
export function isoLossBands(
  uncertain: UncertainProblem,
  draws: readonly ChinchillaConstants[],
  sizes: readonly number[],
): IsoLossBands {
  const metric = uncertain.problem.objective === 'cost' ? 'totalCost' : 'totalFlops';
  const objectives: number[][] = sizes.map(() => []);
  const tokens: number[][] = sizes.map(() => []);
  for (const constants of draws) {
    const curve = curveOfDraw(uncertain, constants, sizes);
    // candidatesAlongIsoLoss keeps the sizes' order and skips the infeasible ones: walk both lists.
    let next = 0;
    sizes.forEach((params, index) => {
      const candidate = curve[next];
      if (candidate?.params !== params) return;
      objectives[index]?.push(candidate[metric]);
      tokens[index]?.push(candidate.tokens);
      next++;
    });
  }
  return {
    draws: draws.length,
    objective: uncertain.problem.objective,
    points: sizes.map((params, index) => {
      const reached = objectives[index] ?? [];
      return {
        params,
        reachedShare: draws.length === 0 ? 0 : reached.length / draws.length,
        objective: reached.length > 0 ? percentiles(reached) : null,
        tokens: reached.length > 0 ? percentiles(tokens[index] ?? []) : null,
      };
    }),
  };
}

/** The models of the (re-evaluated) target along the sizes under one drawn law; none when it has none. */
function curveOfDraw(
  uncertain: UncertainProblem,
  constants: ChinchillaConstants,
  sizes: readonly number[],
): Candidate[] {
  // The fleet only adds each model's footprint (GPU-hours, energy), which no band shows.
  const { fleet: _footprintOnly, ...problem } = uncertain.problem;
  const { id, label, source, evidence } = problem.law;
  try {
    // chinchillaLaw refuses constants that describe no scaling law (α ≤ 0, an overflowed B, …).
    const law = chinchillaLaw(constants, { id, label, source, ...(evidence ? { evidence } : {}) });
    return candidatesAlongIsoLoss({ ...problem, law, targetLoss: targetLoss(law, uncertain.target) }, sizes);
  } catch (error) {
    if (error instanceof ScienceError && error.code !== 'no-convergence') return [];
    throw error;
  }
}
