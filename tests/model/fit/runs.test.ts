import { describe, expect, it } from 'vitest';
import { ScienceError } from '../../../src/model/errors';
import { MIN_RUNS, selectRuns, type TrainingRun } from '../../../src/model/fit/runs';
import { sardanaRuns } from '../../support/runs';

const runs = sardanaRuns();

describe('selectRuns: which runs a fit uses', () => {
  it('keeps every run by default', () => {
    expect(selectRuns(runs)).toHaveLength(47);
  });

  it('drops the K runs of highest loss, as Besiroglu et al. drop 5', () => {
    const kept = selectRuns(runs, { dropHighestLoss: 5 });
    expect(kept).toHaveLength(42);
    const highest = [...runs].sort((x, y) => y.loss - x.loss).slice(0, 5);
    for (const run of highest) expect(kept).not.toContain(run);
    expect(Math.max(...kept.map((r) => r.loss))).toBeLessThan(Math.min(...highest.map((r) => r.loss)));
  });

  it('drops runs tied at the cut too (their notebook keeps loss < the K-th highest)', () => {
    const tied = [
      ...runs.slice(0, 20),
      { ...(runs[0] as TrainingRun), loss: 9 },
      { ...(runs[1] as TrainingRun), loss: 9 },
    ];
    expect(selectRuns(tied, { dropHighestLoss: 1 })).toHaveLength(20);
  });

  it('leaves out runs above R tokens per parameter (Sardana et al.’s cutoff keeps D/N ≤ R)', () => {
    const kept = selectRuns(runs, { maxTokensPerParam: 100 });
    expect(kept.length).toBeGreaterThanOrEqual(MIN_RUNS);
    expect(kept.length).toBeLessThan(47);
    for (const run of kept) expect(run.tokens / run.params).toBeLessThanOrEqual(100 * (1 + 1e-12));
    expect(kept).toHaveLength(runs.filter((r) => r.tokens / r.params <= 100).length);
  });

  it('refuses fewer than 10 usable runs and says what left the others out', () => {
    expect(() => selectRuns(runs.slice(0, 9))).toThrow(
      '9 usable runs of 9; a fit needs at least 10, as the law has 5 free constants',
    );
    expect(() => selectRuns(runs, { dropHighestLoss: 40 })).toThrow(
      /7 usable runs of 47 \(left out: 40 of highest loss\)/,
    );
    expect(() => selectRuns(runs, { maxTokensPerParam: 12 })).toThrow(/above 12 tokens per parameter/);
  });

  it('names the run and field of a value that is not a positive number', () => {
    const bad = runs.map((run, i) => (i === 3 ? { ...run, loss: Number.NaN } : run));
    expect(() => selectRuns(bad)).toThrow(
      new ScienceError('invalid-argument', 'run 4: loss must be a positive number (got not a number)'),
    );
    expect(() => selectRuns(runs, { dropHighestLoss: 1.5 })).toThrow(
      /dropHighestLoss must be a whole number/,
    );
    expect(() => selectRuns(runs, { maxTokensPerParam: 0 })).toThrow(/maxTokensPerParam must be positive/);
  });
});
