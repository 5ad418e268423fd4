/**
 * What the app, the command line, the scenario format and the reports use of the science engine:
 * scaling laws, costs and the optimisers over them, in pure TypeScript (no DOM, no Electron), with
 * formulas and sources in docs/science.md.
 */
export type { Allocation } from './allocation';
export { totalDemandTokens, type Demand } from './demand';
export { ScienceError } from './errors';
export { OBJECTIVES, type Objective } from './objective';
export type { BaselineRule, Problem, TestTimeSetup } from './problem';
export { findReferenceModel, paper, PAPERS, REFERENCE_MODELS } from './reference-models';
export type { PaperId, PaperReference } from './reference-models';
export { targetLoss, targetsForLoss, type EquivalentTargets, type Target } from './target';

export {
  buildLaw,
  DEFAULT_LAW_PRESET,
  findLawPreset,
  LAW_PRESETS,
  lawFromPreset,
  type LawPreset,
} from './laws/presets';
export type {
  ChinchillaConstants,
  ChinchillaLaw,
  KaplanConstants,
  LawEvidence,
  LawForm,
  LossLaw,
} from './laws/types';

export { lowestReachableLoss } from './data/data-constrained';
export {
  costAgainstUniqueData,
  leastSufficientUniqueTokens,
  type DataValuePoint,
} from './optimum/data-value';

export { costRates } from './hardware/costs';
export type { Fleet, RooflineDecode } from './hardware/fleet';
export {
  bandwidthBytesPerSecond,
  bytesPerValue,
  DTYPES,
  findGpu,
  findGpuPreset,
  GPU_PRESETS,
  supportedDtype,
  type Dtype,
  type GpuDefinition,
} from './hardware/gpus';

export { findTaskClass, TASK_CLASSES } from './test-time/exchange-rate';
export {
  accuracyDomain,
  DEFAULT_MIN_LIFT,
  fewestAttempts,
  lossForSuccess,
  SELECTIONS,
  successNeeded,
  type Selection,
  type SelectionRule,
  type SuccessSource,
} from './test-time/task-accuracy';

export type { Candidate, Saving } from './optimum/candidate';
export { explainModel } from './optimum/explain';
export { candidatesAlongIsoLoss, minimumParamsForTarget } from './optimum/iso-loss';
export { candidateOfPlan, sizePlanOf, type SizePlan } from './optimum/size-plan';
export {
  evaluatePlan,
  TARGET_RELATIVE_SLACK,
  type PlanEvaluation,
  type PlannedModel,
} from './optimum/plan-evaluation';
export { KAPLAN_BASELINE } from './optimum/kaplan-allocation';
export { lifetimeOptimalForExcess } from './optimum/lifetime';
export { lifetimeOptimalCandidate, solve, type Solution } from './optimum/solve';
export { sweepDemand, type SweepPoint } from './optimum/sweep';

export { logSpace } from './numerics/grid';
export {
  accuracyReference,
  candidateAtK,
  largestUsefulK,
  testTimeCurve,
  testTimeFrontier,
  type FrontierPoint,
} from './optimum/test-time';

export type { TestTimeBenefit } from './problem';
export {
  decodeCostForParams,
  decodeUtilisation,
  DEFAULT_BANDWIDTH_EFFICIENCY,
  DEFAULT_CONTEXT_TOKENS,
  DEFAULT_DECODE_BATCH,
} from './hardware/roofline';
export { DEFAULT_SHAPE_RULE } from './hardware/transformer-shape';
export {
  DEFAULT_GRID_KG_CO2_PER_KWH,
  DEFAULT_GRID_SOURCE,
  DEFAULT_PUE,
  DEFAULT_PUE_SOURCE,
} from './hardware/footprint';
export {
  baselineCandidateId,
  CANDIDATE_IDS,
  INDEXED_WEB_TOKENS,
  LARGEST_KNOWN_TRAINING_SET_TOKENS,
  WARNING_CODES,
  type SolutionWarning,
  type WarningCode,
  type WarningSeverity,
} from './warnings';

export {
  COVARIANCE_PARAMETERS,
  covarianceProblems,
  drawLaws,
  isoLossBands,
  MAX_DRAWS,
  MAX_SEED,
  solveDraws,
  solveWithBands,
  solveWithUncertainty,
  summarizeDraws,
  type BandPoint,
  type CandidateSpread,
  type DrawOutcome,
  type IsoLossBands,
  type LawCovariance,
  type Percentiles,
  type UncertainProblem,
  type UncertaintySummary,
} from './uncertainty';
