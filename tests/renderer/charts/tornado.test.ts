import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tornadoBars, tornadoFigure } from '../../../src/renderer/charts/tornado';
import { newScenario } from '../../../src/renderer/lib/new-scenario';
import { sensitivity, type Moved, type Sensitivity } from '../../../src/scenario/sensitivity';

const sardana = newScenario({ defaultLaw: null, defaultHardware: null });
const computed = sensitivity(sardana);

const answer = (params: number, objective: number): Moved => ({ ok: true, outcome: { params, objective } });

/** A hand-made sensitivity: base 10B params, $1M; three inputs, one side without an answer. */
const handMade: Sensitivity = {
  base: { params: 10e9, objective: 1e6 },
  swing: 0.25,
  rows: [
    {
      id: 'small',
      label: 'small input',
      path: 'a',
      low: answer(9e9, 0.9e6),
      high: answer(11e9, 1.1e6),
      elasticity: null,
    },
    {
      id: 'broken',
      label: 'broken input',
      path: 'b',
      low: { ok: false, reason: 'training.mfu: 1.25 is outside (0, 1]' },
      high: answer(5e9, 2e6),
      elasticity: null,
    },
    {
      id: 'large',
      label: 'large input',
      path: 'c',
      low: answer(4e9, 0.5e6),
      high: answer(20e9, 3e6),
      elasticity: null,
    },
  ],
};

describe('the tornado’s bars', () => {
  it('are each side’s change in % from the base, widest swing first', () => {
    const bars = tornadoBars(handMade, 'params');
    expect(bars.map((bar) => bar.id)).toEqual(['large', 'broken', 'small']);
    // large: 4B and 20B against 10B are −60 % and +100 %, a swing of 160 points.
    expect(bars[0]).toMatchObject({ low: { ok: true }, high: { ok: true } });
    expect(bars[0]?.low.ok && bars[0].low.change).toBeCloseTo(-60, 10);
    expect(bars[0]?.high.ok && bars[0].high.change).toBeCloseTo(100, 10);
    expect(bars[0]?.swing).toBeCloseTo(160, 10);
    // broken: no answer below counts as no change, so its swing is its other side's 50 points.
    expect(bars[1]?.low).toEqual({ ok: false, reason: 'training.mfu: 1.25 is outside (0, 1]' });
    expect(bars[1]?.swing).toBeCloseTo(50, 10);
    // On the objective, small moves ±10 %.
    const objective = tornadoBars(handMade, 'objective').find((bar) => bar.id === 'small');
    expect(objective?.low.ok && objective.low.change).toBeCloseTo(-10, 10);
    expect(objective?.high.ok && objective.high.change).toBeCloseTo(10, 10);
  });

  it('re-derive the engine’s moved answers and keep its labels for the default scenario', () => {
    for (const of of ['params', 'objective'] as const) {
      const bars = tornadoBars(computed, of);
      expect(new Set(bars.map((bar) => bar.label))).toEqual(new Set(computed.rows.map((row) => row.label)));
      for (const bar of bars) {
        const row = computed.rows.find((r) => r.id === bar.id);
        if (!row?.high.ok || !bar.high.ok)
          throw new Error('every input of the default scenario has an answer');
        expect(computed.base[of] * (1 + bar.high.change / 100)).toBeCloseTo(row.high.outcome[of], 0);
      }
      // The irreducible loss E does not change what a reference-model target asks: no swing.
      expect(bars.at(-1)?.id).toBe('law.E');
    }
  });

  it('are sorted by swing for any answers', () => {
    const side = fc.oneof(
      fc.double({ min: 0.01, max: 100, noNaN: true }).map((factor) => answer(10e9 * factor, 1e6 * factor)),
      fc.constant<Moved>({ ok: false, reason: 'no answer' }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(side, side), { maxLength: 12 }), (sides) => {
        const bars = tornadoBars(
          {
            base: { params: 10e9, objective: 1e6 },
            swing: 0.25,
            rows: sides.map(([low, high], index) => ({
              id: `i${index}`,
              label: `input ${index}`,
              path: 'x',
              low,
              high,
              elasticity: null,
            })),
          },
          'params',
        );
        expect(bars).toHaveLength(sides.length);
        bars
          .slice(1)
          .forEach((bar, index) => expect(bar.swing).toBeLessThanOrEqual(bars[index]?.swing ?? Infinity));
      }),
    );
  });
});

describe('the tornado figure', () => {
  it('draws −25 % and +25 % as horizontal bars by input, a side without an answer as “no answer” with its reason', () => {
    const figure = tornadoFigure(handMade, 'params', 'light');
    const [low, high] = figure.data;
    expect(figure.data).toHaveLength(2);
    expect(low).toMatchObject({
      type: 'bar',
      orientation: 'h',
      name: 'input −25 %',
      y: ['large input', 'broken input', 'small input'],
    });
    expect(high?.name).toBe('input +25 %');
    expect(low?.x).toEqual([expect.closeTo(-60, 10), 0, expect.closeTo(-10, 10)]);
    expect(high?.x).toEqual([expect.closeTo(100, 10), expect.closeTo(-50, 10), expect.closeTo(10, 10)]);
    expect(low?.text).toEqual(['', 'no answer', '']);
    expect((low?.hovertext as string[])[1]).toContain('no answer: training.mfu: 1.25 is outside (0, 1]');
    expect((high?.hovertext as string[])[0]).toContain('+100.0 %');
    expect(figure.title).toBe('Change of the optimum size with each input at ±25 %');
    expect(tornadoFigure(handMade, 'objective', 'dark').title).toBe(
      'Change of the lifetime objective with each input at ±25 %',
    );
  });
});
