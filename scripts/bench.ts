/**
 * Engine benchmark (`npm run bench`). Reports medians over several runs, because this machine is
 * noisy; the last line is one JSON object for scripts to read.
 */
import { performance } from 'node:perf_hooks';
import {
  costRates,
  lawFromPreset,
  lifetimeOptimalCandidate,
  lifetimeOptimalForExcess,
  logSpace,
  type Problem,
} from '../src/model';
import { benchUncertainty, UNCERTAINTY_DRAWS } from './bench-uncertainty';
import { median } from './stats';

const RUNS = 15;
const OPTIMA_PER_RUN = 200_000;
const GRID_SIDE = 200;

const law = lawFromPreset('sardana2024');
// Inputs vary call to call so that nothing can be hoisted out of the loop.
const excesses = logSpace(1e-3, 2, 1000);
const demands = logSpace(1e6, 1e18, 1000);

function timeOptima(): number {
  let checksum = 0;
  const start = performance.now();
  for (let i = 0; i < OPTIMA_PER_RUN; i++) {
    checksum += lifetimeOptimalForExcess(
      law.terms,
      excesses[i % 1000] ?? 1,
      demands[(i * 7) % 1000] ?? 1,
    ).params;
  }
  const elapsed = performance.now() - start;
  if (!Number.isFinite(checksum)) throw new Error('non-finite optimum in benchmark');
  return (elapsed * 1000) / OPTIMA_PER_RUN;
}

const problem: Problem = {
  law,
  targetLoss: 2,
  demand: { inputTokens: 1e12, outputTokens: 1e12 },
  objective: 'cost',
  rates: costRates(
    { peakFlops: 989e12, pricePerHour: 2, mfu: 0.4 },
    { peakFlops: 989e12, pricePerHour: 2, prefillMfu: 0.5, decodeMfu: 0.1 },
  ),
  baselines: [],
};
const gridLosses = logSpace(1.7, 3.5, GRID_SIDE);
const gridDemands = logSpace(1e6, 1e18, GRID_SIDE);

/** A 200 × 200 grid of full candidates (optimum plus its FLOPs and costs), as a heat map needs. */
function timeGrid(): number {
  let checksum = 0;
  const start = performance.now();
  for (const targetLoss of gridLosses) {
    for (const total of gridDemands) {
      const candidate = lifetimeOptimalCandidate({
        ...problem,
        targetLoss,
        demand: { inputTokens: total / 2, outputTokens: total / 2 },
      });
      checksum += candidate.totalCost;
    }
  }
  const elapsed = performance.now() - start;
  if (!Number.isFinite(checksum)) throw new Error('non-finite grid value in benchmark');
  return elapsed;
}

// Warm up the JIT before measuring.
timeOptima();
timeGrid();
const optimumTimes = Array.from({ length: RUNS }, timeOptima);
const gridTimes = Array.from({ length: RUNS }, timeGrid);

const usPerOptimum = median(optimumTimes);
const gridMs = median(gridTimes);
const uncertainty = benchUncertainty();
console.log(
  `lifetime optimum: median ${usPerOptimum.toFixed(3)} µs over ${RUNS} runs of ${OPTIMA_PER_RUN} (budget 1 µs)`,
);
console.log(`200 × 200 grid of candidates: median ${gridMs.toFixed(2)} ms over ${RUNS} runs (budget 40 ms)`);
console.log(
  `uncertainty: ${UNCERTAINTY_DRAWS} draws of the Sardana 70B chatbot under besiroglu2024, drawn and solved: median ${uncertainty.medianMs.toFixed(0)} ms over ${uncertainty.runs} runs (budget a few seconds)`,
);
console.log(
  JSON.stringify({
    usPerOptimum: Number(usPerOptimum.toFixed(4)),
    gridMs: Number(gridMs.toFixed(3)),
    runs: RUNS,
    usPerOptimumMin: Number(Math.min(...optimumTimes).toFixed(4)),
    gridMsMin: Number(Math.min(...gridTimes).toFixed(3)),
    uncertaintyMs: Number(uncertainty.medianMs.toFixed(1)),
    uncertaintyMsMin: Number(uncertainty.minMs.toFixed(1)),
    uncertaintyDraws: UNCERTAINTY_DRAWS,
    node: process.version,
  }),
);
