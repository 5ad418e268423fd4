import { formatCount } from './notation';
import { GPUS_PER_NODE } from './hardware/memory-fit';
import type { Candidate } from './optimum/candidate';
import type { BaselineRule, Problem } from './problem';
import { DEFAULT_MIN_LIFT, successFromLoss } from './test-time/task-accuracy';

/**
 * Warnings where an answer leaves the evidence: a candidate outside the runs its law was fitted on,
 * trained on more data than exists, for longer than a year, too small to be a language model,
 * served across nodes, or barely better than chance per attempt. One pure function of the problem
 * and the candidates; the command line, the reports and the app only print what it returns.
 */

export type WarningCode =
  | 'params-beyond-evidence'
  | 'tokens-beyond-evidence'
  | 'evidence-unknown'
  | 'tokens-beyond-largest-dataset'
  | 'tokens-beyond-indexed-web'
  | 'training-over-a-year'
  | 'tiny-model'
  | 'replica-exceeds-node'
  | 'success-near-chance';

/** Every code, in the order warnings are listed. */
export const WARNING_CODES: readonly WarningCode[] = [
  'params-beyond-evidence',
  'tokens-beyond-evidence',
  'evidence-unknown',
  'tokens-beyond-largest-dataset',
  'tokens-beyond-indexed-web',
  'training-over-a-year',
  'tiny-model',
  'replica-exceeds-node',
  'success-near-chance',
];

/**
 * `info`: worth knowing, the answer stands. `warning`: the answer is an extrapolation or hard to
 * carry out. `severe`: the answer cannot be carried out as it stands.
 */
export type WarningSeverity = 'info' | 'warning' | 'severe';

export interface SolutionWarning {
  readonly code: WarningCode;
  readonly severity: WarningSeverity;
  readonly message: string;
  /** The scenario field whose change addresses it, as a path into the file (e.g. `training.clusterGpus`). */
  readonly field: string;
  /** The candidate it concerns (`lifetime`, `without-test-time`, `chinchilla`, `baseline-20`), or null for all. */
  readonly candidate: string | null;
}

/** Ids of a solution's candidates, shared with the reports, the command line and the app. */
export const CANDIDATE_IDS = {
  lifetime: 'lifetime',
  withoutTestTime: 'without-test-time',
  chinchilla: 'chinchilla',
} as const;

export function baselineCandidateId(rule: BaselineRule): string {
  return `baseline-${rule}`;
}

/**
 * The largest data set a released model is known to have been trained on: Qwen2.5's 18T tokens
 * (Qwen Team 2024, "Qwen2.5 Technical Report", arXiv 2412.15115, abstract; docs/science.md §6).
 */
export const LARGEST_KNOWN_TRAINING_SET_TOKENS = 18e12;
/**
 * The stock of text on the indexed web: ~510T tokens (Epoch AI: Villalobos et al. 2024, "Will we run
 * out of data? Limits of LLM scaling based on human-generated data", arXiv 2211.04325; science
 * README §6).
 */
export const INDEXED_WEB_TOKENS = 510e12;
/** A year of wall-clock training: 365 days (a calendar year; beyond it hardware and methods move on). */
export const ONE_YEAR_DAYS = 365;
/**
 * Below a million parameters a "language model" is mostly embeddings: Hoffmann et al. 2022's
 * smallest run has 70M parameters, Sardana et al.'s 151M; only Kaplan et al. 2020 (768 to 1.5B
 * non-embedding parameters) go lower. A judgement, not a measured threshold.
 */
export const TINY_MODEL_PARAMS = 1e6;
/**
 * The optimiser never goes below chance + the least useful lift (test-time/task-accuracy.ts,
 * accuracyDomain); success within this many times that lift of chance (1 − ε in Gadre et al. 2024's
 * Err(L) = ε − k·exp(−γL), arXiv 2403.08540) is flagged as near the domain's edge, where the mapping
 * is flat and small errors in the loss move the answer a lot. An assumption: twice the lift.
 */
export const NEAR_CHANCE_LIFTS = 2;

export interface SolvedCandidates {
  readonly lifetimeOptimal: Candidate;
  readonly withoutTestTime: Candidate;
  readonly chinchillaOptimal: Candidate;
  readonly baselines: readonly (Candidate & { readonly rule: BaselineRule })[];
}

/** Every warning of a solution: those of the whole problem, then each shown candidate's in order. */
export function solutionWarnings(problem: Problem, solved: SolvedCandidates): SolutionWarning[] {
  const shown: [string, Candidate][] = [
    [CANDIDATE_IDS.lifetime, solved.lifetimeOptimal],
    // Without test-time compute the optimum is this candidate itself.
    ...(problem.testTime
      ? [[CANDIDATE_IDS.withoutTestTime, solved.withoutTestTime] as [string, Candidate]]
      : []),
    [CANDIDATE_IDS.chinchilla, solved.chinchillaOptimal],
    ...solved.baselines.map((baseline): [string, Candidate] => [
      baselineCandidateId(baseline.rule),
      baseline,
    ]),
  ];
  return [...problemWarnings(problem), ...shown.flatMap(([id, c]) => candidateWarnings(problem, id, c))];
}

/** Warnings about the problem as a whole. */
export function problemWarnings(problem: Problem): SolutionWarning[] {
  if (problem.law.evidence) return [];
  return [
    {
      code: 'evidence-unknown',
      severity: 'info',
      message: `the law "${problem.law.id}" gives no range of fitted model sizes and tokens, so no answer can be checked against its evidence; give law.fittedRange`,
      field: 'law.fittedRange',
      candidate: null,
    },
  ];
}

/** Warnings about one candidate, in the order of WARNING_CODES. */
export function candidateWarnings(problem: Problem, id: string, candidate: Candidate): SolutionWarning[] {
  const warn = (code: WarningCode, severity: WarningSeverity, field: string, message: string) => ({
    code,
    severity,
    message,
    field,
    candidate: id,
  });
  const warnings: SolutionWarning[] = [];
  const { law } = problem;
  const evidence = law.evidence;
  if (evidence) {
    const params = outside(candidate.params, evidence.params, 'parameters');
    if (params) warnings.push(warn('params-beyond-evidence', 'warning', 'law', fitted(params, law.id)));
    const tokens = outside(candidate.tokens, evidence.tokens, 'training tokens');
    if (tokens) warnings.push(warn('tokens-beyond-evidence', 'warning', 'law', fitted(tokens, law.id)));
  }
  const data = dataWarning(problem, candidate);
  if (data) warnings.push(warn(data.code, data.severity, 'data.uniqueTokens', data.message));
  const fleet = problem.fleet;
  if (fleet && candidate.trainingDays !== undefined && candidate.trainingDays > ONE_YEAR_DAYS) {
    warnings.push(
      warn(
        'training-over-a-year',
        'warning',
        'training.clusterGpus',
        `training takes ${Math.round(candidate.trainingDays).toLocaleString('en-US')} days ` +
          `(${(candidate.trainingDays / ONE_YEAR_DAYS).toPrecision(2)} years) on ` +
          `${fleet.clusterGpus.toLocaleString('en-US')} GPUs: more than a year; a larger cluster shortens it`,
      ),
    );
  }
  if (candidate.params < TINY_MODEL_PARAMS) {
    warnings.push(
      warn(
        'tiny-model',
        'warning',
        'target',
        `${formatCount(candidate.params)} parameters: fewer than ${formatCount(TINY_MODEL_PARAMS)}, too small for the loss laws to describe; aim for a better target`,
      ),
    );
  }
  if (candidate.replicaExceedsNode) {
    warnings.push(
      warn(
        'replica-exceeds-node',
        'info',
        'inference.gpu',
        `one serving replica needs ${candidate.replicaGpus ?? '?'} GPUs, more than a node of ${GPUS_PER_NODE}: tensor parallelism across nodes, slower than the roofline assumes`,
      ),
    );
  }
  const chance = chanceWarning(problem, candidate);
  if (chance) warnings.push(warn('success-near-chance', 'warning', 'testTime.kMax', chance));
  return warnings;
}

interface Excursion {
  readonly what: string;
  readonly value: number;
  readonly bound: number;
  /** How many times beyond the bound, ≥ 1. */
  readonly ratio: number;
  readonly above: boolean;
}

/** How far a value lies outside [min, max], or null inside. */
function outside(value: number, [min, max]: readonly [number, number], what: string): Excursion | null {
  if (value > max) return { what, value, bound: max, ratio: value / max, above: true };
  if (value < min) return { what, value, bound: min, ratio: min / value, above: false };
  return null;
}

function fitted({ what, value, bound, ratio, above }: Excursion, lawId: string): string {
  const extreme = above ? 'largest' : 'smallest';
  return `${formatCount(value)} ${what}: ${howFar(ratio, above)} than the ${extreme} run the law "${lawId}" was fitted on (${formatCount(bound)}), an extrapolation`;
}

/**
 * Unique training data beyond what exists: D tokens without a data limit, min(D, U) under one
 * (the rest are repeats). Names the data limit in force, if any.
 */
function dataWarning(
  problem: Problem,
  candidate: Candidate,
): { code: WarningCode; severity: WarningSeverity; message: string } | null {
  const limit = problem.data?.uniqueTokens;
  const unique = limit === undefined ? candidate.tokens : Math.min(candidate.tokens, limit);
  const [code, severity, bound, name] =
    unique > INDEXED_WEB_TOKENS
      ? ([
          'tokens-beyond-indexed-web',
          'severe',
          INDEXED_WEB_TOKENS,
          'the indexed web (~510T tokens, Epoch AI)',
        ] as const)
      : unique > LARGEST_KNOWN_TRAINING_SET_TOKENS
        ? ([
            'tokens-beyond-largest-dataset',
            'warning',
            LARGEST_KNOWN_TRAINING_SET_TOKENS,
            'the largest known training set (~18T tokens, Qwen2.5)',
          ] as const)
        : [];
  if (code === undefined) return null;
  const ratio = `${times(unique / bound)} ${name}`;
  const message =
    limit === undefined
      ? `trains on ${formatCount(candidate.tokens)} tokens, ${ratio}, and no data limit is set; set data.uniqueTokens to price repeated data`
      : candidate.tokens > limit
        ? `trains on ${formatCount(candidate.tokens)} tokens, repeating the data limit's ${formatCount(limit)} unique tokens, which are ${ratio}`
        : `trains on ${formatCount(candidate.tokens)} unique tokens, ${ratio}; the data limit in force (${formatCount(limit)} unique tokens) allows it`;
  return { code, severity, message };
}

/**
 * Per-attempt success close to chance: only known through a loss mapping, whose chance level is
 * 1 − ε. A success entered directly has no chance level (yet) to compare with.
 */
function chanceWarning(problem: Problem, candidate: Candidate): string | null {
  const benefit = problem.testTime?.benefit;
  if (benefit?.model !== 'accuracy') return null;
  if (!('epsilon' in benefit.mapping)) return null;
  const chance = 1 - benefit.mapping.epsilon;
  const margin = NEAR_CHANCE_LIFTS * (benefit.mapping.minLift ?? DEFAULT_MIN_LIFT);
  const success = successFromLoss(candidate.loss, benefit.mapping);
  if (success - chance >= margin) return null;
  return (
    `per-attempt success ${percent(success)} is within ${Math.round(margin * 100)} points of chance (${percent(chance)}, 1 − ε), near the edge of the accuracy mapping's domain: ` +
    `the loss→accuracy mapping is flat there, so the attempts it counts on are uncertain; a lower testTime.kMax keeps the model stronger`
  );
}

/** "38× more", "1.3× fewer", or "4.8 % more" when the bound is barely passed. */
function howFar(ratio: number, above: boolean): string {
  if (ratio < 1.1) return `${((ratio - 1) * 100).toPrecision(2)} % ${above ? 'more' : 'fewer'}`;
  return `${times(ratio)} ${above ? 'more' : 'fewer'}`;
}

/** "38×", "1.3×". */
function times(ratio: number): string {
  return `${ratio >= 10 ? Math.round(ratio).toLocaleString('en-US') : ratio.toPrecision(2)}×`;
}

function percent(fraction: number): string {
  return `${(fraction * 100).toPrecision(3)} %`;
}
