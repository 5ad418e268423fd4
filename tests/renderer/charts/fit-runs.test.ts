import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitRunsText, type FitReport } from '../../../src/fit/fit-job';
import {
  fitResidualsFigure,
  fitRunsFigure,
  modelSizes,
  observedMinusFitted,
  sizeColour,
} from '../../../src/renderer/charts/fit-runs';

function sardana(): FitReport {
  const answer = fitRunsText(
    readFileSync(path.resolve('resources/runs/sardana2024-mpt-runs.csv'), 'utf8'),
    {},
  );
  if (!answer.ok) throw new Error(answer.message);
  return answer.report;
}

const report = sardana();
const { E, A, B, alpha, beta } = report.fit.law;
const law = (n: number, d: number) => E + A / n ** alpha + B / d ** beta;
type Trace = {
  name: string;
  mode: string;
  x: number[];
  y: number[];
  marker?: { color: unknown };
  line?: { color: string };
};

describe('the runs chart', () => {
  const figure = fitRunsFigure(report, 'light');
  const traces = figure.data as unknown as Trace[];
  const sizes = modelSizes(report);

  it('has, per model size, its runs at (6ND, loss) and the law’s curve in the same colour', () => {
    expect(sizes).toEqual([151e6, 367e6, 749e6, 1.26e9, 2.46e9, 6.05e9].map((n) => expect.closeTo(n, -6)));
    expect(traces).toHaveLength(2 * sizes.length);
    sizes.forEach((n, k) => {
      const [curve, markers] = [traces[2 * k] as Trace, traces[2 * k + 1] as Trace];
      const runs = report.fit.runs.filter((run) => run.params === n);
      expect(markers.mode).toBe('markers');
      expect(markers.x).toEqual(runs.map((run) => 6 * run.params * run.tokens));
      expect(markers.y).toEqual(runs.map((run) => run.loss));
      expect(curve.mode).toBe('lines');
      expect(curve.line?.color).toBe(markers.marker?.color);
      // The curve is the law along D = C / 6N, and spans its runs' compute.
      curve.x.forEach((c, j) => expect(curve.y[j]).toBeCloseTo(law(n, c / (6 * n)), 12));
      expect(Math.min(...curve.x)).toBeLessThan(Math.min(...markers.x));
      expect(Math.max(...curve.x)).toBeGreaterThan(Math.max(...markers.x));
    });
    expect((figure.layout.xaxis as { type: string }).type).toBe('log');
  });

  it('gives each size its own colour, in the residuals too', () => {
    const colours = sizes.map((_, k) => sizeColour(k, sizes.length));
    expect(new Set(colours).size).toBe(sizes.length);
    const residuals = fitResidualsFigure(report, 'dark').data[0] as unknown as Trace;
    expect(residuals.marker?.color).toEqual(report.fit.runs.map((run) => colours[sizes.indexOf(run.params)]));
  });

  it('spreads many sizes over the whole palette', () => {
    const many = Array.from({ length: 20 }, (_, k) => sizeColour(k, 20));
    expect(many[0]).toBe(sizeColour(0, 2));
    expect(many[19]).toBe(sizeColour(8, 9));
  });
});

describe('the residuals chart', () => {
  it('plots ln L − ln L̂ of every run against its compute', () => {
    const trace = fitResidualsFigure(report, 'light').data[0] as unknown as Trace;
    expect(trace.x).toEqual(report.fit.runs.map((run) => 6 * run.params * run.tokens));
    report.fit.runs.forEach((run, i) => {
      expect(trace.y[i]).toBeCloseTo(Math.log(run.loss) - Math.log(law(run.params, run.tokens)), 12);
    });
    expect(observedMinusFitted(report)).toEqual(trace.y);
    // A fit of 47 runs to a few percent: every residual is small, some above and some below.
    expect(Math.max(...trace.y.map(Math.abs))).toBeLessThan(0.1);
    expect(trace.y.some((r) => r > 0) && trace.y.some((r) => r < 0)).toBe(true);
  });
});
