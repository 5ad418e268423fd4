/** Scenario files (`*.tradeoff.json`, format version 1): validation, defaults, serialisation. */
export * from './defaults';
export * from './fields';
export {
  checkGpuList,
  checkNewGpu,
  keepValidGpus,
  MAX_CUSTOM_GPUS,
  MAX_GPU_LABEL_LENGTH,
  type GpuDefinitionResult,
  type GpuListResult,
} from './gpu-section';
export { ID_PATTERN, isId } from './ids';
export { checkedDemand, checkedLaw, checkedTarget } from './section-check';
export { MAX_SCENARIO_BYTES, parseScenarioText, scenarioSizeProblem, utf8ByteLength } from './parse';
export {
  accuracyTargetLoss,
  demandFromSpec,
  gpuOf,
  lawFromSpec,
  peakFlopsOf,
  problemFromScenario,
  requestsOf,
} from './resolve';
export { uncertainProblemFromScenario, type UncertainProblemResult } from './resolve-uncertainty';
export { MAX_BASELINES } from './sections';
export { serializeScenario } from './serialize';
export { solveScenario, type SolvedScenario } from './solve-scenario';
export * from './types';
export { validateScenario } from './validate';
