import type { CandidateSpread, Percentiles, UncertaintySummary } from '../../../model';
import { CANDIDATE_IDS } from '../../../model';
import type { RangesState } from './ranges-state';
import type { Results } from '../results';

/** The candidates whose cards show ranges: the two optima the decision is between. */
const SPREAD_OF: Readonly<Record<string, (summary: UncertaintySummary) => CandidateSpread | null>> = {
  [CANDIDATE_IDS.lifetime]: (summary) => summary.lifetimeOptimal,
  [CANDIDATE_IDS.chinchilla]: (summary) => summary.chinchillaOptimal,
};

/** Whether a candidate's card shows ranges at all. */
export function cardHasRanges(id: string): boolean {
  return id in SPREAD_OF;
}

/** A candidate's spread over the draws, or null when no draw solves it. */
export function spreadOfCard(summary: UncertaintySummary, id: string): CandidateSpread | null {
  return SPREAD_OF[id]?.(summary) ?? null;
}

/** "80 %: 10.8B – 31.4B": the central 80 % of the draws, in the quantity's own format. */
export function rangeText(percentiles: Percentiles, format: (value: number) => string): string {
  return `80 %: ${format(percentiles.p10)} – ${format(percentiles.p90)}`;
}

/** The ranges state if it belongs to `results` (never another form's), else off. */
export function rangesOf(state: RangesState, results: Results): RangesState {
  return state.kind !== 'off' && state.results === results ? state : { kind: 'off' };
}
