/** Fitting a Chinchilla-form law to training runs, and its bootstrap (see fit-law.ts, bootstrap.ts). */
export {
  bootstrapChunk,
  bootstrapFit,
  summarizeBootstrap,
  type BootstrapChunk,
  type BootstrapChunkOptions,
  type BootstrapSummary,
} from './bootstrap';
export {
  fitLaw,
  gridStarts,
  START_GRID,
  type FitOptions,
  type FittedRange,
  type LawFit,
  type RunResidual,
} from './fit-law';
export { DEFAULT_HUBER_DELTA, HuberObjective, PARAMETER_NAMES } from './huber-objective';
export { MIN_RUNS, selectRuns, trainingCompute, type RunSelection, type TrainingRun } from './runs';
