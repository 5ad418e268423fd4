import { formatCount, formatRatio } from '../../format/quantity';
import type { Results } from '../lib/results';
import { linearAxis, logAxis } from './axes';
import { describeModel, type Figure } from './figure';
import { metricFor } from './metric';
import { baseLayout, candidateColour, themeColours, type ChartTheme } from './theme';

/** Chart 7: lifetime cost of the optimum against the unique data available, today's amount marked. */
export function dataWallFigure(results: Results, theme: ChartTheme): Figure | null {
  const wall = results.dataWall;
  if (!wall) return null;
  const colours = themeColours(theme);
  const metric = metricFor(results.solution.objective);
  const x = wall.points.map((point) => point.uniqueTokens);
  const unlimited = metric.total(wall.unlimited);
  return {
    title: 'Lifetime cost against unique data available',
    data: [
      {
        type: 'scatter',
        mode: 'lines',
        name: 'Lifetime optimum',
        x,
        y: wall.points.map((point) => metric.total(point.lifetimeOptimal)),
        hovertext: wall.points.map(
          ({ uniqueTokens, lifetimeOptimal: c }) =>
            `${formatCount(uniqueTokens)} unique tokens: ${metric.format(metric.total(c))}<br>${describeModel(c)}, ${formatRatio(c.epochs ?? Number.NaN)} epochs`,
        ),
        hoverinfo: 'text',
        line: { color: candidateColour('lifetime', 0), width: 2 },
      },
      {
        type: 'scatter',
        mode: 'lines',
        name: 'Unlimited data',
        x: [x[0] ?? wall.leastSufficient, x.at(-1) ?? wall.uniqueTokens],
        y: [unlimited, unlimited],
        hovertext: [
          `unlimited data: ${metric.format(unlimited)}`,
          `unlimited data: ${metric.format(unlimited)}`,
        ],
        hoverinfo: 'text',
        line: { color: colours.muted, width: 1, dash: 'dot' },
      },
    ],
    layout: {
      ...baseLayout(theme),
      xaxis: logAxis(theme, 'Unique training tokens available', x),
      yaxis: linearAxis(
        theme,
        `Lifetime ${metric.unit}`,
        [...wall.points.map((point) => metric.total(point.lifetimeOptimal)), unlimited],
        metric.tick,
      ),
      shapes: [
        {
          type: 'line',
          xref: 'x',
          yref: 'paper',
          x0: wall.uniqueTokens,
          x1: wall.uniqueTokens,
          y0: 0,
          y1: 1,
          line: { color: colours.muted, dash: 'dash', width: 1 },
        },
      ],
      annotations: [
        {
          x: Math.log10(wall.uniqueTokens),
          y: 1,
          xref: 'x',
          yref: 'paper',
          text: 'this scenario',
          showarrow: false,
          yanchor: 'bottom',
          font: { size: 10, color: colours.muted },
        },
      ],
      hovermode: 'closest',
    },
  };
}
