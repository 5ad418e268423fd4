import { formatCount, formatRatio, formatScientific } from '../../format/quantity';
import type { Candidate } from '../../model';
import type { Results } from '../lib/results';
import { linearAxis, logAxis } from './axes';
import { describeModel, phaseAreas, type Figure } from './figure';
import { metricFor } from './metric';
import { baseLayout, candidateColour, themeColours, type ChartTheme } from './theme';

const ratio = (value: number) => `${formatRatio(value)}×`;

/** Chart 5: lifetime cost against compute per query k, stacked by phase, with the optimal size at each k. */
export function testTimeCostFigure(results: Results, theme: ChartTheme): Figure | null {
  if (!results.testTime) return null;
  const metric = metricFor(results.solution.objective);
  const optimum = results.solution.lifetimeOptimal;
  const curve = throughOptimum(results.testTime.curve, optimum);
  const ks = curve.map((c) => c.k);
  return {
    title: 'Lifetime cost against test-time compute per query',
    data: [
      ...phaseAreas(curve, ks, metric, (c) => `k = ${ratio(c.k)}<br>`),
      {
        type: 'scatter',
        mode: 'lines',
        name: 'Optimal parameters at each k',
        x: ks,
        y: curve.map((c) => c.params),
        yaxis: 'y2',
        line: { color: themeColours(theme).text, width: 1.5, dash: 'dash' },
        hovertext: curve.map((c) => `k = ${ratio(c.k)}: ${formatCount(c.params)} params`),
        hoverinfo: 'text',
      },
      {
        type: 'scatter',
        mode: 'markers',
        name: 'Lifetime-optimal',
        showlegend: false,
        x: [optimum.k],
        y: [metric.total(optimum)],
        // Not drawn (markers only): it names the point in the chart's data table.
        text: ['Lifetime-optimal'],
        hovertext: [`<b>Lifetime-optimal</b>, k = ${ratio(optimum.k)}<br>${describeModel(optimum)}`],
        hoverinfo: 'text',
        marker: {
          color: candidateColour('lifetime', 0),
          size: 14,
          symbol: 'star',
          line: { width: 1, color: '#ffffff' },
        },
      },
    ],
    layout: {
      ...baseLayout(theme),
      xaxis: logAxis(theme, 'Compute per query k (× one plain answer)', ks, ratio),
      yaxis: linearAxis(theme, `Lifetime ${metric.unit}`, curve.map(metric.total), metric.tick),
      yaxis2: {
        ...logAxis(
          theme,
          'Parameters',
          curve.map((c) => c.params),
        ),
        overlaying: 'y',
        side: 'right',
        showgrid: false,
      },
      margin: { l: 64, r: 64, t: 16, b: 48 },
      hovermode: 'closest',
    },
  };
}

/**
 * The curve with the optimum in its place among the grid's k: drawn as straight segments between
 * grid points, the curve would otherwise pass above the optimum's star, which sits on the true curve.
 */
function throughOptimum(curve: readonly Candidate[], optimum: Candidate): Candidate[] {
  if (curve.some((c) => c.k === optimum.k)) return [...curve];
  return [...curve, optimum].sort((a, b) => a.k - b.k);
}

/** Chart 6: training compute against inference compute per query, at equal effective quality. */
export function frontierFigure(results: Results, theme: ChartTheme): Figure | null {
  if (!results.testTime) return null;
  const frontier = results.testTime.frontier;
  const x = frontier.map((p) => p.inferenceFlopsPerQuery);
  const y = frontier.map((p) => p.trainingFlops);
  const perQuery = results.problem.testTime?.requests ? 'per query' : 'per 1,000 output tokens';
  return {
    title: 'Training compute against inference compute per query (equal quality)',
    data: [
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: 'Compute-optimal model at each k',
        x,
        y,
        marker: { size: 4, color: candidateColour('lifetime', 0) },
        line: { color: candidateColour('lifetime', 0), width: 2 },
        hovertext: frontier.map(
          (p) =>
            `k = ${ratio(p.k)}: ${formatCount(p.params)} params<br>training ${formatScientific(p.trainingFlops)} FLOPs<br>` +
            `inference ${formatScientific(p.inferenceFlopsPerQuery)} FLOPs ${perQuery}`,
        ),
        hoverinfo: 'text',
      },
    ],
    layout: {
      ...baseLayout(theme),
      xaxis: logAxis(theme, `Inference FLOPs ${perQuery}`, x, formatScientific),
      yaxis: logAxis(theme, 'Training FLOPs', y, formatScientific),
      showlegend: false,
      hovermode: 'closest',
    },
  };
}
