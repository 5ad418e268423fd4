import {
  findLawPreset,
  logSpace,
  ScienceError,
  solveWithBands,
  type Candidate,
  type IsoLossBands,
  type Problem,
  type UncertaintySummary,
} from '../../../model';
import {
  problemFromScenario,
  uncertainProblemFromScenario,
  type Scenario,
  type UncertainProblemResult,
} from '../../../scenario';
import type { LatestAnswer } from '../latest-request';
import { scenarioFromRequest } from '../worker-scenario';

/**
 * What the app's uncertainty worker is asked: plain data only (a worker cannot receive a law,
 * whose methods do not survive structured cloning), so the worker resolves the scenario itself.
 */
export interface RangesRequest {
  /** The scenario as its file holds it (serializeScenario). */
  readonly scenario: string;
  readonly draws: number;
  readonly seed: number;
  /** The model sizes the bands are drawn at (bandSizes). */
  readonly sizes: readonly number[];
}

/** The worker's answer, plain data too. */
export type RangesAnswer =
  | { readonly kind: 'ranges'; readonly summary: UncertaintySummary; readonly bands: IsoLossBands }
  /** The law carries no uncertainty (or the target is not drawn): why, as the user should read it. */
  | { readonly kind: 'none'; readonly note: string }
  /** The engine refused the scenario: its message. */
  | { readonly kind: 'failed'; readonly message: string };

/** Asks for a scenario's ranges; only the newest request is answered (latestRequestWins). */
export type RangesService = (request: RangesRequest) => Promise<LatestAnswer<RangesAnswer>>;

/**
 * A few hundred draws: the 10th and 90th percentiles move by about 2 % of their spread between
 * seeds, which the cards' three digits barely show, and the worker answers within a keystroke or two.
 */
export const APP_DRAWS = 400;
/** Fixed, so that the same scenario always shows the same ranges. */
export const APP_SEED = 13;
/** Sizes the chart bands are computed at: smooth on a log axis, cheap to draw. */
export const BAND_POINTS = 40;

/** The band's sizes: log-spaced across the point iso-loss curve the charts draw. */
export function bandSizes(isoLoss: readonly Candidate[]): number[] {
  const first = isoLoss[0]?.params;
  const last = isoLoss.at(-1)?.params;
  return first && last ? logSpace(first, last, BAND_POINTS) : [];
}

/**
 * The scenario's problem with its law's uncertainty, or why its answer has no ranges, as the app
 * says it: the preset's own account of its uncertainty when it publishes none, else the engine's
 * reason (a custom law without a covariance, a target the draws do not re-evaluate).
 */
export function uncertainForApp(
  scenario: Scenario,
  problem: Problem = problemFromScenario(scenario),
): UncertainProblemResult {
  const resolved = uncertainProblemFromScenario(scenario, problem);
  if (resolved.ok) return resolved;
  const preset = 'preset' in scenario.law ? findLawPreset(scenario.law.preset) : undefined;
  const published = preset && 'covariance' in preset && preset.covariance;
  return preset && !published
    ? { ok: false, reason: `Uncertainty of ${preset.id}: ${preset.uncertainty}` }
    : resolved;
}

/** The worker's work: the summary of the drawn laws and their bands, for one scenario. */
export function computeRanges(request: RangesRequest): RangesAnswer {
  const parsed = scenarioFromRequest(request.scenario);
  if (!parsed.ok) return { kind: 'failed', message: parsed.message };
  try {
    const resolved = uncertainForApp(parsed.scenario);
    if (!resolved.ok) return { kind: 'none', note: resolved.reason };
    const { summary, bands } = solveWithBands(resolved.uncertain, request);
    return { kind: 'ranges', summary, bands };
  } catch (error) {
    if (error instanceof ScienceError) return { kind: 'failed', message: error.message };
    throw error;
  }
}
