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
   * Per alternative ("chinchilla", "baseline-20", …): the share of solved draws in which the
   * lifetime optimum's objective is lower than the alternative's by more than TIE_RELATIVE_TOLERANCE
   * (a tie, e.g. at zero demand where both are the Chinchilla optimum, is no win).
   */
  readonly beatsShare: Readonly<Record<string, number>>;
  /** Per alternative: the percentiles of the share of the objective the lifetime optimum saves against it. */
  readonly saving: Readonly<Record<string, Percentiles>>;
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
  const alternatives: [string, (outcome: (typeof solved)[number]) => DrawnCandidate | null][] = [
    [CANDIDATE_IDS.chinchilla, (outcome) => outcome.chinchillaOptimal],
    ...options.baselines.map(
      (rule, index): [string, (outcome: (typeof solved)[number]) => DrawnCandidate | null] => [
        baselineCandidateId(rule),
        (outcome) => outcome.baselines[index] ?? null,
      ],
    ),
  ];
  const beatsShare: Record<string, number> = {};
  const saving: Record<string, Percentiles> = {};
  for (const [id, pick] of alternatives) {
    const savings = solved.flatMap((outcome) => {
      const alternative = pick(outcome);
      return alternative ? [1 - outcome.lifetimeOptimal[metric] / alternative[metric]] : [];
    });
    if (savings.length === 0) continue;
    beatsShare[id] = savings.filter((share) => share > TIE_RELATIVE_TOLERANCE).length / savings.length;
    saving[id] = percentiles(savings);
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
