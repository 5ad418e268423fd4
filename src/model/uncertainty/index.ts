/**
 * The uncertainty of every answer (docs/science.md, "Uncertainty"): laws drawn from the covariance
 * of their constants, each draw solved, and percentiles over the draws.
 */
import { isoLossBands, type IsoLossBands } from './bands';
import type { ChinchillaConstants } from '../laws/types';
import { drawLaws } from './draws';
import { solveDraws, type UncertainProblem } from './solve-draws';
import { summarizeDraws, type UncertaintySummary } from './summary';

export { isoLossBands, type BandPoint, type IsoLossBands } from './bands';
export {
  COVARIANCE_PARAMETERS,
  covarianceProblems,
  PSD_RELATIVE_TOLERANCE,
  SYMMETRY_RELATIVE_TOLERANCE,
  type CovarianceProblem,
  type LawCovariance,
} from './covariance';
export { drawLaws, logParameters, MAX_DRAWS, MAX_SEED } from './draws';
export type { Percentiles } from './percentiles';
export { solveDraws, type DrawnCandidate, type DrawOutcome, type UncertainProblem } from './solve-draws';
export {
  summarizeDraws,
  TIE_RELATIVE_TOLERANCE,
  type CandidateSpread,
  type UncertaintySummary,
} from './summary';

/** The uncertainty of a problem's answer: `draws` laws drawn with `seed`, all solved in one go. */
export function solveWithUncertainty(
  uncertain: UncertainProblem,
  options: { readonly draws: number; readonly seed: number },
): UncertaintySummary {
  return summarize(uncertain, drawnLaws(uncertain, options), options.seed);
}

/**
 * The uncertainty of a problem's answer and, from the same drawn laws, its bands along the
 * iso-loss curve at the given sizes (what the app's cards and charts show).
 */
export function solveWithBands(
  uncertain: UncertainProblem,
  options: { readonly draws: number; readonly seed: number; readonly sizes: readonly number[] },
): { readonly summary: UncertaintySummary; readonly bands: IsoLossBands } {
  const draws = drawnLaws(uncertain, options);
  return {
    summary: summarize(uncertain, draws, options.seed),
    bands: isoLossBands(uncertain, draws, options.sizes),
  };
}

function drawnLaws(
  uncertain: UncertainProblem,
  options: { readonly draws: number; readonly seed: number },
): ChinchillaConstants[] {
  const { law } = uncertain.problem;
  if (!law.covariance)
    throw new Error(`law ${law.id} has no covariance; check before asking for its uncertainty`);
  return drawLaws(law.constants, law.covariance, options.draws, options.seed);
}

function summarize(
  uncertain: UncertainProblem,
  draws: readonly ChinchillaConstants[],
  seed: number,
): UncertaintySummary {
  return summarizeDraws(solveDraws(uncertain, draws, 0, draws.length), {
    seed,
    objective: uncertain.problem.objective,
    baselines: uncertain.problem.baselines,
  });
}
