/**
 * The science engine of Tradeoff Explorer: pure functions, no DOM and no Electron, shared by the
 * app, the command line, workers and tests. Formulas and sources: ../shared/science/README.md.
 */
export type { Allocation } from './allocation';
export { evaluateCandidate, savingAgainst, type Candidate, type Saving, type Serving } from './candidate';
export {
  computeOptimalExcessForParams,
  computeOptimalForBudget,
  computeOptimalForExcess,
  excessOf,
  minimumParams,
  tokensForParams,
} from './compute-optimal';
export {
  costRates,
  dollarsPerFlop,
  type CostRates,
  type InferenceHardware,
  type TrainingHardware,
} from './costs';
export { scaleDemand, totalDemandTokens, type Demand } from './demand';
export { ScienceError, type ScienceErrorCode } from './errors';
export { explainModel, type Explanation } from './explain';
export { fixedRatioForExcess } from './fixed-ratio';
export { candidatesAlongIsoLoss, minimumParamsForTarget } from './iso-loss';
export { DTYPES, findGpuPreset, GPU_PRESETS, type Dtype, type GpuPreset } from './hardware';
export { chinchillaLaw } from './laws/chinchilla';
export { kaplanLaw } from './laws/kaplan';
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
  KaplanConstants,
  LawForm,
  LawMeta,
  LossLaw,
  SeparableTerms,
} from './laws/types';
export { breakEvenDemand, lifetimeOptimalForExcess } from './lifetime';
export {
  findReferenceModel,
  PAPERS,
  REFERENCE_MODELS,
  type PaperReference,
  type ReferenceModel,
} from './reference-models';
export { effectiveDemandTokens, OBJECTIVES, type Objective } from './objective';
export {
  lifetimeOptimalCandidate,
  solve,
  withoutTestTimeCandidate,
  type BaselineCandidate,
  type Problem,
  type Solution,
} from './solve';
export {
  excessAllowance,
  findTaskClass,
  flopsMatchedMultiplier,
  saturatingK,
  TASK_CLASSES,
  trainingComputeMultiplier,
  type ExchangeRate,
  type TaskClass,
} from './test-time';
export {
  candidateAtK,
  largestUsefulK,
  optimalTestTimeCandidate,
  servedDemand,
  type TestTimeSetup,
} from './test-time-optimum';
export { logSpace, MAX_SWEEP_POINTS, sweepDemand, type SweepPoint } from './sweep';
export { targetLoss, type Target } from './target';
