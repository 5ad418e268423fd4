/** Scenario files (`*.tradeoff.json`, format version 1): validation, defaults, serialisation. */
export * from './defaults';
export { MAX_SCENARIO_BYTES, parseScenarioText } from './parse';
export {
  accuracyTargetLoss,
  demandFromSpec,
  lawFromSpec,
  peakFlopsOf,
  problemFromScenario,
  requestsOf,
} from './resolve';
export { serializeScenario } from './serialize';
export * from './types';
export { validateScenario } from './validate';
