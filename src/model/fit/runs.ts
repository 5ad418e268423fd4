import { ScienceError, formatForMessage } from '../errors';

/** One finished training run: N parameters trained on D tokens reached final loss L. */
export interface TrainingRun {
  readonly params: number;
  readonly tokens: number;
  readonly loss: number;
}

/** A run's training compute, C ≈ 6ND FLOPs (Kaplan et al. 2020 §2.1), what run tables are plotted against. */
export function trainingCompute(run: Pick<TrainingRun, 'params' | 'tokens'>): number {
  return 6 * run.params * run.tokens;
}

/** The law has five free constants (E, A, B, α, β); fewer than twice as many runs cannot pin them down. */
export const MIN_RUNS = 10;

export interface RunSelection {
  /**
   * Leave out the K runs with the highest final loss, as Besiroglu et al. 2024 leave out 5 (§2:
   * their notebook `data_analysis.ipynb` keeps the runs whose loss is below the K-th highest, so
   * runs tied at that loss go too). 0 keeps all.
   */
  readonly dropHighestLoss?: number;
  /** Leave out runs trained on more than R tokens per parameter (Sardana et al.'s `--cutoff`). */
  readonly maxTokensPerParam?: number;
}

/** Checks each run is finite and positive, naming the run (1-based) and the field. */
export function checkRuns(runs: readonly TrainingRun[]): void {
  runs.forEach((run, index) => {
    for (const field of ['params', 'tokens', 'loss'] as const) {
      const value = run[field];
      if (!(Number.isFinite(value) && value > 0)) {
        throw new ScienceError(
          'invalid-argument',
          `run ${index + 1}: ${field} must be a positive number (got ${formatForMessage(value)})`,
        );
      }
    }
  });
}

/**
 * The runs a fit uses: first those within the tokens-per-parameter limit, then without the K of
 * highest loss. Refuses a selection of fewer than MIN_RUNS runs, saying what removed the others.
 */
export function selectRuns(runs: readonly TrainingRun[], selection: RunSelection = {}): TrainingRun[] {
  checkRuns(runs);
  const limit = selection.maxTokensPerParam ?? Infinity;
  const drop = selection.dropHighestLoss ?? 0;
  if (!(limit > 0)) {
    throw new ScienceError(
      'invalid-argument',
      `maxTokensPerParam must be positive (got ${formatForMessage(limit)})`,
    );
  }
  if (!(Number.isInteger(drop) && drop >= 0)) {
    throw new ScienceError(
      'invalid-argument',
      `dropHighestLoss must be a whole number of runs, 0 or more (got ${formatForMessage(drop)})`,
    );
  }
  const withinLimit = runs.filter((run) => run.tokens / run.params <= limit);
  let kept = withinLimit;
  if (drop > 0) {
    const losses = withinLimit.map((run) => run.loss).sort((x, y) => y - x);
    const cut = losses[drop - 1] ?? -Infinity;
    kept = withinLimit.filter((run) => run.loss < cut);
  }
  if (kept.length < MIN_RUNS) {
    const removed: string[] = [];
    if (withinLimit.length < runs.length) {
      removed.push(
        `${runs.length - withinLimit.length} above ${formatForMessage(limit)} tokens per parameter`,
      );
    }
    if (kept.length < withinLimit.length) removed.push(`${withinLimit.length - kept.length} of highest loss`);
    throw new ScienceError(
      'invalid-argument',
      `${kept.length} usable run${kept.length === 1 ? '' : 's'} of ${runs.length}` +
        (removed.length > 0 ? ` (left out: ${removed.join(', ')})` : '') +
        `; a fit needs at least ${MIN_RUNS}, as the law has 5 free constants`,
    );
  }
  return kept;
}
