import { formatCount, formatPercent, formatRatio } from '../../format/quantity';
import type { Results } from '../lib/results';
import { logAxis } from './axes';
import type { Figure } from './figure';
import { baseLayout, candidateColour, themeColours, type ChartTheme } from './theme';

/** Chart 3: the optimal tokens per parameter and the optimal size against lifetime demand, today marked. */
export function demandFigure(results: Results, theme: ChartTheme): Figure {
  const colours = themeColours(theme);
  const sweep = results.demandSweep;
  const demand = sweep.map((point) => point.demandTokens);
  const ratios = sweep.map((point) => point.lifetimeOptimal.tokensPerParam);
  const sizes = sweep.map((point) => point.lifetimeOptimal.params);
  const hover = sweep.map(
    ({ demandTokens, lifetimeOptimal: c, savingVsChinchilla }) =>
      `${formatCount(demandTokens)} lifetime tokens<br>optimum ${formatCount(c.params)} params, ${formatRatio(c.tokensPerParam)} tokens/param<br>saves ${formatPercent(savingVsChinchilla[results.solution.objective === 'cost' ? 'totalCost' : 'totalFlops'], 1)} vs Chinchilla`,
  );
  const today = results.demandTokens;
  const shapes =
    today > 0
      ? [
          {
            type: 'line',
            xref: 'x',
            yref: 'paper',
            x0: today,
            x1: today,
            y0: 0,
            y1: 1,
            line: { color: colours.muted, dash: 'dash', width: 1 },
          },
        ]
      : [];
  const annotations =
    today > 0
      ? [
          {
            x: Math.log10(today),
            xref: 'x',
            y: 1,
            yref: 'paper',
            text: 'this scenario',
            showarrow: false,
            yanchor: 'bottom',
            font: { size: 10, color: colours.muted },
          },
        ]
      : [];
  return {
    title: 'Lifetime-optimal model against lifetime demand',
    data: [
      {
        type: 'scatter',
        mode: 'lines',
        name: 'Optimal tokens/param',
        x: demand,
        y: ratios,
        hovertext: hover,
        hoverinfo: 'text',
        line: { color: candidateColour('lifetime', 0), width: 2 },
      },
      {
        type: 'scatter',
        mode: 'lines',
        name: 'Optimal parameters',
        x: demand,
        y: sizes,
        yaxis: 'y2',
        hovertext: hover,
        hoverinfo: 'text',
        // Both lines describe the lifetime optimum, so both wear its colour; dashes tell them apart.
        line: { color: candidateColour('lifetime', 0), width: 2, dash: 'dash' },
      },
    ],
    layout: {
      ...baseLayout(theme),
      xaxis: logAxis(theme, 'Lifetime inference tokens', demand),
      yaxis: logAxis(theme, 'Tokens per parameter', ratios),
      yaxis2: { ...logAxis(theme, 'Parameters', sizes), overlaying: 'y', side: 'right', showgrid: false },
      margin: { l: 64, r: 64, t: 24, b: 48 },
      shapes,
      annotations,
      hovermode: 'x unified',
    },
  };
}
