/**
 * The user's planned models against the optimum (`plans` in a scenario), as tables and files show
 * them: `tradeoff solve`, and the app later.
 */
import { formatCount, formatDollars, formatPercent, formatRatio, formatScientific } from '../format/quantity';
import { CANDIDATE_IDS, type Objective, type PlanEvaluation } from '../model';

export const PLANS_TABLE_HEADER = [
  'your plan',
  'params',
  'tokens',
  'tokens/param',
  'loss',
  'reaches target',
  'lifetime objective',
  'vs optimum',
  'vs Chinchilla',
  'above cheapest of its quality',
] as const;

const signed = (share: number): string => `${share >= 0 ? '+' : ''}${formatPercent(share, 1)}`;

export function plansTableRows(plans: readonly PlanEvaluation[], objective: Objective): string[][] {
  const money = objective === 'cost' ? formatDollars : formatScientific;
  const metric = objective === 'cost' ? 'totalCost' : 'totalFlops';
  return plans.map(({ plan, candidate, loss, meetsTarget, extraAgainst, optimumAtItsLoss }) => [
    plan.k > 1 ? `${plan.name} (k = ${formatRatio(plan.k)})` : plan.name,
    formatCount(plan.params),
    formatCount(plan.tokens),
    formatRatio(candidate.tokensPerParam),
    loss.toPrecision(4),
    meetsTarget ? 'yes' : 'no',
    money(candidate[metric]),
    signed(extraAgainst[CANDIDATE_IDS.lifetime] ?? Number.NaN),
    signed(extraAgainst[CANDIDATE_IDS.chinchilla] ?? Number.NaN),
    optimumAtItsLoss ? signed(optimumAtItsLoss.overspend) : '—',
  ]);
}

/** What the table's columns mean, for under it. */
export const PLANS_NOTE =
  'vs optimum / vs Chinchilla: the plan’s lifetime objective against theirs (a plan that misses the target can be cheaper); above cheapest of its quality: against the lifetime-optimal model of the plan’s own loss';
