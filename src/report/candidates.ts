import type { Candidate, Saving, Solution } from '../model';

/** A candidate of a solution with a stable id, a label for people, and what the optimum saves on it. */
export interface LabelledCandidate {
  /** Stable across charts, tables and files: `lifetime`, `chinchilla`, `baseline-20`, … */
  readonly id: string;
  readonly label: string;
  readonly candidate: Candidate;
  /** What the lifetime optimum saves against this candidate; null for the optimum itself. */
  readonly saving: Saving | null;
}

/** The candidates of a solution in display order: the optimum, Chinchilla, then each baseline. */
export function labelledCandidates(solution: Solution): LabelledCandidate[] {
  return [
    { id: 'lifetime', label: 'Lifetime-optimal', candidate: solution.lifetimeOptimal, saving: null },
    {
      id: 'chinchilla',
      label: 'Chinchilla-optimal',
      candidate: solution.chinchillaOptimal,
      saving: solution.savings.chinchillaOptimal,
    },
    ...solution.baselines.map((baseline, index) => ({
      id: `baseline-${baseline.rule}`,
      label: `${baseline.rule.toLocaleString('en-US')} tokens/param`,
      candidate: baseline,
      saving: solution.savings.baselines[index] ?? null,
    })),
  ];
}
