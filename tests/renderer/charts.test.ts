import { describe, expect, it } from 'vitest';
import { logAxis } from '../../src/renderer/charts/axes';
import { breakdownFigure } from '../../src/renderer/charts/breakdown';
import { costVsSizeFigure } from '../../src/renderer/charts/cost-vs-size';
import { demandFigure } from '../../src/renderer/charts/demand';
import { isoLossFigure } from '../../src/renderer/charts/iso-loss';
import { computeResults } from '../../src/renderer/lib/results';
import { newScenario } from '../../src/renderer/lib/new-scenario';

const results = computeResults(newScenario({ defaultLaw: null, defaultHardware: null }));
const builders = { costVsSizeFigure, isoLossFigure, demandFigure, breakdownFigure };

function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

describe('chart figures', () => {
  it.each(Object.entries(builders))('%s holds only finite numbers, in both themes', (_, build) => {
    for (const theme of ['light', 'dark'] as const) {
      const figure = build(results, theme);
      expect(figure.data.length).toBeGreaterThan(0);
      for (const number of numbersIn(figure.data)) expect(Number.isFinite(number)).toBe(true);
    }
  });

  it('marks every candidate in the same colour in the cost and iso-loss charts', () => {
    const colours = (figure: ReturnType<typeof costVsSizeFigure>) => {
      const markers = figure.data.find((trace) => trace.name === 'Candidates');
      const ids = markers?.ids ?? [];
      const fill = (markers?.marker as { color: string[] } | undefined)?.color ?? [];
      return Object.fromEntries(ids.map((id, index) => [id, fill[index]]));
    };
    const cost = colours(costVsSizeFigure(results, 'light'));
    expect(Object.keys(cost)).toEqual(results.candidates.map((c) => c.id));
    expect(colours(isoLossFigure(results, 'dark'))).toEqual(cost);
    expect(new Set(Object.values(cost)).size).toBe(results.candidates.length);
    expect(cost['lifetime']).toBe('#2563eb');
    expect(cost['chinchilla']).toBe('#ea580c');
  });

  it('shows Kaplan’s allocation beside Chinchilla’s on the iso-loss chart, in red, as a triangle', () => {
    const base = newScenario({ defaultLaw: null, defaultHardware: null });
    const withKaplan = computeResults({ ...base, baselines: ['kaplan2020', 20, 142] });
    const markers = isoLossFigure(withKaplan, 'light').data.find((trace) => trace.name === 'Candidates');
    const ids = (markers?.ids ?? []) as string[];
    const marker = markers?.marker as { color: string[]; symbol: string[] } | undefined;
    const at = (id: string) => ids.indexOf(id);
    expect(ids).toEqual(['lifetime', 'chinchilla', 'baseline-kaplan2020', 'baseline-20', 'baseline-142']);
    expect(marker?.color[at('baseline-kaplan2020')]).toBe('#dc2626');
    expect(marker?.symbol[at('baseline-kaplan2020')]).toBe('triangle-up');
    // The ratio baselines keep the colours they have without Kaplan's.
    const cost = costVsSizeFigure(results, 'light').data.find((trace) => trace.name === 'Candidates');
    const plain = (cost?.marker as { color: string[] } | undefined)?.color ?? [];
    expect(marker?.color[at('baseline-20')]).toBe(plain[2]);
    expect(withKaplan.candidates.find((c) => c.id === 'baseline-kaplan2020')?.label).toBe(
      'Kaplan 2020 allocation',
    );
  });

  it('draws the tokens/param guides as one trace of three separate lines', () => {
    const guides = isoLossFigure(results, 'light').data.find((trace) => trace.name === 'Tokens/param guides');
    const x = guides?.x ?? [];
    const y = guides?.y ?? [];
    expect(x.filter((value) => value === null)).toHaveLength(3);
    // Each segment runs at exactly its ratio: 20, 142 and 1,875 tokens per parameter.
    const ratios = [0, 3, 6].flatMap((start) => [
      Number(y[start]) / Number(x[start]),
      Number(y[start + 1]) / Number(x[start + 1]),
    ]);
    expect(ratios.map((ratio) => Math.round(ratio * 1e9) / 1e9)).toEqual([20, 20, 142, 142, 1875, 1875]);
  });

  it('stacks training, prefill and decode to each candidate’s lifetime cost', () => {
    const figure = breakdownFigure(results, 'light');
    results.candidates.forEach(({ candidate }, index) => {
      const stacked = figure.data.reduce((sum, trace) => sum + Number(trace.y?.[index]), 0);
      expect(stacked / candidate.totalCost).toBeCloseTo(1, 12);
    });
  });

  it('marks the scenario’s own demand on the demand chart', () => {
    const figure = demandFigure(results, 'light');
    const shapes = figure.layout['shapes'] as { x0: number }[];
    expect(shapes[0]?.x0).toBe(results.demandTokens);
  });
});

describe('log axes', () => {
  it('labels decades in human units', () => {
    const axis = logAxis('light', 'Parameters', [3e9, 2e12]);
    expect(axis['tickvals']).toEqual([1e9, 1e10, 1e11, 1e12, 1e13]);
    expect(axis['ticktext']).toEqual(['1B', '10B', '100B', '1T', '10T']);
  });

  it('adds 2× and 5× ticks on a narrow axis', () => {
    const axis = logAxis('light', 'Parameters', [3e9, 2e10]);
    expect(axis['ticktext']).toEqual(['1B', '2B', '5B', '10B', '20B', '50B', '100B', '200B', '500B']);
  });
});
