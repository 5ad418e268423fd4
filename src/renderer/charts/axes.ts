import { formatCount } from '../../format/quantity';
import { themeColours, type ChartTheme } from './theme';

/** Where an axis puts its ticks and what each reads: plotly's tickvals and ticktext. */
export interface Ticks {
  readonly tickvals: number[];
  readonly ticktext: string[];
}

/**
 * Ticks of a log axis over [low, high] (both > 0): on decades, labelled by `format`, so that they
 * read "1B", "1e23", "$1M" in the notation of the cards rather than plotly's "1G" or "1e+9".
 * Every decade while there are few, every other or third once the axis spans many; within two
 * decades also 2× and 5×, so that a narrow axis still has a few labels.
 */
export function logTicks(low: number, high: number, format: (value: number) => string): Ticks {
  const first = Math.floor(Math.log10(low));
  const last = Math.ceil(Math.log10(high));
  const stride = Math.max(1, Math.ceil((last - first) / 8));
  const steps = last - first <= 2 ? [1, 2, 5] : [1];
  const tickvals: number[] = [];
  for (let exponent = first; exponent <= last; exponent += stride) {
    for (const step of steps) tickvals.push(Number((step * 10 ** exponent).toPrecision(12)));
  }
  return { tickvals, ticktext: tickvals.map(format) };
}

/** About this many intervals on a linear axis: enough to read a value off, few enough to fit. */
const LINEAR_INTERVALS = 5;

/**
 * Ticks of a linear axis from 0 to at least `high`, at a round step (1, 2 or 5 × 10ⁿ), labelled by
 * `format`. The last tick is the first at or above `high`, so that the data's top is labelled
 * whatever padding plotly adds.
 */
export function linearTicks(high: number, format: (value: number) => string): Ticks {
  if (!(high > 0) || !Number.isFinite(high)) return { tickvals: [0], ticktext: [format(0)] };
  const rough = high / LINEAR_INTERVALS;
  const decade = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((multiple) => multiple * decade >= rough) ?? 10) * decade;
  const tickvals: number[] = [];
  // Rounded to 12 digits so that 3 × 0.1 is 0.3, which formats as the round number it is.
  for (let index = 0; tickvals.length === 0 || (tickvals.at(-1) ?? 0) < high; index += 1) {
    tickvals.push(Number((index * step).toPrecision(12)));
  }
  return { tickvals, ticktext: tickvals.map(format) };
}

/** A log axis over `values` (the positive, finite ones), ticks labelled by `format` (counts by default). */
export function logAxis(
  theme: ChartTheme,
  title: string,
  values: readonly number[],
  format: (value: number) => string = formatCount,
): Record<string, unknown> {
  const finite = values.filter((value) => Number.isFinite(value) && value > 0);
  return {
    ...axisStyle(theme, title),
    type: 'log',
    ...logTicks(Math.min(...finite), Math.max(...finite), format),
  };
}

/**
 * A linear axis from zero; with `values`, ticks up to their largest, labelled by `format`
 * (dollars or FLOPs in the cards' notation instead of plotly's SI letters).
 */
export function linearAxis(
  theme: ChartTheme,
  title: string,
  values: readonly number[] = [],
  format: (value: number) => string = formatCount,
): Record<string, unknown> {
  const finite = values.filter(Number.isFinite);
  return {
    ...axisStyle(theme, title),
    type: 'linear',
    rangemode: 'tozero',
    ...(finite.length > 0 ? linearTicks(Math.max(...finite), format) : {}),
  };
}

function axisStyle(theme: ChartTheme, title: string): Record<string, unknown> {
  const colours = themeColours(theme);
  return {
    title: { text: title, font: { size: 12 } },
    gridcolor: colours.grid,
    linecolor: colours.grid,
    zerolinecolor: colours.grid,
    tickfont: { color: colours.muted },
    // Fixed margins (see baseLayout): automargin makes plotly lay each chart out twice per update.
    automargin: false,
    // Otherwise plotly measures every tick label once per tick label (quadratic in the ticks),
    // the largest single cost of a redraw; our labels are short and fit the fixed margins.
    ticklabeloverflow: 'allow',
  };
}
