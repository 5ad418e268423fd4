import type { Results } from '../lib/results';
import { linearAxis } from './axes';
import type { Figure } from './figure';
import { metricFor } from './metric';
import { baseLayout, PHASE_COLOURS, themeColours, type ChartTheme } from './theme';

/** Chart 4: each candidate's lifetime bill split into training, prefill and decode. */
export function breakdownFigure(results: Results, theme: ChartTheme): Figure {
  const metric = metricFor(results.solution.objective);
  // Short two-line labels fit under the bars without rotating.
  const labels = results.candidates.map((c) =>
    c.label
      .replace('-optimal', '-<br>optimal')
      .replace(' tokens/param', '<br>tok/param')
      .replace('Without test-time compute', 'Without<br>test time'),
  );
  const bar = (
    name: string,
    colour: string,
    value: (c: (typeof results.candidates)[number]['candidate']) => number,
  ) => ({
    type: 'bar' as const,
    name,
    x: labels,
    y: results.candidates.map(({ candidate }) => value(candidate)),
    hovertext: results.candidates.map(
      ({ label, candidate }) => `<b>${label}</b><br>${name}: ${metric.format(value(candidate))}`,
    ),
    hoverinfo: 'text',
    marker: { color: colour },
  });
  return {
    title: `Lifetime ${metric.unit} by phase`,
    data: [
      bar('Training', PHASE_COLOURS.training, metric.training),
      bar('Prefill', PHASE_COLOURS.prefill, metric.prefill),
      bar('Decode', PHASE_COLOURS.decode, metric.decode),
      // Verification appears only when a candidate pays for it (test-time compute with a verifier).
      ...(results.candidates.some(({ candidate }) => metric.verifier(candidate) > 0)
        ? [bar('Verification', PHASE_COLOURS.verification, metric.verifier)]
        : []),
    ],
    layout: {
      ...baseLayout(theme),
      barmode: 'stack',
      xaxis: {
        ...linearAxis(theme, ''),
        type: 'category',
        tickangle: 0,
        tickfont: { color: themeColours(theme).text, size: 10 },
      },
      yaxis: linearAxis(
        theme,
        `Lifetime ${metric.unit}`,
        results.candidates.map(({ candidate }) => metric.total(candidate)),
        metric.tick,
      ),
    },
  };
}
