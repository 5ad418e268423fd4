/**
 * What the app's comparison worker is asked and answers, plain data both ways: the scenario as its
 * file holds it, and the engine's "under every law" comparison or sensitivity of it.
 */
import { acrossLaws, type LawComparison } from '../../../scenario/across-laws';
import { sensitivity, type Sensitivity } from '../../../scenario/sensitivity';
import type { LatestAnswer } from '../latest-request';
import { computeOnScenario, type Computed } from '../worker-scenario';

export interface CompareRequest {
  /** The scenario as its file holds it (serializeScenario). */
  readonly scenario: string;
}

/** Asks for one comparison of a scenario; only the newest request is answered (latestRequestWins). */
export type CompareService<T> = (request: CompareRequest) => Promise<LatestAnswer<Computed<T>>>;

/** The worker's work: the scenario solved under every published law (and its own). */
export function compareLaws(request: CompareRequest): Computed<LawComparison> {
  return computeOnScenario(request.scenario, acrossLaws);
}

/** The worker's work: the scenario's answer with each input moved by ±25 %, and its elasticities. */
export function computeSensitivity(request: CompareRequest): Computed<Sensitivity> {
  return computeOnScenario(request.scenario, sensitivity);
}
