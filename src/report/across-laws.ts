/**
 * One scenario under every law (src/scenario/across-laws.ts) as tables and files show it:
 * `tradeoff laws`, and the app's comparison later.
 */
import { formatCount, formatDollars, formatPercent, formatRatio, formatScientific } from '../format/quantity';
import type { Objective } from '../model';
import type { LawComparison } from '../scenario/across-laws';

export const LAWS_TABLE_HEADER = [
  'law',
  'target loss',
  'optimum',
  'tokens',
  'tokens/param',
  'lifetime objective',
  'saves vs Chinchilla',
  'Chinchilla-optimal',
] as const;

export function lawsTableRows(comparison: LawComparison, objective: Objective): string[][] {
  const money = objective === 'cost' ? formatDollars : formatScientific;
  const metric = objective === 'cost' ? 'totalCost' : 'totalFlops';
  return comparison.laws.map(({ lawId, own, result }) => {
    const name = own ? `${lawId} (this scenario’s)` : lawId;
    if (!result.ok) return [name, 'no answer', '', '', '', '', '', ''];
    const { lifetimeOptimal: optimum, chinchillaOptimal: chinchilla } = result;
    return [
      name,
      result.targetLoss.toPrecision(4),
      `${formatCount(optimum.params)}${result.extrapolates ? ' (extrapolated)' : ''}`,
      formatCount(optimum.tokens),
      formatRatio(optimum.tokensPerParam),
      money(optimum[metric]),
      formatPercent(result.saving, 1),
      formatCount(chinchilla.params),
    ];
  });
}

/** Why a law has no answer, one line each, for under the table. */
export function lawsNotes(comparison: LawComparison): string[] {
  return comparison.laws.flatMap(({ lawId, result }) => (result.ok ? [] : [`${lawId}: ${result.reason}`]));
}

export const LAWS_CSV_HEADER = [
  'law',
  'own',
  'targetLoss',
  'params',
  'tokens',
  'tokensPerParam',
  'totalFlops',
  'totalCost',
  'savingVsChinchilla',
  'extrapolates',
  'chinchillaParams',
  'chinchillaTokens',
  'reason',
] as const;

export function lawsCsvRows(comparison: LawComparison): (string | number | null)[][] {
  return comparison.laws.map(({ lawId, own, result }) =>
    result.ok
      ? [
          lawId,
          String(own),
          result.targetLoss,
          result.lifetimeOptimal.params,
          result.lifetimeOptimal.tokens,
          result.lifetimeOptimal.tokensPerParam,
          result.lifetimeOptimal.totalFlops,
          result.lifetimeOptimal.totalCost,
          result.saving,
          String(result.extrapolates),
          result.chinchillaOptimal.params,
          result.chinchillaOptimal.tokens,
          null,
        ]
      : [lawId, String(own), ...Array<null>(10).fill(null), result.reason],
  );
}
