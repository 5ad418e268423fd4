import fc from 'fast-check';
import type { PlotData } from 'plotly.js-dist-min';
import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/format/quantity';
import { breakdownFigure } from '../../src/renderer/charts/breakdown';
import { costVsSizeFigure } from '../../src/renderer/charts/cost-vs-size';
import { chartTables, plainText } from '../../src/renderer/charts/data-table';
import { demandFigure } from '../../src/renderer/charts/demand';
import type { Figure } from '../../src/renderer/charts/figure';
import { isoLossFigure } from '../../src/renderer/charts/iso-loss';
import { frontierFigure, testTimeCostFigure } from '../../src/renderer/charts/test-time';
import { formFromScenario, scenarioFromForm } from '../../src/renderer/lib/form';
import { computeResults } from '../../src/renderer/lib/results';
import { newScenario } from '../../src/renderer/lib/new-scenario';

const scenario = newScenario({ defaultLaw: null, defaultHardware: null });
const results = computeResults(scenario);

describe('a chart’s data tables', () => {
  it('puts the cost chart’s three phases in one table, a row per point of the curve, and the candidates in another', () => {
    const [phases, candidates, ...rest] = chartTables(costVsSizeFigure(results, 'light'));
    expect(rest).toEqual([]);
    expect(phases?.caption).toBe('Training, Prefill, Decode');
    expect(phases?.columns).toEqual([
      'Parameters',
      'Training (Lifetime US dollars)',
      'Prefill (Lifetime US dollars)',
      'Decode (Lifetime US dollars)',
    ]);
    expect(phases?.rows).toHaveLength(results.isoLoss.length);
    results.isoLoss.forEach((c, i) =>
      expect(phases?.rows[i]).toEqual([
        formatCount(c.params),
        formatCount(c.trainingCost),
        formatCount(c.prefillCost),
        formatCount(c.decodeCost),
      ]),
    );
    expect(candidates?.caption).toBe('Candidates');
    expect(candidates?.columns).toEqual(['Name', 'Parameters', 'Lifetime US dollars']);
    expect(candidates?.rows).toEqual(
      results.candidates.map(({ label, candidate }) => [
        label,
        formatCount(candidate.params),
        formatCount(candidate.totalCost),
      ]),
    );
    // The default scenario's optimum as the result cards show it (17.3B parameters, $2.87M).
    expect(candidates?.rows[0]).toEqual(['Lifetime-optimal', '17.3B', '2.87M']);
  });

  it('names each bar of the breakdown by its candidate, in plain text', () => {
    const [bars] = chartTables(breakdownFigure(results, 'dark'));
    expect(bars?.columns[0]).toBe('Category');
    expect(bars?.rows.map((row) => row[0])).toEqual([
      'Lifetime-optimal',
      'Chinchilla-optimal',
      '20 tok/param',
      '142 tok/param',
      '1,875 tok/param',
    ]);
    // The bars stack to each candidate's lifetime bill.
    results.candidates.forEach(({ candidate }, i) =>
      expect(bars?.rows[i]?.slice(1)).toEqual(
        [candidate.trainingCost, candidate.prefillCost, candidate.decodeCost].map(formatCount),
      ),
    );
  });

  it('leaves out the iso-loss chart’s guide lines, which cannot be hovered, and names the released models', () => {
    const tables = chartTables(isoLossFigure(results, 'light'));
    expect(tables.map((table) => table.caption)).toEqual([
      'Released models',
      `Loss ${results.solution.targetLoss.toPrecision(4)}`,
      'Candidates',
    ]);
    const models = tables[0];
    expect(models?.columns).toEqual(['Name', 'Parameters', 'Training tokens']);
    expect(models?.rows).toContainEqual(['Chinchilla 70B', '70B', '1.4T']);
  });

  it('heads a series on the secondary axis with that axis’s title', () => {
    const [sweep] = chartTables(demandFigure(results, 'light'));
    expect(sweep?.columns).toEqual([
      'Lifetime inference tokens',
      'Optimal tokens/param (Tokens per parameter)',
      'Optimal parameters (Parameters)',
    ]);
    expect(sweep?.rows).toHaveLength(results.demandSweep.length);
  });

  it('tabulates the test-time charts, the optimum by name', () => {
    // As the editor's "test-time compute" checkbox turns it on, with its default settings.
    const form = formFromScenario(scenario);
    form.testTime.enabled = true;
    const edited = scenarioFromForm(form);
    if (!edited.ok) throw new Error('the form did not make a scenario');
    const withTestTime = computeResults(edited.scenario);
    const cost = testTimeCostFigure(withTestTime, 'light');
    const frontier = frontierFigure(withTestTime, 'light');
    if (!cost || !frontier || !withTestTime.testTime) throw new Error('test-time compute did not apply');
    const tables = chartTables(cost);
    expect(tables.map((table) => table.caption)).toEqual([
      expect.stringMatching(/^Training, Prefill, Decode/),
      'Lifetime-optimal',
    ]);
    expect(tables[0]?.columns).toContain('Optimal parameters at each k (Parameters)');
    expect(tables[1]?.rows).toEqual([
      [
        'Lifetime-optimal',
        formatCount(withTestTime.solution.lifetimeOptimal.k),
        formatCount(withTestTime.solution.lifetimeOptimal.totalCost),
      ],
    ]);
    expect(chartTables(frontier)[0]?.rows).toHaveLength(withTestTime.testTime.frontier.length);
  });

  it('shows a dash for a missing or non-finite value and skips points without an x', () => {
    const figure: Figure = {
      title: 'Bad values',
      data: [{ type: 'scatter', name: 'S', x: [1, null, 3], y: [Number.NaN, 2, null] } as PlotData],
      layout: { xaxis: { title: { text: 'X' } }, yaxis: { title: { text: 'Y' } } },
    };
    expect(chartTables(figure)).toEqual([
      {
        caption: 'S',
        columns: ['X', 'Y'],
        rows: [
          ['1', '—'],
          ['3', '—'],
        ],
      },
    ]);
  });

  it('gives every hoverable named series exactly one column, and every row a cell per column', () => {
    const trace = fc.record({
      x: fc.constantFrom<number[]>([1, 2, 3], [10, 20], [5]),
      skip: fc.boolean(),
      labelled: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(trace, { maxLength: 8 }), (specs) => {
        const data = specs.map(
          ({ x, skip, labelled }, i) =>
            ({
              type: 'scatter',
              name: `series ${i}`,
              x: [...x],
              y: x.map((value) => value * (i + 1)),
              ...(skip ? { hoverinfo: 'skip' } : {}),
              ...(labelled ? { text: x.map((value) => `point ${value}`) } : {}),
            }) as PlotData,
        );
        const tables = chartTables({
          title: 'Random',
          data,
          layout: { xaxis: { title: { text: 'X' } }, yaxis: { title: { text: 'Y' } } },
        });
        const captions = tables.flatMap((table) => table.caption.split(', '));
        const shown = specs.flatMap(({ skip }, i) => (skip ? [] : [`series ${i}`]));
        expect(captions.sort()).toEqual(shown.sort());
        for (const table of tables) {
          for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
        }
      }),
    );
  });
});

describe('plain text from plotly labels', () => {
  it('joins a hyphenated break, turns other breaks into spaces and drops markup', () => {
    expect(plainText('Chinchilla-<br>optimal')).toBe('Chinchilla-optimal');
    expect(plainText('20<br>tok/param')).toBe('20 tok/param');
    expect(plainText('<b>Lifetime-optimal</b><br/>k = 4×')).toBe('Lifetime-optimal k = 4×');
  });
});
