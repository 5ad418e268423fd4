import type { Candidate, Solution } from '../model';
import { formatCount, formatDollars, formatRatio, formatScientific, formatShare } from '../format/quantity';

/**
 * The answer of a solved scenario in plain words, for the top of the app, the report and
 * `tradeoff solve`: "Train a 20.5B model on 3.3T tokens (161 tokens per parameter). Over its life
 * it costs $1.43M, 11 % less than the Chinchilla-optimal 34.1B model."
 *
 * It speaks in the scenario's objective (dollars or FLOPs), names the test-time compute when the
 * optimum buys some, the repeated epochs when the data limit binds, and says so when the optimum
 * is the Chinchilla optimum (no inference demand) rather than claiming a saving of 0 %.
 */
export function headline(solution: Solution): string {
  return [trainSentence(solution), lifetimeSentence(solution), ...extraSentences(solution)].join(' ');
}

/** The metric the solution minimised, with how it reads in a sentence. */
export interface MetricWords {
  readonly key: 'totalCost' | 'totalFlops';
  /** "cost", "FLOPs": what the lifetime bill is counted in. */
  readonly noun: string;
  readonly value: (c: Candidate) => number;
  readonly amount: (value: number) => string;
  /** "costs $1.43M", "needs 4.82e23 FLOPs". */
  readonly verb: string;
  /** Comparatives: cheaper is "less" for dollars, "fewer" for FLOPs. */
  readonly less: string;
}

const COST_WORDS: MetricWords = {
  key: 'totalCost',
  noun: 'cost',
  value: (c) => c.totalCost,
  amount: formatDollars,
  verb: 'costs',
  less: 'less',
};

const FLOPS_WORDS: MetricWords = {
  key: 'totalFlops',
  noun: 'FLOPs',
  value: (c) => c.totalFlops,
  amount: (value) => `${formatScientific(value)} FLOPs`,
  verb: 'needs',
  less: 'fewer',
};

/** How the metric the solution minimised reads: lifetime cost in dollars or FLOPs. */
export function wordsFor(solution: Solution): MetricWords {
  return solution.objective === 'cost' ? COST_WORDS : FLOPS_WORDS;
}

/** Below this share (half of the last digit formatShare prints) two bills read as equal. */
const SAME_SHARE = 0.00005;

/** "Train a 20.5B model on 3.3T tokens (161 tokens per parameter[, 2.4 epochs over 1.4T unique tokens])." */
function trainSentence(solution: Solution): string {
  const optimum = solution.lifetimeOptimal;
  const repeats =
    optimum.epochs !== null && optimum.epochs > 1
      ? `, ${formatRatio(optimum.epochs)} epochs over ${formatCount(optimum.tokens / optimum.epochs)} unique tokens`
      : '';
  return (
    `Train ${article(formatCount(optimum.params))} ${sizedModel(optimum.params)} on ${formatCount(optimum.tokens)} tokens ` +
    `(${formatRatio(optimum.tokensPerParam)} tokens per parameter${repeats}).`
  );
}

/** "an" before a number read with a vowel sound (8…, eighty…, 11, 18), else "a". */
function article(number: string): string {
  return /^(8|1[18](\D|$))/.test(number) ? 'an' : 'a';
}

/** "20.5B model", "110-parameter model": a bare number would not say what it counts. */
function sizedModel(params: number): string {
  const size = formatCount(params);
  return `${/^\d+$/.test(size) ? `${size}-parameter` : size} model`;
}

/**
 * The training-compute optimum, of `params` when given: "Chinchilla-optimal 34.1B model"; under a
 * Kaplan-form law it is not Chinchilla's, so "34.1B model compute-optimal under Kaplan’s L(N, D)".
 */
function computeOptimal(solution: Solution, params?: number): string {
  const model = params === undefined ? 'model' : sizedModel(params);
  return solution.lawForm === 'kaplan'
    ? `${model} compute-optimal under Kaplan’s L(N, D)`
    : `Chinchilla-optimal ${model}`;
}

/** "Over its life it costs $1.43M, 11 % less than the Chinchilla-optimal 34.1B model." */
function lifetimeSentence(solution: Solution): string {
  const words = wordsFor(solution);
  const optimum = solution.lifetimeOptimal;
  const chinchilla = solution.chinchillaOptimal;
  const bill = `${words.verb} ${words.amount(words.value(optimum))}`;
  // Without inference the lifetime bill is the training bill, which the compute optimum minimises.
  if (optimum.inferenceFlops === 0) {
    return `With no inference demand this is the ${computeOptimal(solution)}: it ${bill} to train.`;
  }
  const share = solution.savings.chinchillaOptimal[words.key];
  // "the Chinchilla-optimal 34.1B model" reads as the larger one; say so when it is the smaller.
  const smaller = optimum.params > chinchilla.params ? 'smaller ' : '';
  return `Over its life it ${bill}, ${comparison(share, words)} the ${smaller}${computeOptimal(solution, chinchilla.params)}.`;
}

/** "11 % less than", "3 % more than", "the same as … to within 0.01 %" for a saving share. */
function comparison(share: number, words: MetricWords): string {
  if (Math.abs(share) < SAME_SHARE) return 'within 0.01 % of';
  return `${formatShare(Math.abs(share))} ${share > 0 ? words.less : 'more'} than`;
}

/** Test-time compute the optimum buys, and what the data limit costs, when they apply. */
function extraSentences(solution: Solution): string[] {
  const words = wordsFor(solution);
  const optimum = solution.lifetimeOptimal;
  const sentences: string[] = [];
  if (solution.usesTestTime && optimum.k > 1) {
    const reference = solution.withoutTestTime;
    const against =
      reference.k > 1
        ? `the fewest attempts that reach the target (k = ${formatRatio(reference.k)})`
        : 'a single plain answer';
    const k = formatRatio(optimum.k);
    sentences.push(
      `Spending ${k}× the compute of one plain answer on each query (k = ${k}) ` +
        `${savingPhrase(solution.savings.withoutTestTime[words.key], words, against)}.`,
    );
  }
  const unlimited = solution.withoutDataLimit;
  if (unlimited) {
    const extra = dataLimitCost(solution, unlimited);
    sentences.push(
      extra < SAME_SHARE
        ? 'The data limit does not bind.'
        : `The data limit adds ${formatShare(extra)} to the lifetime ${words.noun}.`,
    );
  }
  return sentences;
}

/** "saves 8 % against X", "costs 3 % more than X", "costs the same as X to within 0.01 %". */
function savingPhrase(share: number, words: MetricWords, against: string): string {
  if (share >= SAME_SHARE) return `saves ${formatShare(share)} against ${against}`;
  if (share <= -SAME_SHARE) return `${words.verb} ${formatShare(-share)} more than ${against}`;
  return `${words.verb} the same as ${against} to within 0.01 %`;
}

/**
 * Extra lifetime cost (or FLOPs, per the objective) of the data limit against unlimited unique
 * data, as a fraction: what `tradeoff solve` and the headline report.
 */
export function dataLimitCost(solution: Solution, unlimited: Candidate): number {
  const value = wordsFor(solution).value;
  return value(solution.lifetimeOptimal) / value(unlimited) - 1;
}
