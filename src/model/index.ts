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
} from './candidate';
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
export {
  DTYPES,
  findGpu,
  findGpuPreset,
  GPU_PRESETS,
  supportedDtype,
  type Dtype,
  type GpuDefinition,
  type GpuPreset,
} from './hardware';
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
} from './task-accuracy';
export {
  candidateAtK,
  largestUsefulK,
  optimalTestTimeCandidate,
  servedDemand,
  testTimeFrontier,
  type FrontierPoint,
  type TestTimeBenefit,
  type TestTimeSetup,
} from './test-time-optimum';
export { logSpace, MAX_SWEEP_POINTS, sweepDemand, type SweepPoint } from './sweep';
export { targetLoss, type Target } from './target';
export { TEXT_STOCK } from './text-stock';
export {
  bandwidthBytesPerSecond,
  BYTES_PER_VALUE,
  bytesPerValue,
  peakFlopsFor,
  PRICE_DATE,
  type PriceQuote,
} from './hardware';
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
} from './architecture';
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
} from './roofline';
export {
  DEFAULT_USABLE_MEMORY_FRACTION,
  GPUS_PER_NODE,
  gpusForBytes,
  kvCacheBytes,
  replicaMemoryFit,
  weightBytes,
  type MemoryFit,
  type ReplicaMemory,
} from './memory-fit';
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
} from './footprint';
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
} from './data-constrained';
export {
  MINIMIZE_GRID_POINTS,
  MINIMIZE_MAX_ITERATIONS,
  MINIMIZE_TOLERANCE,
  minimizeInLogSpace,
  minimizeScalar,
  type MinimizeOptions,
  type Minimum,
} from './minimize';
export { allocatorFor, isSeparable, type Allocator } from './allocator';
export type { DataLimit, Fleet, RooflineDecode } from './fleet';
export { costAgainstUniqueData, leastSufficientUniqueTokens, type DataValuePoint } from './data-value';
