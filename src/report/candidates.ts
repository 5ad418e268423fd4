import {
  baselineCandidateId,
  CANDIDATE_IDS,
  type BaselineRule,
  type Candidate,
  type Saving,
  type Solution,
  type SolutionWarning,
} from '../model';
import {
  formatCount,
  formatDollars,
  formatEnergy,
  formatPercent,
  formatRatio,
  formatScientific,
} from '../format/quantity';

/** A candidate of a solution with a stable id, a label for people, and what the optimum saves on it. */
export interface LabelledCandidate {
  /** Stable across charts, tables and files: `lifetime`, `chinchilla`, `baseline-20`, … */
  readonly id: string;
  readonly label: string;
  readonly candidate: Candidate;
  /** What the lifetime optimum saves against this candidate; null for the optimum itself. */
  readonly saving: Saving | null;
  /** What the candidate is, where its label alone could mislead. */
  readonly note?: string;
}

/** Kaplan et al. 2020's allocation as a baseline (see model/optimum/kaplan-allocation.ts). */
export const KAPLAN_BASELINE_LABEL = 'Kaplan 2020 allocation';
const KAPLAN_BASELINE_NOTE =
  'Kaplan et al. 2020’s compute-efficient allocation (§6.1, Table 6): N = 1.3e9 · C^0.73, D = 2e10 · C^0.27 ' +
  'with C in PF-days, at the C that reaches the target loss under this law';
const KAPLAN_LAW_OPTIMUM_NOTE =
  'the C = 6ND optimum of Kaplan et al.’s L(N, D) (N grows as C^0.556), not their published allocation ' +
  '(N ∝ C^0.73, from their L(N, S) fit; add the kaplan2020 baseline for that)';

/** How a baseline rule reads in tables, cards and charts: "20 tokens/param", "Kaplan 2020 allocation". */
export function baselineLabel(rule: BaselineRule): string {
  return rule === 'kaplan2020' ? KAPLAN_BASELINE_LABEL : `${rule.toLocaleString('en-US')} tokens/param`;
}

/**
 * The candidates of a solution in display order: the optimum, the best model without test-time
 * compute (when the optimiser could buy some), Chinchilla, then each baseline.
 */
export function labelledCandidates(solution: Solution): LabelledCandidate[] {
  const withoutTestTime: LabelledCandidate[] = solution.usesTestTime
    ? [
        {
          id: CANDIDATE_IDS.withoutTestTime,
          // An accuracy one attempt cannot reach is compared at the fewest attempts that do.
          label:
            solution.withoutTestTime.k > 1
              ? `Fewest attempts (k = ${formatRatio(solution.withoutTestTime.k)})`
              : 'Without test-time compute',
          candidate: solution.withoutTestTime,
          saving: solution.savings.withoutTestTime,
        },
      ]
    : [];
  return [
    {
      id: CANDIDATE_IDS.lifetime,
      label: 'Lifetime-optimal',
      candidate: solution.lifetimeOptimal,
      saving: null,
    },
    ...withoutTestTime,
    solution.lawForm === 'kaplan'
      ? {
          id: CANDIDATE_IDS.chinchilla,
          label: 'Compute-optimal under Kaplan’s L(N, D)',
          candidate: solution.chinchillaOptimal,
          saving: solution.savings.chinchillaOptimal,
          note: KAPLAN_LAW_OPTIMUM_NOTE,
        }
      : {
          id: CANDIDATE_IDS.chinchilla,
          label: 'Chinchilla-optimal',
          candidate: solution.chinchillaOptimal,
          saving: solution.savings.chinchillaOptimal,
        },
    ...solution.baselines.map((baseline, index) => ({
      id: baselineCandidateId(baseline.rule),
      label: baselineLabel(baseline.rule),
      candidate: baseline,
      saving: solution.savings.baselines[index] ?? null,
      ...(baseline.rule === 'kaplan2020' ? { note: KAPLAN_BASELINE_NOTE } : {}),
    })),
  ];
}

/** Column titles of the human-readable candidate table (terminal and Markdown report). */
const CANDIDATE_COLUMNS = [
  'candidate',
  'params',
  'tokens',
  'tokens/param',
  'k',
  'training FLOPs',
  'inference FLOPs',
  'total FLOPs',
  'training $',
  'inference $',
  'total $',
  'optimum saves',
] as const;

/** The k column only matters when the optimiser could buy test-time compute. */
const K_COLUMN = CANDIDATE_COLUMNS.indexOf('k');

function withoutUnusedK<T>(cells: readonly T[], solution: Solution): T[] {
  return solution.usesTestTime ? [...cells] : cells.filter((_, index) => index !== K_COLUMN);
}

export function candidateTableHeader(solution: Solution): string[] {
  return withoutUnusedK(CANDIDATE_COLUMNS, solution);
}

/** One row per candidate in human units; savings in the metric the solution minimised. */
export function candidateTableRows(solution: Solution): string[][] {
  const metric = solution.objective === 'cost' ? 'totalCost' : 'totalFlops';
  return labelledCandidates(solution).map(({ label, candidate: c, saving }) =>
    withoutUnusedK(
      [
        label,
        formatCount(c.params),
        formatCount(c.tokens),
        formatRatio(c.tokensPerParam),
        formatRatio(c.k),
        formatScientific(c.trainingFlops),
        formatScientific(c.inferenceFlops),
        formatScientific(c.totalFlops),
        formatDollars(c.trainingCost),
        formatDollars(c.inferenceCost),
        formatDollars(c.totalCost),
        saving ? formatPercent(saving[metric]) : '—',
      ],
      solution,
    ),
  );
}

/** Column titles of the footprint table: GPU-hours, time, energy and serving size of each candidate. */
export const FOOTPRINT_TABLE_HEADER = [
  'candidate',
  'epochs',
  'GPU-hours',
  'training days',
  'energy',
  'CO₂',
  'GPUs per replica',
] as const;

/** One row per candidate; "—" where the solution carries no fleet or no data limit. */
/** "label: note" for each candidate that carries a note, for the lines under a table. */
export function candidateNotes(solution: Solution): string[] {
  return labelledCandidates(solution).flatMap(({ label, note }) => (note ? [`${label}: ${note}.`] : []));
}

export function footprintTableRows(solution: Solution): string[][] {
  return labelledCandidates(solution).map(({ label, candidate: c }) => [
    label,
    c.epochs === null ? '—' : formatRatio(c.epochs),
    c.gpuHours === undefined ? '—' : formatCount(c.gpuHours),
    c.trainingDays === undefined ? '—' : formatRatio(c.trainingDays),
    c.energyKwh === undefined ? '—' : formatEnergy(c.energyKwh),
    c.co2Kg === undefined ? '—' : `${formatCount(c.co2Kg / 1000)} t`,
    c.replicaGpus === undefined ? '—' : `${c.replicaGpus}${c.replicaExceedsNode ? ' (over a node)' : ''}`,
  ]);
}

/** The warnings that concern one candidate: its own and those of the whole solution. */
export function warningsOf(solution: Solution, id: string): SolutionWarning[] {
  return solution.warnings.filter((warning) => warning.candidate === id || warning.candidate === null);
}

/**
 * Each warning as a line for people, under the candidate tables: "Lifetime-optimal: message
 * (change law)"; solution-wide warnings name no candidate.
 */
export function warningLines(solution: Solution): string[] {
  const labels = new Map(labelledCandidates(solution).map(({ id, label }) => [id, label]));
  return solution.warnings.map((warning) => {
    const who =
      warning.candidate === null ? 'All candidates' : (labels.get(warning.candidate) ?? warning.candidate);
    return `${who}: ${warning.message} [${warning.severity} ${warning.code}; change ${warning.field}]`;
  });
}
