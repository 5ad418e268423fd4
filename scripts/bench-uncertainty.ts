/**
 * The uncertainty section of the engine benchmark, on Sardana et al.'s 70B-quality chatbot under
 * besiroglu2024, the preset with a published covariance: `solve --uncertainty`'s engine work
 * (drawing the laws and solving every draw), and the app's ranges worker's (the same at the app's
 * draw count, plus the bands at every size).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { solveWithUncertainty, type UncertainProblem } from '../src/model';
import { APP_DRAWS, BAND_POINTS, bandSizes, computeRanges } from '../src/renderer/lib/uncertainty/ranges';
import { computeResults } from '../src/renderer/lib/results';
import {
  parseScenarioText,
  serializeScenario,
  uncertainProblemFromScenario,
  type Scenario,
} from '../src/scenario';
import { median } from './stats';

export const UNCERTAINTY_DRAWS = 4000;
const UNCERTAINTY_RUNS = 5;

function chatbotScenario(): Scenario {
  const text = readFileSync(
    new URL('../resources/scenarios/sardana-70b-chatbot.tradeoff.json', import.meta.url),
    'utf8',
  );
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error('the shipped Sardana 70B example must be valid');
  return { ...parsed.scenario, law: { preset: 'besiroglu2024' } };
}

function chatbotUnderBesiroglu(): UncertainProblem {
  const resolved = uncertainProblemFromScenario(chatbotScenario());
  if (!resolved.ok) throw new Error(resolved.reason);
  return resolved.uncertain;
}

/** Median milliseconds for UNCERTAINTY_DRAWS draws, drawn and solved, over UNCERTAINTY_RUNS runs (after one warm-up). */
export function benchUncertainty(): { medianMs: number; minMs: number; runs: number } {
  const uncertain = chatbotUnderBesiroglu();
  const once = (seed: number): number => {
    const start = performance.now();
    const summary = solveWithUncertainty(uncertain, { draws: UNCERTAINTY_DRAWS, seed });
    const elapsed = performance.now() - start;
    if (summary.solved !== UNCERTAINTY_DRAWS) throw new Error('every draw of the benchmark must solve');
    return elapsed;
  };
  once(0);
  const times = Array.from({ length: UNCERTAINTY_RUNS }, (_, run) => once(run + 1));
  return { medianMs: median(times), minMs: Math.min(...times), runs: UNCERTAINTY_RUNS };
}

export { APP_DRAWS as RANGES_DRAWS, BAND_POINTS as RANGES_SIZES };

/**
 * Median milliseconds of the app's ranges worker's work for one scenario (APP_DRAWS draws, each
 * solved and evaluated at BAND_POINTS sizes, from the scenario's text as the worker receives it)
 * over UNCERTAINTY_RUNS runs after one warm-up.
 */
export function benchRanges(): { medianMs: number; minMs: number; runs: number } {
  const scenario = chatbotScenario();
  const request = {
    scenario: serializeScenario(scenario),
    draws: APP_DRAWS,
    sizes: bandSizes(computeResults(scenario).isoLoss),
  };
  const once = (seed: number): number => {
    const start = performance.now();
    const answer = computeRanges({ ...request, seed });
    const elapsed = performance.now() - start;
    if (answer.kind !== 'ranges' || answer.summary.solved !== APP_DRAWS)
      throw new Error('every draw of the ranges benchmark must solve');
    return elapsed;
  };
  once(0);
  const times = Array.from({ length: UNCERTAINTY_RUNS }, (_, run) => once(run + 1));
  return { medianMs: median(times), minMs: Math.min(...times), runs: UNCERTAINTY_RUNS };
}
