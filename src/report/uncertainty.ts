import {
  baselineCandidateId,
  CANDIDATE_IDS,
  type CandidateSpread,
  type Percentiles,
  type UncertaintySummary,
} from '../model';
import { formatCount, formatDollars, formatPercent, formatRatio, formatScientific } from '../format/quantity';
import { baselineLabel } from './candidates';

/**
 * The uncertainty of a solution as tables and files show it (`tradeoff solve --uncertainty`, and
 * the app's report later): each candidate's percentiles over the drawn laws.
 */

/** A candidate of the summary with its stable id (as in solutionCsvRows) and label. */
interface SpreadRow {
  readonly id: string;
  readonly label: string;
  readonly spread: CandidateSpread | null;
}

function spreadRows(summary: UncertaintySummary): SpreadRow[] {
  return [
    { id: CANDIDATE_IDS.lifetime, label: 'Lifetime-optimal', spread: summary.lifetimeOptimal },
    { id: CANDIDATE_IDS.chinchilla, label: 'Chinchilla-optimal', spread: summary.chinchillaOptimal },
    ...summary.baselines.map((baseline) => ({
      id: baselineCandidateId(baseline.rule),
      label: baselineLabel(baseline.rule),
      spread: 'params' in baseline ? baseline : null,
    })),
  ];
}

/** The JSON under `uncertainty`: the summary with each baseline labelled like the solution's. */
export interface UncertaintyReport extends Omit<UncertaintySummary, 'baselines'> {
  readonly baselines: readonly (UncertaintySummary['baselines'][number] & { readonly label: string })[];
}

export function uncertaintyReport(summary: UncertaintySummary): UncertaintyReport {
  return {
    ...summary,
    baselines: summary.baselines.map((baseline) => ({ label: baselineLabel(baseline.rule), ...baseline })),
  };
}

const range = (p: Percentiles, format: (value: number) => string): string =>
  `${format(p.p10)} / ${format(p.p50)} / ${format(p.p90)}`;

export const UNCERTAINTY_TABLE_HEADER = [
  'p10 / p50 / p90',
  'params',
  'tokens',
  'tokens/param',
  'lifetime FLOPs',
  'lifetime cost',
  'optimum’s size saves',
  'wins',
] as const;

/**
 * One row per candidate: its percentiles, what the point optimum's size saves against the
 * candidate's size when both are trained to each draw's target (percentiles, in the objective), and
 * the share of draws in which it is the cheaper of the two (summary.ts, `beatsShare`).
 */
export function uncertaintyTableRows(summary: UncertaintySummary): string[][] {
  return spreadRows(summary).map(({ id, label, spread }) => {
    const wins = summary.beatsShare[id];
    const saving = summary.saving[id];
    if (!spread) return [label, 'reaches the target in no draw', '', '', '', '', '', ''];
    return [
      label,
      range(spread.params, formatCount),
      range(spread.tokens, formatCount),
      range(spread.tokensPerParam, formatRatio),
      range(spread.totalFlops, formatScientific),
      range(spread.totalCost, formatDollars),
      saving ? range(saving, (share) => formatPercent(share, 1)) : '—',
      wins === undefined ? '—' : formatPercent(wins, 0),
    ];
  });
}

/** The line above the table: how many draws of which law, and how many left the target out of reach. */
export function uncertaintyHeadline(summary: UncertaintySummary, lawId: string): string {
  const lost = [
    `target unreachable in ${formatPercent(summary.unreachableShare, 1)}`,
    ...(summary.outOfRangeShare > 0 ? [`no valid law in ${formatPercent(summary.outOfRangeShare, 1)}`] : []),
  ].join(', ');
  const shortfall =
    summary.optimumFallsShortShare > 0
      ? `; a model of the optimum’s size cannot reach the target in ${formatPercent(summary.optimumFallsShortShare, 1)} of solved draws`
      : '';
  return `${summary.draws.toLocaleString('en-US')} draws of law ${lawId} (seed ${summary.seed}); ${lost} of draws${shortfall}`;
}

const QUANTITIES = ['params', 'tokens', 'tokensPerParam', 'totalFlops', 'totalCost'] as const;

/**
 * Columns `solve --uncertainty --format csv` adds to each candidate's row of the solution CSV:
 * the draw count, seed, draws solved and unreachable share (the same on every row), each
 * quantity's p10, p50 and p90 (`paramsP10`, …), what the lifetime optimum saves against the
 * candidate (share of the objective, percentiles) and the share of draws it beats the candidate in. Empty for a candidate that is not drawn (the one without test-time compute).
 */
export const UNCERTAINTY_CSV_COLUMNS = [
  'draws',
  'seed',
  'solvedDraws',
  'unreachableShare',
  ...QUANTITIES.flatMap((q) => [`${q}P10`, `${q}P50`, `${q}P90`]),
  'savedByLifetimeOptimalP10',
  'savedByLifetimeOptimalP50',
  'savedByLifetimeOptimalP90',
  'beatsShare',
] as const;

export function uncertaintyCsvCells(summary: UncertaintySummary, candidateId: string): (number | null)[] {
  const row = spreadRows(summary).find(({ id }) => id === candidateId);
  const spread = row?.spread;
  const saving = summary.saving[candidateId];
  if (!row) return UNCERTAINTY_CSV_COLUMNS.map(() => null);
  return [
    summary.draws,
    summary.seed,
    spread?.draws ?? 0,
    summary.unreachableShare,
    ...QUANTITIES.flatMap((q) =>
      spread ? [spread[q].p10, spread[q].p50, spread[q].p90] : [null, null, null],
    ),
    ...(saving ? [saving.p10, saving.p50, saving.p90] : [null, null, null]),
    summary.beatsShare[candidateId] ?? null,
  ];
}
