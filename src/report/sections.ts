import { CANDIDATE_IDS, decodeCostForParams, type Candidate, type Problem, type Solution } from '../model';
import {
  formatCount,
  formatDollars,
  formatLoss,
  formatPercent,
  formatRatio,
  formatSignificant,
} from '../format/quantity';
import type { Scenario } from '../scenario';
import { FOOTPRINT_TABLE_HEADER, footprintTableRows, labelledCandidates } from './candidates';
import { dataLimitCost, wordsFor } from './headline';

/**
 * The report's optional sections, each present only when its part of the problem is, and each
 * built from numbers the engine computed for this solution: a title, lines of prose, a table.
 */
export interface ReportSection {
  readonly title: string;
  readonly lines: readonly string[];
  readonly table?: { readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] };
}

export function reportSections(scenario: Scenario, problem: Problem, solution: Solution): ReportSection[] {
  return [
    testTimeSection(scenario, solution),
    rooflineSection(problem, solution),
    dataWallSection(problem, solution),
    footprintSection(scenario, solution),
  ].filter((section): section is ReportSection => section !== null);
}

/** k of the optimum, what it buys, and the best model without test-time compute. */
export function testTimeSection(scenario: Scenario, solution: Solution): ReportSection | null {
  if (!solution.usesTestTime) return null;
  const words = wordsFor(solution);
  const optimum = solution.lifetimeOptimal;
  const reference = labelledCandidates(solution).find(({ id }) => id === CANDIDATE_IDS.withoutTestTime);
  if (!reference) return null;
  const accuracy =
    scenario.testTime?.model === 'accuracy'
      ? [`The target is a task accuracy of ${formatPercent(scenario.testTime.targetAccuracy)} per query.`]
      : [];
  const column = (c: Candidate) => [
    formatRatio(c.k),
    formatCount(c.params),
    formatCount(c.tokens),
    formatLoss(c.loss),
    formatLoss(c.effectiveLoss),
    words.amount(words.value(c)),
  ];
  return {
    title: 'Test-time compute',
    lines: [
      ...accuracy,
      optimum.k > 1
        ? `The lifetime optimum spends k = ${formatRatio(optimum.k)} times the compute of one plain answer on each ` +
          `query: its model's own loss is ${formatLoss(optimum.loss)}, and with that compute it does as well as a ` +
          `model of loss ${formatLoss(optimum.effectiveLoss)}.`
        : `The lifetime optimum buys no test-time compute (k = 1): its model's own loss is ${formatLoss(optimum.loss)}.`,
      `Test-time compute saves ${formatPercent(solution.savings.withoutTestTime[words.key])} of the lifetime ` +
        `${words.noun} against “${reference.label}”.`,
    ],
    table: {
      header: [
        'candidate',
        'k',
        'params',
        'tokens',
        'model loss',
        'effective loss',
        `lifetime ${words.noun}`,
      ],
      rows: [
        ['Lifetime-optimal', ...column(optimum)],
        [reference.label, ...column(reference.candidate)],
      ],
    },
  };
}

const TERA = 1e12;
const PER_MILLION = 1e6;

/** The decode cost model, its settings, and each candidate's decode cost per output token. */
export function rooflineSection(problem: Problem, solution: Solution): ReportSection | null {
  const decode = problem.decode;
  if (!decode) return null;
  const { hardware, serving } = decode;
  return {
    title: 'Decode on a roofline',
    lines: [
      `Decode is priced per output token by a roofline (docs/science.md §5.2): batch ${formatSignificant(serving.batch)}, bandwidth efficiency ${formatSignificant(serving.bandwidthEfficiency)} ` +
        `of ${formatSignificant(hardware.bandwidthBytesPerSecond / TERA)} TB/s, ` +
        `${formatRatio(serving.contextTokens)} tokens of context per sequence, ` +
        `${formatSignificant(serving.bytesPerParam)} B per weight, ` +
        `${formatDollars(hardware.pricePerHour)} per GPU-hour.`,
    ],
    table: {
      header: [
        'candidate',
        'params',
        'KV cache per token',
        'decode utilisation',
        'bound by',
        '$ per 1M output tokens',
      ],
      rows: labelledCandidates(solution).map(({ label, candidate }) => {
        const cost = decodeCostForParams(candidate.params, hardware, serving);
        return [
          label,
          formatCount(candidate.params),
          `${formatCount(cost.kvBytesPerToken / 1024)} KiB`,
          formatPercent(cost.utilisation),
          cost.memoryBound ? 'memory' : 'compute',
          formatDollars(cost.dollarsPerToken * PER_MILLION),
        ];
      }),
    },
  };
}

/** Unique tokens, epochs of each candidate, and the optimum with unlimited data. */
export function dataWallSection(problem: Problem, solution: Solution): ReportSection | null {
  const unlimited = solution.withoutDataLimit;
  if (!unlimited || !problem.data) return null;
  const words = wordsFor(solution);
  const optimum = solution.lifetimeOptimal;
  const row = (label: string, c: Candidate) => [
    label,
    formatCount(c.params),
    formatCount(c.tokens),
    c.epochs === null ? '—' : formatRatio(c.epochs),
    formatCount(c.effectiveTokens),
    words.amount(words.value(c)),
  ];
  return {
    title: 'Data wall',
    lines: [
      `${formatCount(problem.data.uniqueTokens)} unique training tokens: the lifetime optimum trains for ` +
        `${optimum.epochs === null ? '—' : formatRatio(optimum.epochs)} epochs, its ${formatCount(optimum.tokens)} ` +
        `tokens worth ${formatCount(optimum.effectiveTokens)} fresh ones.`,
      `With unlimited unique data the optimum would be ${formatCount(unlimited.params)} parameters on ` +
        `${formatCount(unlimited.tokens)} tokens; the limit adds ${formatPercent(dataLimitCost(solution, unlimited))} ` +
        `to the lifetime ${words.noun}.`,
    ],
    table: {
      header: ['candidate', 'params', 'tokens', 'epochs', 'worth in fresh tokens', `lifetime ${words.noun}`],
      rows: [row('Lifetime-optimal', optimum), row('With unlimited unique data', unlimited)],
    },
  };
}

/** GPU-hours, days on the cluster, energy, CO₂ and replica size of each candidate. */
export function footprintSection(scenario: Scenario, solution: Solution): ReportSection | null {
  if (solution.lifetimeOptimal.gpuHours === undefined) return null;
  const { pue, gridKgCo2PerKwh } = scenario.energy;
  return {
    title: 'Footprint',
    lines: [
      `Training days on a cluster of ${formatRatio(scenario.training.clusterGpus)} GPUs; GPU-hours, energy and CO₂ ` +
        `over training and serving, at PUE ${formatSignificant(pue)} and ${formatSignificant(gridKgCo2PerKwh)} kg CO₂ per kWh.`,
    ],
    table: { header: FOOTPRINT_TABLE_HEADER, rows: footprintTableRows(solution) },
  };
}
