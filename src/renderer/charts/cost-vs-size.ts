import type { Results } from '../lib/results';
import { logAxis, linearAxis } from './axes';
import { candidateMarkers, describeModel, type Figure } from './figure';
import { metricFor } from './metric';
import { baseLayout, PHASE_COLOURS, type ChartTheme } from './theme';

/** Chart 1: lifetime cost against model size at the target loss, stacked by phase, candidates marked. */
export function costVsSizeFigure(results: Results, theme: ChartTheme): Figure {
  const metric = metricFor(results.solution.objective);
  const curve = results.isoLoss;
  const x = curve.map((c) => c.params);
  const phase = (name: string, colour: string, value: (c: (typeof curve)[number]) => number) => ({
    type: 'scatter' as const,
    mode: 'lines',
    name,
    x,
    y: curve.map(value),
    stackgroup: 'phases',
    line: { width: 0.5, color: colour },
    fillcolor: `${colour}66`,
    hovertext: curve.map((c) => `${name}: ${metric.format(value(c))}<br>${describeModel(c)}`),
    hoverinfo: 'text',
  });
  return {
    title: 'Lifetime cost against model size (same loss)',
    data: [
      phase('Training', PHASE_COLOURS.training, metric.training),
      phase('Prefill', PHASE_COLOURS.prefill, metric.prefill),
      phase('Decode', PHASE_COLOURS.decode, metric.decode),
      ...candidateMarkers(
        results.candidates,
        (c) => c.params,
        metric.total,
        ({ label, candidate }) =>
          `<b>${label}</b><br>${describeModel(candidate)}<br>lifetime ${metric.format(metric.total(candidate))}`,
      ),
    ],
    layout: {
      ...baseLayout(theme),
      xaxis: logAxis(theme, 'Parameters', x),
      // Near the smallest feasible size the bill rises without bound; show the candidates' scale.
      yaxis: {
        ...linearAxis(theme, `Lifetime ${metric.unit}`),
        tickformat: '.2s',
        range: [0, 2 * Math.max(...results.candidates.map(({ candidate }) => metric.total(candidate)))],
      },
      hovermode: 'closest',
    },
  };
}
