import { ScienceError } from '../errors';
import { LbfgsWorkspace, minimizeLbfgs, type LbfgsOptions, type LbfgsResult } from '../numerics/lbfgs';
import { PARAMETER_COUNT, type HuberObjective } from './huber-objective';
import { isConverged, objectiveFor, POLISH_LBFGS, type LawFit } from './fit-law';

/**
 * The bootstrap of a law fit (Besiroglu et al. 2024, §3, who bootstrap Hoffmann et al.'s runs
 * 4,000 times): fit again on runs drawn with replacement, and read the spread of the refitted
 * constants as their sampling uncertainty. Each refit starts from the full fit's optimum, as
 * Besiroglu et al.'s notebook does, and is converged as far as double precision allows
 * (POLISH_LBFGS): the objective is ~1e-3 and flat, so a minimiser with everyday tolerances stops
 * at its start and the spread comes out 10–100× too small.
 *
 * The optimum alone is not enough: a resample's objective can have a second minimum along the
 * valleys where A trades against α (and B against β), and a refit from the optimum then stops in
 * the worse one (3 of 40 resamples of a 20-run table, 1 of 15 of Sardana et al.'s runs, against
 * full 4,500-start refits). So each resample is also refitted from starts moved along those valleys
 * (VALLEY_SHIFTS), and the lowest refit counts; with them every one of those 55 resamples reached
 * the full refit's minimum. Most valley starts end in the optimum's minimum after all, and a start
 * that reaches a minimum found before is stopped there (SAME_MINIMUM_DISTANCE). Cheaper schemes
 * were measured and lose minima: ranking the valley starts with the grid's loose tolerance and
 * polishing only the best 1–3 (missed 2–9 of 200 resamples of a 20-run table), and centring ln N
 * and ln D (35 % fewer evaluations, but 12 of 200 missed).
 *
 * The draws are given (`indices`, resample after resample, each `runCount` long) so that the
 * caller owns the seeded generator, and the loop is chunked: `bootstrapChunk` refits resamples
 * from..to with a progress callback and an abort check, so an app can run it in a worker and
 * cancel it.
 */

/**
 * Shifts of α (and of β) for the extra starts: α + s with ln A + s·mean(ln N), which keeps A/N^α
 * at the runs' geometric-mean size, so each start lies in the valley rather than up its walls.
 */
export const VALLEY_SHIFTS = [-0.2, -0.1, 0.1, 0.2] as const;

/** The full fit's optimum and the valley starts around it, 5 values each. */
export function refitStarts(fit: LawFit): Float64Array[] {
  const count = fit.runs.length;
  const meanLnN = fit.runs.reduce((sum, run) => sum + Math.log(run.params), 0) / count;
  const meanLnD = fit.runs.reduce((sum, run) => sum + Math.log(run.tokens), 0) / count;
  const x = fit.parameters;
  const starts = [Float64Array.from(x)];
  for (const shift of VALLEY_SHIFTS) {
    const alongA = Float64Array.from(x);
    alongA[0] = (x[0] as number) + shift * meanLnN;
    alongA[3] = (x[3] as number) + shift;
    const alongB = Float64Array.from(x);
    alongB[1] = (x[1] as number) + shift * meanLnD;
    alongB[4] = (x[4] as number) + shift;
    starts.push(alongA, alongB);
  }
  return starts;
}

/**
 * A refit from a later start that comes this close (in every parameter) to a minimum an earlier
 * start reached is stopped there: from so near a polished minimum (max |∇f| ≤ 1e-12) L-BFGS only
 * descends into it, so finishing would find that minimum again. 92 % of the valley starts of
 * Sardana et al.'s resamples end in the optimum's minimum; they come within 1e-6 of it after
 * ~240 of their ~280 evaluations, so this saves about a seventh of a bootstrap. Measured on 1,000 of
 * their resamples and 200 of a 20-run table: every refit reaches the same minimum as without it.
 */
export const SAME_MINIMUM_DISTANCE = 1e-6;

function within(x: Float64Array, y: Float64Array, distance: number): boolean {
  for (let j = 0; j < x.length; j++)
    if (!(Math.abs((x[j] as number) - (y[j] as number)) <= distance)) return false;
  return true;
}

/**
 * One resample's refit, its weights already set: each start polished in turn (later ones stopped
 * on reaching an earlier one's converged minimum, SAME_MINIMUM_DISTANCE); the lowest counts (ties:
 * the first).
 */
export function refitResample(
  objective: HuberObjective,
  starts: readonly Float64Array[],
  workspace: LbfgsWorkspace,
): LbfgsResult {
  let refit = minimizeLbfgs(objective.evaluate, starts[0] as Float64Array, POLISH_LBFGS, workspace);
  // Only converged refits count as minima: a start that stopped elsewhere proves nothing.
  const minima = isConverged(refit) ? [refit.x] : [];
  const options: LbfgsOptions = {
    ...POLISH_LBFGS,
    stopWhen: (x) => minima.some((minimum) => within(x, minimum, SAME_MINIMUM_DISTANCE)),
  };
  for (let k = 1; k < starts.length; k++) {
    const candidate = minimizeLbfgs(objective.evaluate, starts[k] as Float64Array, options, workspace);
    if (candidate.reason === 'stopped') continue;
    if (isConverged(candidate)) minima.push(candidate.x);
    if (candidate.f < refit.f) refit = candidate;
  }
  return refit;
}

export interface BootstrapChunkOptions {
  /** Called after each refit with the number done in this chunk. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Checked before each refit; true stops the chunk early (its result says how far it got). */
  readonly shouldAbort?: () => boolean;
}

export interface BootstrapChunk {
  /** (ln A, ln B, ln E, α, β) of each completed refit, 5 per resample. */
  readonly parameters: Float64Array;
  readonly completed: number;
  /** Refits that stopped before converging (kept: they are still the best point found). */
  readonly unconverged: number;
  readonly aborted: boolean;
}

/** Refits resamples from (inclusive) to `to` (exclusive) of the draws in `indices`. */
export function bootstrapChunk(
  fit: LawFit,
  indices: Int32Array,
  from: number,
  to: number,
  options: BootstrapChunkOptions = {},
): BootstrapChunk {
  const runCount = fit.runs.length;
  if (indices.length % runCount !== 0) {
    throw new ScienceError(
      'invalid-argument',
      `bootstrap draws: ${indices.length} is not a multiple of ${runCount} runs`,
    );
  }
  const available = indices.length / runCount;
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to && to <= available)) {
    throw new ScienceError(
      'invalid-argument',
      `bootstrap chunk ${from}..${to} is outside the ${available} resamples drawn`,
    );
  }
  const objective = objectiveFor(fit.runs, fit.huberDelta);
  const workspace = new LbfgsWorkspace(PARAMETER_COUNT);
  const parameters = new Float64Array((to - from) * PARAMETER_COUNT);
  const starts = refitStarts(fit);
  let completed = 0;
  let unconverged = 0;
  for (let resample = from; resample < to; resample++) {
    if (options.shouldAbort?.())
      return {
        parameters: parameters.slice(0, completed * PARAMETER_COUNT),
        completed,
        unconverged,
        aborted: true,
      };
    objective.setMultiplicities(indices.subarray(resample * runCount, (resample + 1) * runCount));
    const refit = refitResample(objective, starts, workspace);
    if (!isConverged(refit)) unconverged++;
    parameters.set(refit.x, completed * PARAMETER_COUNT);
    completed++;
    options.onProgress?.(completed, to - from);
  }
  return { parameters, completed, unconverged, aborted: false };
}

type Constant = 'E' | 'A' | 'B' | 'alpha' | 'beta';
const CONSTANTS: readonly Constant[] = ['E', 'A', 'B', 'alpha', 'beta'];

export interface BootstrapSummary {
  readonly resamples: number;
  /** Sample standard deviations of the refitted constants (A, B, E in their own units). */
  readonly standardErrors: Readonly<Record<Constant, number>>;
  /** Sample covariance (n − 1) over (ln A, ln B, ln E, α, β), the order of `law.covariance`. */
  readonly covariance: readonly (readonly number[])[];
  /** Percentile intervals: 80 % is the 10th–90th percentile, 95 % the 2.5th–97.5th. */
  readonly intervals: Readonly<
    Record<Constant, { readonly '80': readonly [number, number]; readonly '95': readonly [number, number] }>
  >;
  readonly unconverged: number;
}

/** The constant `name` from a parameter vector (ln A, ln B, ln E, α, β). */
function constantOf(name: Constant, p: Float64Array, offset: number): number {
  switch (name) {
    case 'E':
      return Math.exp(p[offset + 2] as number);
    case 'A':
      return Math.exp(p[offset] as number);
    case 'B':
      return Math.exp(p[offset + 1] as number);
    case 'alpha':
      return p[offset + 3] as number;
    case 'beta':
      return p[offset + 4] as number;
  }
}

/** The q-quantile of sorted values, interpolated linearly between order statistics (NumPy's default). */
export function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (high - low) * (position - below);
}

/** Standard errors, covariance and intervals of refits (5 parameters each, as bootstrapChunk gives). */
export function summarizeBootstrap(parameters: Float64Array, unconverged = 0): BootstrapSummary {
  const resamples = parameters.length / PARAMETER_COUNT;
  if (!(Number.isInteger(resamples) && resamples >= 2)) {
    throw new ScienceError('invalid-argument', 'a bootstrap needs at least 2 resamples');
  }
  const mean = new Array<number>(PARAMETER_COUNT).fill(0);
  for (let r = 0; r < resamples; r++)
    for (let j = 0; j < PARAMETER_COUNT; j++)
      mean[j] = (mean[j] as number) + (parameters[r * PARAMETER_COUNT + j] as number) / resamples;
  const covariance = Array.from({ length: PARAMETER_COUNT }, () =>
    new Array<number>(PARAMETER_COUNT).fill(0),
  );
  for (let r = 0; r < resamples; r++) {
    for (let j = 0; j < PARAMETER_COUNT; j++) {
      const dj = (parameters[r * PARAMETER_COUNT + j] as number) - (mean[j] as number);
      for (let k = 0; k < PARAMETER_COUNT; k++) {
        const dk = (parameters[r * PARAMETER_COUNT + k] as number) - (mean[k] as number);
        (covariance[j] as number[])[k] =
          ((covariance[j] as number[])[k] as number) + (dj * dk) / (resamples - 1);
      }
    }
  }
  const standardErrors = {} as Record<Constant, number>;
  const intervals = {} as Record<Constant, { '80': [number, number]; '95': [number, number] }>;
  for (const name of CONSTANTS) {
    const values = Array.from({ length: resamples }, (_, r) =>
      constantOf(name, parameters, r * PARAMETER_COUNT),
    );
    const average = values.reduce((sum, v) => sum + v, 0) / resamples;
    standardErrors[name] = Math.sqrt(
      values.reduce((sum, v) => sum + (v - average) ** 2, 0) / (resamples - 1),
    );
    values.sort((x, y) => x - y);
    intervals[name] = {
      '80': [quantile(values, 0.1), quantile(values, 0.9)],
      '95': [quantile(values, 0.025), quantile(values, 0.975)],
    };
  }
  return { resamples, standardErrors, covariance, intervals, unconverged };
}

/** The whole bootstrap in one call: every resample in `indices`, summarised. */
export function bootstrapFit(
  fit: LawFit,
  indices: Int32Array,
  onProgress?: BootstrapChunkOptions['onProgress'],
): BootstrapSummary {
  const chunk = bootstrapChunk(
    fit,
    indices,
    0,
    indices.length / fit.runs.length,
    onProgress ? { onProgress } : {},
  );
  return summarizeBootstrap(chunk.parameters, chunk.unconverged);
}
