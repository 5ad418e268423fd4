/**
 * The uncertainty section of the engine benchmark: `solve --uncertainty`'s engine work (drawing the
 * laws and solving every draw) on Sardana et al.'s 70B-quality chatbot under besiroglu2024, the
 * preset with a published covariance.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { solveWithUncertainty, type UncertainProblem } from '../src/model';
import { parseScenarioText, uncertainProblemFromScenario } from '../src/scenario';
import { median } from './stats';

export const UNCERTAINTY_DRAWS = 4000;
const UNCERTAINTY_RUNS = 5;

function chatbotUnderBesiroglu(): UncertainProblem {
  const text = readFileSync(
    new URL('../resources/scenarios/sardana-70b-chatbot.tradeoff.json', import.meta.url),
    'utf8',
  );
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error('the shipped Sardana 70B example must be valid');
  const resolved = uncertainProblemFromScenario({ ...parsed.scenario, law: { preset: 'besiroglu2024' } });
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
