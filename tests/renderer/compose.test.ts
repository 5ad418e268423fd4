import { describe, expect, it } from 'vitest';
import { axisTitles, chartMargin } from '../../src/renderer/charts/axis-titles';
import { breakdownFigure } from '../../src/renderer/charts/breakdown';
import { composeFigures, plotDomain, type Placed } from '../../src/renderer/charts/compose';
import { costVsSizeFigure } from '../../src/renderer/charts/cost-vs-size';
import { demandFigure } from '../../src/renderer/charts/demand';
import type { Figure } from '../../src/renderer/charts/figure';
import { isoLossFigure } from '../../src/renderer/charts/iso-loss';
import { legendEntries } from '../../src/renderer/charts/legend';
import { computeResults } from '../../src/renderer/lib/results';
import { newScenario } from '../../src/renderer/lib/new-scenario';

const results = computeResults(newScenario({ defaultLaw: null, defaultHardware: null }));
const size = { width: 1000, height: 800 };
/** Two columns of two 490 × 380 slots with a 20 px gap, as the workspace's grid lays them out. */
const slots = [
  { left: 0, top: 0, width: 490, height: 380 },
  { left: 510, top: 0, width: 490, height: 380 },
  { left: 0, top: 420, width: 490, height: 380 },
  { left: 510, top: 420, width: 490, height: 380 },
];
const builders = [costVsSizeFigure, isoLossFigure, demandFigure, breakdownFigure];
const names = ['cost-vs-size', 'iso-loss', 'demand', 'breakdown'];
const placed: Placed[] = slots.map((slot, index) => ({
  name: names[index] ?? '',
  figure: (builders[index] ?? costVsSizeFigure)(results, 'light'),
  slot,
}));
const [costVsSize, isoLoss, demand, breakdown] = placed.map(({ figure }) => figure) as [
  Figure,
  Figure,
  Figure,
  Figure,
];
const composed = composeFigures(placed, size, 'light');
const layout = composed.layout as Record<string, Record<string, unknown>>;

describe('composing the charts into one figure', () => {
  it('puts each chart’s plot area in its slot, less its own margins', () => {
    // Chart 1: margins l 64, r 24, t 16, b 48 inside the slot at (0, 0).
    expect(layout['xaxis']?.['domain']).toEqual([64 / 1000, (490 - 24) / 1000]);
    expect(layout['yaxis']?.['domain']).toEqual([(800 - (380 - 48)) / 800, (800 - 16) / 800]);
    // Chart 4 sits bottom right: its plot area ends 48 px above the figure's bottom edge.
    expect(layout['xaxis4']?.['domain']).toEqual([(510 + 64) / 1000, (1000 - 24) / 1000]);
    expect(layout['yaxis4']?.['domain']).toEqual([48 / 800, (800 - 420 - 16) / 800]);
  });

  it('anchors each chart’s axes to each other and its second y axis over its first', () => {
    expect(layout['xaxis3']?.['anchor']).toBe('y3');
    expect(layout['yaxis3']?.['anchor']).toBe('x3');
    // The demand chart's parameters axis is numbered after the four charts' own.
    expect(layout['yaxis5']?.['overlaying']).toBe('y3');
    expect(layout['yaxis5']?.['side']).toBe('right');
    expect(layout['yaxis6']).toBeUndefined();
  });

  it('keeps every trace, tagged with its chart, on its chart’s axes', () => {
    expect(composed.data).toHaveLength(placed.reduce((sum, { figure }) => sum + figure.data.length, 0));
    const demandTraces = composed.data.filter((trace) => trace.uid?.startsWith('demand_'));
    expect(demandTraces.map((trace) => [trace.uid, trace.xaxis, trace.yaxis])).toEqual([
      ['demand_0', 'x3', 'y3'],
      ['demand_1', 'x3', 'y5'],
    ]);
    expect(composed.data.filter((trace) => trace.uid?.startsWith('iso-loss_')).map((t) => t.xaxis)).toEqual([
      'x2',
      'x2',
      'x2',
      'x2',
    ]);
    // Same data, untouched: the composed figure draws exactly what each chart built.
    expect(demandTraces[0]?.y).toBe(demand.data[0]?.y);
  });

  it('refers shapes and notes to the chart’s own axes and plot area', () => {
    const shapes = composed.layout['shapes'] as Record<string, unknown>[];
    const notes = composed.layout['annotations'] as Record<string, unknown>[];
    // The demand chart's "this scenario" line: at today's demand on x3, the full height of its plot.
    expect(shapes).toContainEqual(
      expect.objectContaining({ xref: 'x3', yref: 'y3 domain', x0: results.demandTokens }),
    );
    expect(notes).toContainEqual(
      expect.objectContaining({ xref: 'x3', yref: 'y3 domain', text: 'this scenario' }),
    );
  });

  it('leaves backgrounds, legends and axis titles to the page, and hovers point by point', () => {
    expect(composed.layout).toMatchObject({
      paper_bgcolor: 'rgba(0,0,0,0)',
      showlegend: false,
      hovermode: 'closest',
      barmode: 'stack',
      width: 1000,
      height: 800,
      margin: { l: 0, r: 0, t: 0, b: 0, pad: 0 },
    });
    for (const key of ['xaxis', 'yaxis', 'xaxis3', 'yaxis3', 'yaxis5']) {
      expect(layout[key]?.['title']).toBeUndefined();
    }
    // The charts' own figures keep their titles, for exports.
    expect(axisTitles(demand)).toEqual({
      x: 'Lifetime inference tokens',
      y: 'Tokens per parameter',
      y2: 'Parameters',
    });
  });

  it('clamps a slot that rounding pushed past the figure’s edge', () => {
    const domain = plotDomain({ left: 990, top: -4, width: 40, height: 900 }, chartMargin(costVsSize), size);
    for (const value of [...domain.x, ...domain.y]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(domain.x[1]).toBeGreaterThanOrEqual(domain.x[0]);
    expect(domain.y[1]).toBeGreaterThanOrEqual(domain.y[0]);
  });
});

describe('legends drawn by the page', () => {
  it('lists each phase once, as filled swatches in the phase colours', () => {
    expect(legendEntries(costVsSize)).toEqual([
      { label: 'Training', colour: '#64748b66', swatch: 'area' },
      { label: 'Prefill', colour: '#38bdf866', swatch: 'area' },
      { label: 'Decode', colour: '#f472b666', swatch: 'area' },
    ]);
    expect(legendEntries(breakdown).map(({ label, colour }) => [label, colour])).toEqual([
      ['Training', '#64748b'],
      ['Prefill', '#38bdf8'],
      ['Decode', '#f472b6'],
    ]);
  });

  it('tells lines apart by dash and leaves out what the result cards already show', () => {
    expect(legendEntries(demand)).toEqual([
      { label: 'Optimal tokens/param', colour: '#2563eb', swatch: 'line' },
      { label: 'Optimal parameters', colour: '#2563eb', swatch: 'line', dash: 'dash' },
    ]);
    const iso = legendEntries(isoLoss);
    expect(iso.map(({ label }) => label)).toEqual([
      'Released models',
      `Loss ${results.solution.targetLoss.toPrecision(4)}`,
    ]);
    expect(iso[0]).toMatchObject({ swatch: 'marker', open: true });
  });
});
