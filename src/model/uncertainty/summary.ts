import type { Objective } from '../objective';
import type { BaselineRule } from '../problem';
import { baselineCandidateId, CANDIDATE_IDS } from '../warnings';
import { percentiles, type Percentiles } from './percentiles';
import type { DrawnCandidate, DrawOutcome } from './solve-draws';

/** A candidate's quantities over the draws in which it exists. */
export interface CandidateSpread {
  /** Draws the percentiles are taken over (those solved, and for a baseline those it reaches the target in). */
  readonly draws: number;
  readonly params: Percentiles;
  readonly tokens: Percentiles;
  readonly tokensPerParam: Percentiles;
  readonly totalFlops: Percentiles;
  readonly totalCost: Percentiles;
}

export interface UncertaintySummary {
  readonly draws: number;
  readonly seed: number;
  /** Draws solved: those the percentiles below are taken over. */
  readonly solved: number;
  readonly lifetimeOptimal: CandidateSpread | null;
  readonly chinchillaOptimal: CandidateSpread | null;
  readonly baselines: readonly ({ readonly rule: BaselineRule } & (
    CandidateSpread | { readonly draws: 0 }
  ))[];
  /**
   * Per alternative ("chinchilla", "baseline-20", …): the share of solved draws in which the point
   * answer's lifetime optimum, as a plan (its size, and its attempts per query), trained to the
   * draw's target under the draw's law, costs less over its life than the alternative's plan
   * trained the same way, by more than TIE_RELATIVE_TOLERANCE (a tie, e.g. at zero demand where both
   * are the Chinchilla optimum, is no win). A plan that cannot reach the draw's target loses; one
   * against an alternative that cannot reach it wins. Re-optimising each draw instead would make the
   * optimum win by construction: this is how today's choice fares when the law is not the point law.
   */
  readonly beatsShare: Readonly<Record<string, number>>;
  /**
   * Per alternative: the percentiles of the share of the objective the optimum's plan saves against
   * the alternative's plan, over the draws where both reach the target (negative: it costs more).
   */
  readonly saving: Readonly<Record<string, Percentiles>>;
  /** Share of solved draws in which a model of the optimum's size cannot reach the target at all. */
  readonly optimumFallsShortShare: number;
  /** Share of all draws in which the target is at or below the drawn law's floor. */
  readonly unreachableShare: number;
  /** Share of all draws that describe no scaling law (α or β not above 0) or an answer beyond double precision. */
  readonly outOfRangeShare: number;
}

/** Relative difference below which two objectives count as equal (solver tolerance is ~1e-12). */
export const TIE_RELATIVE_TOLERANCE = 1e-9;

/** Percentiles of every candidate, win shares and savings over the outcomes of all draws. */
export function summarizeDraws(
  outcomes: readonly DrawOutcome[],
  options: {
    readonly seed: number;
    readonly objective: Objective;
    readonly baselines: readonly BaselineRule[];
  },
): UncertaintySummary {
  const solved = outcomes.flatMap((outcome) => (outcome.kind === 'solved' ? [outcome] : []));
  const metric = options.objective === 'cost' ? 'totalCost' : 'totalFlops';
  type Solved = Extract<DrawOutcome, { kind: 'solved' }>;
  const alternatives: [string, (plans: Solved['plans']) => DrawnCandidate | null][] = [
    [CANDIDATE_IDS.chinchilla, (plans) => plans.chinchillaOptimal],
    ...options.baselines.map((rule, index): [string, (plans: Solved['plans']) => DrawnCandidate | null] => [
      baselineCandidateId(rule),
      (plans) => plans.baselines[index] ?? null,
    ]),
  ];
  const beatsShare: Record<string, number> = {};
  const saving: Record<string, Percentiles> = {};
  for (const [id, pick] of alternatives) {
    // An alternative the point answer has no model for (a baseline that cannot reach the point
    // target) has no plan to compare with.
    if (!solved.some(({ plans }) => pick(plans) !== null)) continue;
    let wins = 0;
    const savings: number[] = [];
    for (const { plans } of solved) {
      const optimum = plans.lifetimeOptimal;
      const alternative = pick(plans);
      if (!optimum) continue;
      if (!alternative) {
        wins++;
        continue;
      }
      const share = 1 - optimum[metric] / alternative[metric];
      savings.push(share);
      if (share > TIE_RELATIVE_TOLERANCE) wins++;
    }
    beatsShare[id] = wins / solved.length;
    if (savings.length > 0) saving[id] = percentiles(savings);
  }
  const count = (kind: DrawOutcome['kind']): number => outcomes.filter((o) => o.kind === kind).length;
  const share = (n: number): number => (outcomes.length === 0 ? 0 : n / outcomes.length);
  return {
    draws: outcomes.length,
    seed: options.seed,
    solved: solved.length,
    lifetimeOptimal: spread(solved.map((outcome) => outcome.lifetimeOptimal)),
    chinchillaOptimal: spread(solved.map((outcome) => outcome.chinchillaOptimal)),
    baselines: options.baselines.map((rule, index) => ({
      rule,
      ...(spread(solved.flatMap((outcome) => outcome.baselines[index] ?? [])) ?? { draws: 0 as const }),
    })),
    beatsShare,
    saving,
    optimumFallsShortShare:
      solved.length === 0 ? 0 : solved.filter(({ plans }) => !plans.lifetimeOptimal).length / solved.length,
    unreachableShare: share(count('unreachable')),
    outOfRangeShare: share(count('out-of-range')),
  };
}

function spread(candidates: readonly DrawnCandidate[]): CandidateSpread | null {
  if (candidates.length === 0) return null;
  const of = (key: keyof DrawnCandidate): Percentiles => percentiles(candidates.map((c) => c[key]));
  return {
    draws: candidates.length,
    params: of('params'),
    tokens: of('tokens'),
    tokensPerParam: of('tokensPerParam'),
    totalFlops: of('totalFlops'),
    totalCost: of('totalCost'),
  };
}
