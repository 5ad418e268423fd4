/**
 * The science engine of Tradeoff Explorer: pure functions, no DOM and no Electron, shared by the
 * app, the command line, workers and tests. Formulas and sources: ../shared/science/README.md.
 */
export type { Allocation } from './allocation';
export {
  evaluateCandidate,
  savingAgainst,
  type Candidate,
  type CandidateContext,
  type Saving,
  type Serving,
} from './optimum/candidate';
export {
  computeOptimalExcessForParams,
  computeOptimalForBudget,
  computeOptimalForExcess,
  excessOf,
  minimumParams,
  tokensForParams,
} from './optimum/compute-optimal';
export {
  costRates,
  dollarsPerFlop,
  type CostRates,
  type InferenceHardware,
  type TrainingHardware,
} from './hardware/costs';
export { scaleDemand, totalDemandTokens, type Demand } from './demand';
export { ScienceError, type ScienceErrorCode } from './errors';
export { explainModel, type Explanation } from './optimum/explain';
export { fixedRatioForExcess } from './optimum/fixed-ratio';
export { candidatesAlongIsoLoss, minimumParamsForTarget } from './optimum/iso-loss';
export {
  DTYPES,
  findGpu,
  findGpuPreset,
  GPU_PRESETS,
  supportedDtype,
  type Dtype,
  type GpuDefinition,
  type GpuPreset,
} from './hardware/gpus';
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
export { breakEvenDemand, lifetimeOptimalForExcess } from './optimum/lifetime';
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
  type Solution,
} from './optimum/solve';
export type { DataLimit, Problem, TestTimeBenefit, TestTimeSetup } from './problem';
export {
  excessAllowance,
  findTaskClass,
  flopsMatchedMultiplier,
  saturatingK,
  TASK_CLASSES,
  trainingComputeMultiplier,
  type ExchangeRate,
  type TaskClass,
} from './test-time/exchange-rate';
export {
  accuracyWithAttempts,
  fewestAttempts,
  imperfectlyVerifiedAccuracy,
  lossForSuccess,
  majorityAccuracy,
  SELECTIONS,
  successFromLoss,
  successNeeded,
  verifiedAccuracy,
  type FixedSuccess,
  type LossToError,
  type Selection,
  type SelectionRule,
  type SuccessSource,
} from './test-time/task-accuracy';
export {
  candidateAtK,
  largestUsefulK,
  optimalTestTimeCandidate,
  servedDemand,
  testTimeFrontier,
  type FrontierPoint,
} from './optimum/test-time';
export { logSpace, MAX_SWEEP_POINTS, sweepDemand, type SweepPoint } from './optimum/sweep';
export { targetLoss, type Target } from './target';
export {
  bandwidthBytesPerSecond,
  BYTES_PER_VALUE,
  bytesPerValue,
  peakFlopsFor,
  PRICE_DATE,
  type PriceQuote,
} from './hardware/gpus';
export {
  checkShape,
  DEFAULT_SHAPE_RULE,
  kvCacheBytesPerToken,
  layersForParams,
  nonEmbeddingParams,
  PARAMS_PER_LAYER_PER_WIDTH_SQUARED,
  shapeForParams,
  widthForParams,
  type ShapeOverrides,
  type ShapeRule,
  type TransformerShape,
} from './hardware/transformer-shape';
export {
  batchForDecodeUtilisation,
  decodeCostForParams,
  decodeStep,
  decodeStepBytes,
  decodeUtilisation,
  DEFAULT_BANDWIDTH_EFFICIENCY,
  DEFAULT_CONTEXT_TOKENS,
  DEFAULT_DECODE_BATCH,
  prefillSecondsPerToken,
  type DecodeCost,
  type DecodeHardware,
  type DecodeStep,
  type RooflineHardware,
  type RooflineSetting,
  type ServingSetting,
} from './hardware/roofline';
export {
  DEFAULT_USABLE_MEMORY_FRACTION,
  GPUS_PER_NODE,
  gpusForBytes,
  kvCacheBytes,
  replicaMemoryFit,
  weightBytes,
  type MemoryFit,
  type ReplicaMemory,
} from './hardware/memory-fit';
export {
  co2Kg,
  DEFAULT_GRID_KG_CO2_PER_KWH,
  DEFAULT_PUE,
  energyKwh,
  footprint,
  gpuHoursForFlops,
  inferenceGpuHours,
  trainingGpuHours,
  wallClockDays,
  type EnergySetting,
  type Footprint,
  type InferenceFleet,
  type InferenceGpuHours,
  type InferenceUse,
  type TrainingRun,
} from './hardware/footprint';
export {
  baseParams,
  computeOptimalParamsForTokens,
  dataConstrainedExcess,
  dataConstrainedLoss,
  dataConstrainedTokensForLoss,
  effectiveParams,
  effectiveTokens,
  epochs,
  lowestReachableLoss,
  maxEffectiveParams,
  maxEffectiveTokens,
  MUENNIGHOFF_REPETITION,
  repeatedValue,
  tokensForEffectiveTokens,
  type RepetitionConstants,
} from './data/data-constrained';
export {
  MINIMIZE_GRID_POINTS,
  MINIMIZE_MAX_ITERATIONS,
  MINIMIZE_TOLERANCE,
  minimizeInLogSpace,
  minimizeScalar,
  type MinimizeOptions,
  type Minimum,
} from './numerics/minimize';
export { allocatorFor, isSeparable, type Allocator } from './optimum/allocator';
export type { Fleet, RooflineDecode } from './hardware/fleet';
export { costAgainstUniqueData, leastSufficientUniqueTokens, type DataValuePoint } from './data/data-value';
