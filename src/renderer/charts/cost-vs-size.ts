import type { IsoLossBands } from '../../model';
import type { Results } from '../lib/results';
import { logAxis, linearAxis } from './axes';
import { bandTrace } from './band';
import { candidateMarkers, describeModel, phaseAreas, type Figure } from './figure';
import { metricFor } from './metric';
import { baseLayout, themeColours, type ChartTheme } from './theme';

/**
 * Chart 1: lifetime cost against model size at the target loss, stacked by phase, candidates
 * marked, and the 80 % range of the lifetime bill over the law's uncertainty when it has one.
 */
export function costVsSizeFigure(
  results: Results,
  theme: ChartTheme,
  bands: IsoLossBands | null = null,
): Figure {
  const metric = metricFor(results.solution.objective);
  const curve = results.isoLoss;
  const x = curve.map((c) => c.params);
  const band =
    bands && bandTrace(bands.points, (point) => point.objective, metric.format, themeColours(theme).text);
  // Near the smallest feasible size the bill rises without bound; show the candidates' scale.
  const top = 2 * Math.max(...results.candidates.map(({ candidate }) => metric.total(candidate)));
  return {
    title: 'Lifetime cost against model size (same loss)',
    data: [
      ...phaseAreas(curve, x, metric),
      ...(band ? [band] : []),
      candidateMarkers(
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
      yaxis: { ...linearAxis(theme, `Lifetime ${metric.unit}`, [top], metric.tick), range: [0, top] },
      hovermode: 'closest',
    },
  };
}
