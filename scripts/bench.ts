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
import { bootstrapFit, fitLaw, type TrainingRun } from '../src/model/fit';
import { resampleIndices } from '../src/fit/resample-indices';
import { standardNormals } from '../src/model/uncertainty/normal';
import {
  benchRanges,
  benchUncertainty,
  RANGES_DRAWS,
  RANGES_SIZES,
  UNCERTAINTY_DRAWS,
} from './bench-uncertainty';
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

/**
 * 240 runs drawn from the besiroglu2024 law (E 1.8172, A 482.01, B 2085.43, α 0.3478, β 0.3658):
 * 12 sizes log-spaced over 70M–16B, each at 20 tokens-per-parameter ratios log-spaced over 5–500,
 * with 1 % log-normal noise on the loss (seeded, so every run of the benchmark fits the same table).
 */
function syntheticRuns(): TrainingRun[] {
  const noise = standardNormals(2024, 240);
  const runs: TrainingRun[] = [];
  for (let i = 0; i < 12; i++) {
    const params = 70e6 * (16e9 / 70e6) ** (i / 11);
    for (let j = 0; j < 20; j++) {
      const tokens = params * 5 * 100 ** (j / 19);
      const loss = 1.8172 + 482.01 / params ** 0.3478 + 2085.43 / tokens ** 0.3658;
      runs.push({ params, tokens, loss: loss * Math.exp(0.01 * (noise[runs.length] ?? 0)) });
    }
  }
  return runs;
}

const FIT_REPEATS = 5;
const BOOTSTRAP_REPEATS = 3;
const BOOTSTRAP_RESAMPLES = 1000;
const fitRuns = syntheticRuns();

/** Wall and CPU time (ms) of one call: the CPU time shows how much of the wall time was ours. */
function timed<T>(work: () => T): { wallMs: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, value };
}

const fits = Array.from({ length: FIT_REPEATS }, () => timed(() => fitLaw(fitRuns)));
const fit = fits[0]?.value;
if (!fit || !Number.isFinite(fit.objective)) throw new Error('non-finite fit in benchmark');
const bootstraps = Array.from({ length: BOOTSTRAP_REPEATS }, (_, k) =>
  timed(() => bootstrapFit(fit, resampleIndices(k, BOOTSTRAP_RESAMPLES, fitRuns.length))),
);
const fitMs = median(fits.map((t) => t.wallMs));
const fitCpuMs = median(fits.map((t) => t.cpuMs));
const bootstrapMs = median(bootstraps.map((t) => t.wallMs));
const bootstrapCpuMs = median(bootstraps.map((t) => t.cpuMs));

const usPerOptimum = median(optimumTimes);
const gridMs = median(gridTimes);
const uncertainty = benchUncertainty();
const ranges = benchRanges();
console.log(
  `lifetime optimum: median ${usPerOptimum.toFixed(3)} µs over ${RUNS} runs of ${OPTIMA_PER_RUN} (budget 1 µs)`,
);
console.log(`200 × 200 grid of candidates: median ${gridMs.toFixed(2)} ms over ${RUNS} runs (budget 40 ms)`);
console.log(
  `fit of 240 runs from 4,500 starts: median ${fitMs.toFixed(0)} ms wall (${fitCpuMs.toFixed(0)} ms CPU) over ${FIT_REPEATS} fits (budget 1 s)`,
);
console.log(
  `bootstrap of ${BOOTSTRAP_RESAMPLES} resamples of those runs: median ${bootstrapMs.toFixed(0)} ms wall (${bootstrapCpuMs.toFixed(0)} ms CPU) over ${BOOTSTRAP_REPEATS} runs`,
);
console.log(
  `uncertainty: ${UNCERTAINTY_DRAWS} draws of the Sardana 70B chatbot under besiroglu2024, drawn and solved: median ${uncertainty.medianMs.toFixed(0)} ms over ${uncertainty.runs} runs (budget a few seconds)`,
);
console.log(
  `app ranges worker: ${RANGES_DRAWS} draws × ${RANGES_SIZES} sizes of the same chatbot, from its text: median ${ranges.medianMs.toFixed(0)} ms over ${ranges.runs} runs (budget well under a second)`,
);
console.log(
  JSON.stringify({
    usPerOptimum: Number(usPerOptimum.toFixed(4)),
    gridMs: Number(gridMs.toFixed(3)),
    runs: RUNS,
    usPerOptimumMin: Number(Math.min(...optimumTimes).toFixed(4)),
    gridMsMin: Number(Math.min(...gridTimes).toFixed(3)),
    fitMs: Number(fitMs.toFixed(1)),
    fitCpuMs: Number(fitCpuMs.toFixed(1)),
    bootstrapMs: Number(bootstrapMs.toFixed(1)),
    bootstrapCpuMs: Number(bootstrapCpuMs.toFixed(1)),
    uncertaintyMs: Number(uncertainty.medianMs.toFixed(1)),
    uncertaintyMsMin: Number(uncertainty.minMs.toFixed(1)),
    uncertaintyDraws: UNCERTAINTY_DRAWS,
    rangesMs: Number(ranges.medianMs.toFixed(1)),
    rangesMsMin: Number(ranges.minMs.toFixed(1)),
    node: process.version,
  }),
);
