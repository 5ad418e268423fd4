/**
 * The uncertainty of every answer (docs/science.md, "Uncertainty"): laws drawn from the covariance
 * of their constants, each draw solved, and percentiles over the draws.
 */
import { drawLaws } from './draws';
import { solveDraws, type UncertainProblem } from './solve-draws';
import { summarizeDraws, type UncertaintySummary } from './summary';

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
  const { law } = uncertain.problem;
  if (!law.covariance)
    throw new Error(`law ${law.id} has no covariance; check before asking for its uncertainty`);
  const draws = drawLaws(law.constants, law.covariance, options.draws, options.seed);
  return summarizeDraws(solveDraws(uncertain, draws, 0, draws.length), {
    seed: options.seed,
    objective: uncertain.problem.objective,
    baselines: uncertain.problem.baselines,
  });
}
