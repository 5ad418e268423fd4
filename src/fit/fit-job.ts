/**
 * What the app's fit worker does, kept free of the worker itself so that it runs (and is tested)
 * anywhere: a CSV's text to a fit, and a share of the bootstrap's resamples to their refits. The
 * draws come from the seed alone (resampleIndices), so the refits do not depend on how the
 * resamples are shared out between workers, and match `tradeoff fit --bootstrap N --seed S`.
 */
import { ScienceError } from '../model/errors';
import {
  bootstrapChunk,
  fitLaw,
  summarizeBootstrap,
  type BootstrapChunk,
  type BootstrapSummary,
  type FitOptions,
  type LawFit,
} from '../model/fit';
import { resampleIndices } from './resample-indices';
import { parseRunsCsv, RunsCsvError, type CsvRun } from './runs-csv';

/** A fit and where its runs came from. Plain data (typed arrays included): it crosses to and from workers. */
export interface FitReport {
  readonly fit: LawFit;
  /** The file line of each fitted run, in the order of `fit.runs`. */
  readonly lines: readonly number[];
  /** Rows in the file: the fit used `fit.runs.length` of them. */
  readonly rowCount: number;
}

/** A fit, or why there is none in words for the user (a CSV line and column, too few runs, …). */
export type FitAnswer =
  { readonly ok: true; readonly report: FitReport } | { readonly ok: false; readonly message: string };

export function fitRunsText(text: string, options: FitOptions): FitAnswer {
  let runs: CsvRun[];
  try {
    runs = parseRunsCsv(text);
  } catch (error) {
    if (error instanceof RunsCsvError) return { ok: false, message: error.message };
    throw error;
  }
  try {
    const fit = fitLaw(runs, options);
    // The fit keeps the selected runs themselves, so their lines are found by identity.
    return {
      ok: true,
      report: { fit, lines: fit.runs.map((run) => (run as CsvRun).line), rowCount: runs.length },
    };
  } catch (error) {
    if (error instanceof ScienceError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Which resamples a bootstrap refits, and how they are drawn. */
export interface BootstrapPlan {
  readonly seed: number;
  readonly resamples: number;
}

/** Refits resamples from..to of the plan's draws; `onProgress` after each refit. */
export function bootstrapPart(
  fit: LawFit,
  plan: BootstrapPlan,
  from: number,
  to: number,
  onProgress?: (done: number) => void,
): BootstrapChunk {
  const indices = resampleIndices(plan.seed, plan.resamples, fit.runs.length);
  return bootstrapChunk(fit, indices, from, to, onProgress ? { onProgress: (done) => onProgress(done) } : {});
}

/** `total` resamples in `parts` contiguous ranges as even as they go, none empty. */
export function splitResamples(total: number, parts: number): [number, number][] {
  const count = Math.max(1, Math.min(parts, total));
  return Array.from({ length: count }, (_, k) => [
    Math.floor((k * total) / count),
    Math.floor(((k + 1) * total) / count),
  ]);
}

/** The parts' refits, in the order of their ranges, summarised as one bootstrap. */
export function mergeParts(parts: readonly BootstrapChunk[]): BootstrapSummary {
  const length = parts.reduce((sum, part) => sum + part.parameters.length, 0);
  const parameters = new Float64Array(length);
  let offset = 0;
  for (const part of parts) {
    parameters.set(part.parameters, offset);
    offset += part.parameters.length;
  }
  return summarizeBootstrap(
    parameters,
    parts.reduce((sum, part) => sum + part.unconverged, 0),
  );
}
