import { ScienceError } from '../errors';
import { chinchillaLaw } from '../laws/chinchilla';
import type { ChinchillaConstants, ChinchillaLaw } from '../laws/types';
import type { Candidate } from '../optimum/candidate';
import { candidateOfPlan, sizePlanOf, type SizePlan } from '../optimum/size-plan';
import { solve, type Solution } from '../optimum/solve';
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
 * The point answer's models as plans (their sizes, and attempts per query), in the order of a
 * draw's candidates: what a planner would commit to on the point law, judged under each draw.
 */
export interface PointPlans {
  readonly lifetimeOptimal: SizePlan;
  readonly chinchillaOptimal: SizePlan;
  readonly baselines: readonly (SizePlan | null)[];
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
      /**
       * The point answer's plans trained to this draw's target under this draw's law; null where a
       * model of that size cannot reach it. Unlike the candidates above, which are re-optimised for
       * the draw (so the lifetime optimum never loses), these say how the choice made today fares.
       */
      readonly plans: {
        readonly lifetimeOptimal: DrawnCandidate | null;
        readonly chinchillaOptimal: DrawnCandidate | null;
        readonly baselines: readonly (DrawnCandidate | null)[];
      };
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
  const first = Math.max(0, from);
  const last = Math.min(to, draws.length);
  if (first >= last) return outcomes;
  // The fleet only adds each candidate's footprint (GPU-hours, energy, replica size), which no
  // optimum depends on and the percentiles leave out; without it a solve is about 5× faster.
  const { fleet: _footprintOnly, ...problem } = uncertain.problem;
  // One point solve per chunk: a few milliseconds against the chunk's draws.
  const plans = pointPlans(problem, solve(problem));
  for (let i = first; i < last; i++) {
    const constants = draws[i];
    if (constants) outcomes.push(solveDraw(problem, uncertain.target, plans, constants));
  }
  return outcomes;
}

/** The point solution's models as plans, baselines in the problem's rule order. */
export function pointPlans(problem: Problem, solution: Solution): PointPlans {
  const byRule = new Map<BaselineRule, Candidate>(solution.baselines.map((b) => [b.rule, b]));
  return {
    lifetimeOptimal: sizePlanOf(solution.lifetimeOptimal),
    chinchillaOptimal: sizePlanOf(solution.chinchillaOptimal),
    baselines: problem.baselines.map((rule) => {
      const baseline = byRule.get(rule);
      return baseline ? sizePlanOf(baseline) : null;
    }),
  };
}

function solveDraw(
  problem: Omit<UncertainProblem['problem'], 'fleet'>,
  target: Target,
  plans: PointPlans,
  constants: ChinchillaConstants,
): DrawOutcome {
  if (!isScalingLaw(constants)) return { kind: 'out-of-range' };
  const { id, label, source, evidence } = problem.law;
  const law = chinchillaLaw(constants, { id, label, source, ...(evidence ? { evidence } : {}) });
  try {
    const drawnProblem = { ...problem, law, targetLoss: targetLoss(law, target) };
    const solution = solve(drawnProblem);
    const trained = (plan: SizePlan | null): DrawnCandidate | null => {
      const candidate = plan ? planUnderDraw(drawnProblem, plan) : null;
      return candidate ? drawn(candidate) : null;
    };
    const byRule = new Map<BaselineRule, Candidate>(solution.baselines.map((b) => [b.rule, b]));
    return {
      kind: 'solved',
      lifetimeOptimal: drawn(solution.lifetimeOptimal),
      chinchillaOptimal: drawn(solution.chinchillaOptimal),
      baselines: problem.baselines.map((rule) => {
        const baseline = byRule.get(rule);
        return baseline ? drawn(baseline) : null;
      }),
      plans: {
        lifetimeOptimal: trained(plans.lifetimeOptimal),
        chinchillaOptimal: trained(plans.chinchillaOptimal),
        baselines: plans.baselines.map(trained),
      },
    };
  } catch (error) {
    if (error instanceof ScienceError && (error.code === 'unreachable' || error.code === 'out-of-range')) {
      return { kind: error.code };
    }
    throw error;
  }
}

/** The plan's model under the draw, or null when that size cannot reach the draw's target. */
function planUnderDraw(problem: Problem, plan: SizePlan): Candidate | null {
  try {
    return candidateOfPlan(problem, plan);
  } catch (error) {
    if (error instanceof ScienceError && error.code === 'unreachable') return null;
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
