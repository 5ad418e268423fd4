import type { Moved, Outcome, Sensitivity } from '../../scenario/sensitivity';
import { formatPercent } from '../../format/quantity';
import { linearAxis } from './axes';
import type { Figure } from './figure';
import { baseLayout, type ChartTheme } from './theme';

/** What a tornado measures: the optimum's size or its lifetime objective. */
export type TornadoOf = keyof Outcome;

/** One side of a bar: the answer's change in %, or why the moved input has none. */
export type TornadoSide =
  { readonly ok: true; readonly change: number } | { readonly ok: false; readonly reason: string };

export interface TornadoBar {
  readonly id: string;
  /** The engine's name of the input, e.g. "training price per GPU-hour". */
  readonly label: string;
  readonly low: TornadoSide;
  readonly high: TornadoSide;
  /** How far apart the two sides' changes are, in percentage points (the sort key). */
  readonly swing: number;
}

function side(moved: Moved, base: number, of: TornadoOf): TornadoSide {
  return moved.ok
    ? { ok: true, change: (moved.outcome[of] / base - 1) * 100 }
    : { ok: false, reason: moved.reason };
}

/** The tornado's bars, widest swing first; a side without an answer counts as no change. */
export function tornadoBars(sensitivity: Sensitivity, of: TornadoOf): TornadoBar[] {
  const base = sensitivity.base[of];
  const change = (s: TornadoSide) => (s.ok ? s.change : 0);
  return sensitivity.rows
    .map((row): TornadoBar => {
      const low = side(row.low, base, of);
      const high = side(row.high, base, of);
      return { id: row.id, label: row.label, low, high, swing: Math.abs(change(high) - change(low)) };
    })
    .sort((a, b) => b.swing - a.swing);
}

const SIDE_COLOURS = { low: '#0891b2', high: '#ea580c' } as const;

/**
 * The tornado chart: for each input, the change of the optimum's size (or lifetime objective) when
 * the input moves to −25 % and to +25 %, widest swing on top. A side without an answer is drawn as
 * "no answer" at zero, its reason in the hover.
 */
export function tornadoFigure(sensitivity: Sensitivity, of: TornadoOf, theme: ChartTheme): Figure {
  const bars = tornadoBars(sensitivity, of);
  const percent = formatPercent(sensitivity.swing, 0);
  const what = of === 'params' ? 'optimum size' : 'lifetime objective';
  const trace = (key: 'low' | 'high', name: string) => ({
    type: 'bar' as const,
    orientation: 'h' as const,
    name,
    ids: bars.map((bar) => bar.id),
    y: bars.map((bar) => bar.label),
    x: bars.map((bar) => (bar[key].ok ? bar[key].change : 0)),
    text: bars.map((bar) => (bar[key].ok ? '' : 'no answer')),
    textposition: 'outside' as const,
    hovertext: bars.map((bar) => {
      const s = bar[key];
      return `<b>${bar.label}</b> ${name}<br>${s.ok ? `${what}: ${signed(s.change)}` : `no answer: ${s.reason}`}`;
    }),
    hoverinfo: 'text' as const,
    marker: { color: SIDE_COLOURS[key] },
  });
  return {
    title: `Change of the ${what} with each input at ±${percent}`,
    data: [trace('low', `input −${percent}`), trace('high', `input +${percent}`)],
    layout: {
      ...baseLayout(theme),
      barmode: 'group',
      margin: { l: 200, r: 24, t: 16, b: 48 },
      showlegend: true,
      legend: { orientation: 'h', y: -0.15, font: { size: 11 } },
      xaxis: { ...linearAxis(theme, `Change of the ${what} (%)`), ticksuffix: ' %' },
      yaxis: { ...linearAxis(theme, ''), type: 'category', autorange: 'reversed', rangemode: 'normal' },
    },
  };
}

/** "+12.3 %", "−4.0 %". */
function signed(change: number): string {
  return `${change >= 0 ? '+' : '−'}${Math.abs(change).toFixed(1)} %`;
}
