import { describe, expect, it } from 'vitest';
import {
  bootstrapChunk,
  bootstrapFit,
  quantile,
  refitStarts,
  summarizeBootstrap,
} from '../../../src/model/fit/bootstrap';
import { fitLaw, gridStarts, minimizeFromStarts, objectiveFor, polish } from '../../../src/model/fit/fit-law';
import { HuberObjective } from '../../../src/model/fit/huber-objective';
import { resampleIndices } from '../../../src/fit/resample-indices';
import { BESIROGLU_LAW, sardanaRuns, syntheticRuns } from '../../support/runs';

// Refitting every resample from all 4,500 starts, as the reference, takes tens of seconds.
const FULL_REFITS_TIMEOUT = 180_000;

describe('bootstrap refits from the full fit’s optimum', () => {
  // A small case, so that every resample can also be refitted from all 4,500 starts.
  const runs = syntheticRuns(BESIROGLU_LAW, { sizes: 5, ratios: 4, noise: 0.02, seed: 2 });
  const fit = fitLaw(runs);
  const resamples = 40;
  const indices = resampleIndices(9, resamples, runs.length);

  it(
    'give the standard errors of full 4,500-start refits of the same resamples, to 1 %',
    () => {
      // From the optimum alone, 3 of these 40 refits stop in a worse minimum and the errors differ by up to 14 %.
      const warm = bootstrapChunk(fit, indices, 0, resamples);
      const full = new Float64Array(resamples * 5);
      const objective = new HuberObjective({
        params: fit.runs.map((r) => r.params),
        tokens: fit.runs.map((r) => r.tokens),
        loss: fit.runs.map((r) => r.loss),
      });
      for (let k = 0; k < resamples; k++) {
        objective.setMultiplicities(indices.subarray(k * runs.length, (k + 1) * runs.length));
        full.set(minimizeFromStarts(objective, gridStarts()).x, k * 5);
      }
      expect(warm.unconverged).toBe(0);
      const fromWarm = summarizeBootstrap(warm.parameters);
      const fromFull = summarizeBootstrap(full);
      for (const key of ['E', 'A', 'B', 'alpha', 'beta'] as const) {
        expect(fromWarm.standardErrors[key]).toBeGreaterThan(0);
        expect(Math.abs(fromWarm.standardErrors[key] / fromFull.standardErrors[key] - 1)).toBeLessThan(0.01);
      }
    },
    FULL_REFITS_TIMEOUT,
  );

  it(
    'reach the full refits’ minimum on every resample of Sardana et al.’s runs, converged',
    () => {
      // Refits from the optimum alone stop in a worse local minimum on 1 of these 15 resamples; the
      // valley starts find the lower one.
      const sardana = fitLaw(sardanaRuns());
      const draws = resampleIndices(9, 15, 47);
      const objective = new HuberObjective({
        params: sardana.runs.map((r) => r.params),
        tokens: sardana.runs.map((r) => r.tokens),
        loss: sardana.runs.map((r) => r.loss),
      });
      const refits = bootstrapChunk(sardana, draws, 0, 15);
      expect(refits.unconverged).toBe(0);
      const gradient = new Float64Array(5);
      let missedFromOptimumAlone = 0;
      for (let k = 0; k < 15; k++) {
        objective.setMultiplicities(draws.subarray(k * 47, (k + 1) * 47));
        const full = minimizeFromStarts(objective, gridStarts()).f;
        const refit = objective.evaluate(refits.parameters.slice(k * 5, k * 5 + 5), gradient);
        expect(refit).toBeLessThanOrEqual(full * (1 + 1e-9));
        if (polish(objective, sardana.parameters).f > full * (1 + 1e-6)) missedFromOptimumAlone++;
      }
      expect(missedFromOptimumAlone).toBe(1);
    },
    FULL_REFITS_TIMEOUT,
  );

  it('stop a start that reaches an earlier start’s minimum without changing any refit or standard error', () => {
    // The reference finishes every one of the 9 starts of every resample and keeps the lowest.
    const stopped = bootstrapChunk(fit, indices, 0, resamples);
    const objective = objectiveFor(fit.runs, fit.huberDelta);
    const finished = new Float64Array(resamples * 5);
    const gradient = new Float64Array(5);
    for (let k = 0; k < resamples; k++) {
      objective.setMultiplicities(indices.subarray(k * runs.length, (k + 1) * runs.length));
      const refits = refitStarts(fit).map((start) => polish(objective, start));
      const best = refits.reduce((low, refit) => (refit.f < low.f ? refit : low));
      finished.set(best.x, k * 5);
      const value = objective.evaluate(stopped.parameters.slice(k * 5, k * 5 + 5), gradient);
      expect(Math.abs(value / best.f - 1)).toBeLessThan(1e-9);
    }
    const fromStopped = summarizeBootstrap(stopped.parameters);
    const fromFinished = summarizeBootstrap(finished);
    for (const key of ['E', 'A', 'B', 'alpha', 'beta'] as const) {
      expect(Math.abs(fromStopped.standardErrors[key] / fromFinished.standardErrors[key] - 1)).toBeLessThan(
        1e-6,
      );
    }
  });

  it('can be run in chunks that together give the whole, with progress and cancellation', () => {
    const whole = bootstrapChunk(fit, indices, 0, 6);
    const progress: number[] = [];
    const first = bootstrapChunk(fit, indices, 0, 3, {
      onProgress: (done, total) => progress.push(done / total),
    });
    const second = bootstrapChunk(fit, indices, 3, 6);
    expect(Array.from(first.parameters).concat(Array.from(second.parameters))).toEqual(
      Array.from(whole.parameters),
    );
    expect(progress).toEqual([1 / 3, 2 / 3, 1]);
    let checks = 0;
    const cancelled = bootstrapChunk(fit, indices, 0, 6, { shouldAbort: () => ++checks > 2 });
    expect(cancelled).toMatchObject({ aborted: true, completed: 2 });
    expect(cancelled.parameters).toHaveLength(10);
  });

  it('refuses draws that do not fit the runs or a range outside them', () => {
    expect(() => bootstrapChunk(fit, new Int32Array(7), 0, 1)).toThrow(/not a multiple of 20 runs/);
    expect(() => bootstrapChunk(fit, indices, 5, 41)).toThrow(/outside the 40 resamples drawn/);
  });

  it('summarises in one call as bootstrapFit, reporting progress', () => {
    let calls = 0;
    const summary = bootstrapFit(fit, indices, () => calls++);
    expect(calls).toBe(resamples);
    expect(summary.resamples).toBe(resamples);
    expect(summary.intervals.alpha['95'][0]).toBeLessThanOrEqual(summary.intervals.alpha['80'][0]);
    expect(summary.intervals.alpha['80'][0]).toBeLessThanOrEqual(fit.law.alpha * 1.2);
  });
});

describe('summarizeBootstrap', () => {
  // Three refits (ln A, ln B, ln E, α, β), chosen so the statistics are easy by hand.
  const parameters = Float64Array.from(
    [
      [Math.log(10), Math.log(100), 0, 0.3, 0.2],
      [Math.log(20), Math.log(100), 0, 0.4, 0.2],
      [Math.log(40), Math.log(100), 0, 0.5, 0.5],
    ].flat(),
  );
  const summary = summarizeBootstrap(parameters);

  it('gives sample standard deviations (n − 1) of the constants in their own units', () => {
    expect(summary.standardErrors.alpha).toBeCloseTo(0.1, 12);
    expect(summary.standardErrors.A).toBeCloseTo(
      Math.sqrt(((10 - 70 / 3) ** 2 + (20 - 70 / 3) ** 2 + (40 - 70 / 3) ** 2) / 2),
      10,
    );
    expect(summary.standardErrors.E).toBe(0);
    expect(summary.standardErrors.B).toBe(0);
  });

  it('gives the covariance over (ln A, ln B, ln E, α, β)', () => {
    expect(summary.covariance[3]?.[3]).toBeCloseTo(0.01, 12);
    expect(summary.covariance[0]?.[0]).toBeCloseTo(Math.LN2 ** 2, 12); // ln A = ln 10 + {0, 1, 2}·ln 2
    expect(summary.covariance[0]?.[3]).toBeCloseTo(0.1 * Math.LN2, 12);
    expect(summary.covariance[3]?.[4]).toBe(summary.covariance[4]?.[3]);
    expect(summary.covariance[1]).toEqual([0, 0, 0, 0, 0]);
  });

  it('gives percentile intervals interpolated between order statistics (NumPy’s default)', () => {
    expect(summary.intervals.alpha['80'][0]).toBeCloseTo(0.32, 12);
    expect(summary.intervals.alpha['80'][1]).toBeCloseTo(0.48, 12);
    expect(summary.intervals.A['95'][1]).toBeCloseTo(20 + 0.95 * 20, 10);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });

  it('refuses fewer than 2 resamples', () => {
    expect(() => summarizeBootstrap(new Float64Array(5))).toThrow(/at least 2 resamples/);
  });
});
