import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapFit, fitLaw, type LawFit } from '../../src/model/fit';
import { bootstrapPart, fitRunsText, mergeParts, splitResamples } from '../../src/fit/fit-job';
import { lawSection } from '../../src/fit/law-section';
import { resampleIndices } from '../../src/fit/resample-indices';
import { parseRunsCsv } from '../../src/fit/runs-csv';

const SARDANA = readFileSync(path.resolve('resources/runs/sardana2024-mpt-runs.csv'), 'utf8');

function fitted(text: string, options = {}): { fit: LawFit; lines: readonly number[]; rowCount: number } {
  const answer = fitRunsText(text, options);
  if (!answer.ok) throw new Error(answer.message);
  return answer.report;
}

describe('fitRunsText (the fit worker’s fit)', () => {
  const report = fitted(SARDANA, { dropHighestLoss: 5 });

  it('fits exactly as the engine does on the parsed runs, and keeps each run’s file line', () => {
    const runs = parseRunsCsv(SARDANA);
    const direct = fitLaw(runs, { dropHighestLoss: 5 });
    expect(report.fit.law).toEqual(direct.law);
    expect(report.fit.objective).toBe(direct.objective);
    expect(report.rowCount).toBe(47);
    expect(report.fit.runs).toHaveLength(42);
    // Each fitted run is the run of the file line it names.
    report.fit.runs.forEach((run, i) => {
      const line = report.lines[i] as number;
      expect(runs.find((row) => row.line === line)).toMatchObject(run);
    });
    expect(new Set(report.lines).size).toBe(42);
  });

  it('answers a bad row or too few runs with the user’s message, not an exception', () => {
    expect(fitRunsText('params,tokens,loss\n150M,3B,3.5\n300M,6B,x\n', {})).toEqual({
      ok: false,
      message: expect.stringMatching(/^line 3, column "loss": /),
    });
    expect(fitRunsText('params,tokens,loss\n150M,3B,3.5\n300M,6B,3.2\n', {})).toEqual({
      ok: false,
      message: '2 usable runs of 2; a fit needs at least 10, as the law has 5 free constants',
    });
  });

  it('gives the law section that "Use this law" and --write-law write', () => {
    expect(lawSection(report.fit, null)).toEqual({ ...report.fit.law, fittedRange: report.fit.fittedRange });
  });
});

describe('the bootstrap shared out between workers', () => {
  const { fit } = fitted(SARDANA);
  const plan = { seed: 7, resamples: 6 };

  it('gives exactly the one-call bootstrap of the same seed, however the resamples are split', () => {
    const whole = bootstrapFit(fit, resampleIndices(plan.seed, plan.resamples, fit.runs.length));
    const split = mergeParts(
      splitResamples(plan.resamples, 2).map(([from, to]) => bootstrapPart(fit, plan, from, to)),
    );
    expect(split).toEqual(whole);
    const section = lawSection(fit, split);
    expect(section.covariance).toEqual(whole.covariance);
  });

  it('reports each refit of its part as it goes', () => {
    const seen: number[] = [];
    const part = bootstrapPart(fit, plan, 4, 6, (done) => seen.push(done));
    expect(seen).toEqual([1, 2]);
    expect(part.completed).toBe(2);
    expect(part.parameters).toHaveLength(10);
  });
});

describe('splitResamples', () => {
  it('covers 0..total in contiguous, non-empty ranges whose sizes differ by at most one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 16 }), (total, parts) => {
        const ranges = splitResamples(total, parts);
        expect(ranges).toHaveLength(Math.min(total, parts));
        expect(ranges[0]?.[0]).toBe(0);
        expect(ranges.at(-1)?.[1]).toBe(total);
        ranges.forEach(([from, to], k) => {
          expect(to).toBeGreaterThan(from);
          if (k > 0) expect(from).toBe(ranges[k - 1]?.[1]);
        });
        const sizes = ranges.map(([from, to]) => to - from);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
    expect(splitResamples(1000, 2)).toEqual([
      [0, 500],
      [500, 1000],
    ]);
  });
});
