import { ScienceError } from '../errors';
import { chinchillaLaw } from '../laws/chinchilla';
import type { ChinchillaConstants, ChinchillaLaw } from '../laws/types';
import type { Candidate } from '../optimum/candidate';
import { solve } from '../optimum/solve';
import type { BaselineRule, Problem } from '../problem';
import { targetLoss, type Target } from '../target';

/**
 * A problem whose law is uncertain: the problem as solved with the point law, and the target as the
 * user gave it, re-evaluated under each drawn law (a reference model's or a budget's loss moves
 * with the law; a target loss stays fixed).
 */
export interface UncertainProblem {
  readonly problem: Problem & { readonly law: ChinchillaLaw };
  readonly target: Target;
}

/** What a draw's solve gives for one candidate: the numbers the percentiles are taken of. */
export interface DrawnCandidate {
  readonly params: number;
  readonly tokens: number;
  readonly tokensPerParam: number;
  readonly totalFlops: number;
  readonly totalCost: number;
}

/**
 * One draw's outcome: its candidates, or why it has none. `unreachable`: the target loss is at or
 * below the drawn law's floor E (or otherwise out of the law's reach); `out-of-range`: the drawn
 * constants describe no scaling law (α or β not above 0) or an answer beyond what the engine
 * represents.
 */
export type DrawOutcome =
  | {
      readonly kind: 'solved';
      readonly lifetimeOptimal: DrawnCandidate;
      readonly chinchillaOptimal: DrawnCandidate;
      /** One per baseline rule of the problem, in its order; null where the rule cannot reach the target. */
      readonly baselines: readonly (DrawnCandidate | null)[];
    }
  | { readonly kind: 'unreachable' | 'out-of-range' };

/**
 * Solves draws `from` (inclusive) to `to` (exclusive) of `draws`: for each, the whole solve
 * (lifetime optimum, Chinchilla optimum, baselines) under the drawn law with the target
 * re-evaluated. A pure function of its arguments, so that a Web Worker can run the draws in chunks
 * and report progress between them.
 */
export function solveDraws(
  uncertain: UncertainProblem,
  draws: readonly ChinchillaConstants[],
  from: number,
  to: number,
): DrawOutcome[] {
  const outcomes: DrawOutcome[] = [];
  for (let i = Math.max(0, from); i < Math.min(to, draws.length); i++) {
    const constants = draws[i];
    if (constants) outcomes.push(solveDraw(uncertain, constants));
  }
  return outcomes;
}

function solveDraw(uncertain: UncertainProblem, constants: ChinchillaConstants): DrawOutcome {
  // The fleet only adds each candidate's footprint (GPU-hours, energy, replica size), which no
  // optimum depends on and the percentiles leave out; without it a solve is about 5× faster.
  const { fleet: _footprintOnly, ...problem } = uncertain.problem;
  const { target } = uncertain;
  if (!isScalingLaw(constants)) return { kind: 'out-of-range' };
  const { id, label, source, evidence } = problem.law;
  const law = chinchillaLaw(constants, { id, label, source, ...(evidence ? { evidence } : {}) });
  try {
    const solution = solve({ ...problem, law, targetLoss: targetLoss(law, target) });
    const byRule = new Map<BaselineRule, Candidate>(solution.baselines.map((b) => [b.rule, b]));
    return {
      kind: 'solved',
      lifetimeOptimal: drawn(solution.lifetimeOptimal),
      chinchillaOptimal: drawn(solution.chinchillaOptimal),
      baselines: problem.baselines.map((rule) => {
        const baseline = byRule.get(rule);
        return baseline ? drawn(baseline) : null;
      }),
    };
  } catch (error) {
    if (error instanceof ScienceError && (error.code === 'unreachable' || error.code === 'out-of-range')) {
      return { kind: error.code };
    }
    throw error;
  }
}

/** Positive, finite constants (a wide covariance may draw α ≤ 0, or overflow e^ln B). */
function isScalingLaw({ A, B, E, alpha, beta }: ChinchillaConstants): boolean {
  return (
    [A, B, alpha, beta].every((value) => Number.isFinite(value) && value > 0) && Number.isFinite(E) && E >= 0
  );
}

function drawn(candidate: Candidate): DrawnCandidate {
  const { params, tokens, tokensPerParam, totalFlops, totalCost } = candidate;
  return { params, tokens, tokensPerParam, totalFlops, totalCost };
}
