import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount, formatDollars, formatScientific } from '../../src/format/quantity';
import { linearTicks, logAxis, logTicks } from '../../src/renderer/charts/axes';
import { breakdownFigure } from '../../src/renderer/charts/breakdown';
import { costVsSizeFigure } from '../../src/renderer/charts/cost-vs-size';
import { dataWallFigure } from '../../src/renderer/charts/data-wall';
import { demandFigure } from '../../src/renderer/charts/demand';
import type { Figure } from '../../src/renderer/charts/figure';
import { isoLossFigure } from '../../src/renderer/charts/iso-loss';
import type { ChartTheme } from '../../src/renderer/charts/theme';
import { frontierFigure, testTimeCostFigure } from '../../src/renderer/charts/test-time';
import { computeResults, type Results } from '../../src/renderer/lib/results';
import { newScenario } from '../../src/renderer/lib/new-scenario';
import { parseScenarioText } from '../../src/scenario';
import { logUniform } from '../support/arbitraries';

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

describe('linear axes', () => {
  it('tick from zero past the data at a round step, in dollars or FLOPs as the cards write them', () => {
    expect(linearTicks(1.43e6, formatDollars)).toEqual({
      tickvals: [0, 5e5, 1e6, 1.5e6],
      ticktext: ['$0', '$500K', '$1M', '$1.5M'],
    });
    expect(linearTicks(8.64e23, formatScientific)).toEqual({
      tickvals: [0, 2e23, 4e23, 6e23, 8e23, 1e24],
      ticktext: ['0', '2e23', '4e23', '6e23', '8e23', '1e24'],
    });
    expect(linearTicks(0, formatDollars)).toEqual({ tickvals: [0], ticktext: ['$0'] });
  });

  it('always span the data with 4 to 11 evenly spaced ticks on 1, 2 or 5 × 10ⁿ', () => {
    fc.assert(
      fc.property(logUniform(1e-6, 1e30), (high) => {
        const { tickvals } = linearTicks(high, formatCount);
        expect(tickvals[0]).toBe(0);
        expect(tickvals.at(-2) ?? 0).toBeLessThan(high);
        expect(tickvals.at(-1) ?? 0).toBeGreaterThanOrEqual(high);
        expect(tickvals.length).toBeGreaterThanOrEqual(4);
        expect(tickvals.length).toBeLessThanOrEqual(11);
        const step = tickvals[1] ?? 0;
        const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
        expect([1, 2, 5].some((round) => Math.abs(mantissa - round) < 1e-9)).toBe(true);
        tickvals.forEach((value, index) => expect(value).toBeCloseTo(index * step, 12 - Math.log10(high)));
      }),
    );
  });
});

describe('log ticks', () => {
  it('sit on decades and read as the cards do: "1e23", "$1M", no SI letters', () => {
    expect(logTicks(3e21, 2e25, formatScientific).ticktext).toEqual([
      '1e21',
      '1e22',
      '1e23',
      '1e24',
      '1e25',
      '1e26',
    ]);
    expect(logTicks(2e5, 3e8, formatDollars).ticktext).toEqual(['$100K', '$1M', '$10M', '$100M', '$1B']);
    expect(logTicks(1e14, 3e17, formatCount).ticktext).toEqual(['100T', '1e15', '1e16', '1e17', '1e18']);
  });
});

/** A shipped example as the app computes it. */
function exampleResults(name: string, changes: Record<string, unknown> = {}): Results {
  const file = JSON.parse(
    readFileSync(new URL(`../../resources/scenarios/${name}.tradeoff.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  const parsed = parseScenarioText(JSON.stringify({ ...file, ...changes }));
  if (!parsed.ok) throw new Error(`${name} invalid`);
  return computeResults(parsed.scenario);
}

describe('every chart’s axes', () => {
  const allBuilders: Record<string, (results: Results, theme: ChartTheme) => Figure | null> = {
    ...builders,
    testTimeCostFigure,
    frontierFigure,
    dataWallFigure,
  };
  const cases: [string, Results][] = [
    ['the default scenario', results],
    ['a FLOPs objective', exampleResults('sardana-70b-chatbot', { objective: 'flops' })],
    ['test-time compute', exampleResults('reasoning-assistant')],
    ['a data limit', exampleResults('data-limited-roofline')],
  ];
  // A tick label in our notation: a count, dollars, scientific FLOPs, a ratio "10×", or zero.
  const OUR_TICK = /^(?:\$?\d+(?:\.\d+)?(?:[KMBT]|e-?\d+)?|\d+(?:\.\d+)?×|[\d,]+(?:\.\d+)?×?)$/;

  it.each(cases)('carry tick texts from our formatter, never plotly’s SI prefixes (%s)', (_, computed) => {
    let checked = 0;
    for (const [name, build] of Object.entries(allBuilders)) {
      const figure = build(computed, 'light');
      if (!figure) continue;
      const layout = figure.layout as unknown as Record<string, Record<string, unknown> | undefined>;
      for (const key of Object.keys(layout).filter((key) => /^[xy]axis\d*$/.test(key))) {
        const axis = layout[key] ?? {};
        // The bar chart's candidate axis names categories, not quantities.
        if (axis['type'] === 'category') continue;
        const where = `${name} ${key}`;
        expect(axis['tickformat'], where).toBeUndefined();
        const texts = axis['ticktext'] as string[];
        expect(texts, where).toBeInstanceOf(Array);
        expect(texts.length, where).toBe((axis['tickvals'] as number[]).length);
        for (const text of texts) expect(text, where).toMatch(OUR_TICK);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });
});

describe('the test-time cost chart', () => {
  it('puts the optimum’s star on the stacked curve, not beside a chord between grid points', () => {
    const computed = exampleResults('reasoning-assistant');
    const optimum = computed.solution.lifetimeOptimal;
    // The optimum's k is not one of the grid's: without it the chord would pass above the star.
    expect(computed.testTime?.curve.some((c) => c.k === optimum.k)).toBe(false);
    const figure = testTimeCostFigure(computed, 'light');
    const traces = (figure?.data ?? []) as unknown as {
      name?: string;
      x: number[];
      y: number[];
      stackgroup?: string;
    }[];
    const star = traces.find((trace) => trace.name === 'Lifetime-optimal');
    const phases = traces.filter((trace) => trace.stackgroup === 'phases');
    expect(star?.y[0]).toBe(optimum.totalCost);
    const index = phases[0]?.x.indexOf(optimum.k) ?? -1;
    expect(index).toBeGreaterThanOrEqual(0);
    const stacked = phases.reduce((sum, trace) => sum + (trace.y[index] ?? Number.NaN), 0);
    expect(stacked / optimum.totalCost).toBeCloseTo(1, 12);
    // The curve stays ordered by k.
    const ks = phases[0]?.x ?? [];
    expect(ks.every((k, i) => i === 0 || k > (ks[i - 1] ?? 0))).toBe(true);
  });
});
