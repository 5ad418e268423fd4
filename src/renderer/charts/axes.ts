import { formatCount } from '../../format/quantity';
import { themeColours, type ChartTheme } from './theme';

/**
 * A log axis whose ticks sit on decades and read like "1B", "10B", "1T" rather than plotly's
 * "1e+9"; `format` turns a tick value into its label (counts by default).
 */
export function logAxis(
  theme: ChartTheme,
  title: string,
  values: readonly number[],
  format: (value: number) => string = formatCount,
): Record<string, unknown> {
  const finite = values.filter((value) => Number.isFinite(value) && value > 0);
  const low = Math.floor(Math.log10(Math.min(...finite)));
  const high = Math.ceil(Math.log10(Math.max(...finite)));
  // Every decade while there are few, every other or third once the axis spans many; within
  // two decades also 2× and 5×, so that a narrow axis still has a few labels.
  const stride = Math.max(1, Math.ceil((high - low) / 8));
  const steps = high - low <= 2 ? [1, 2, 5] : [1];
  const tickvals: number[] = [];
  for (let exponent = low; exponent <= high; exponent += stride) {
    for (const step of steps) tickvals.push(step * 10 ** exponent);
  }
  return { ...axisStyle(theme, title), type: 'log', tickvals, ticktext: tickvals.map(format) };
}

export function linearAxis(theme: ChartTheme, title: string): Record<string, unknown> {
  return { ...axisStyle(theme, title), type: 'linear', rangemode: 'tozero' };
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
