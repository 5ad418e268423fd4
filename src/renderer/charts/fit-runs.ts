/**
 * The fit dialog's two charts: the runs' final loss against training compute with the fitted
 * law's curve through each model size, and each run's residual. Sizes share colours between them.
 */
import type { PlotData } from 'plotly.js-dist-min';
import type { FitReport } from '../../fit/fit-job';
import { formatCount, formatSignificant } from '../../format/quantity';
import { trainingCompute } from '../../model/fit';
import { chinchillaLaw } from '../../model/laws/chinchilla';
import { linearAxis, logAxis } from './axes';
import type { Figure } from './figure';
import { baseLayout, themeColours, type ChartTheme } from './theme';

/** Colours for model sizes, smallest first; sequential, so neighbouring sizes look related. */
const SIZE_COLOURS = [
  '#1e3a8a',
  '#2563eb',
  '#0891b2',
  '#059669',
  '#65a30d',
  '#ca8a04',
  '#ea580c',
  '#dc2626',
  '#9333ea',
];

/** Points along each size's curve (log-spaced in tokens). */
const CURVE_POINTS = 40;
/** Each curve runs this factor beyond its size's runs at both ends, so the points sit inside it. */
const CURVE_MARGIN = 1.5;

/** The distinct model sizes of the fitted runs, smallest first. */
export function modelSizes(report: FitReport): number[] {
  return [...new Set(report.fit.runs.map((run) => run.params))].sort((x, y) => x - y);
}

/** A size's colour; with more sizes than colours they are spread over the whole palette. */
export function sizeColour(index: number, count: number): string {
  const position =
    count <= SIZE_COLOURS.length ? index : Math.round((index * (SIZE_COLOURS.length - 1)) / (count - 1));
  return SIZE_COLOURS[position % SIZE_COLOURS.length] as string;
}

function runHover(report: FitReport, i: number): string {
  const run = report.fit.residuals[i];
  if (!run) return '';
  return (
    `<b>line ${report.lines[i]}</b>: ${formatCount(run.params)} params on ${formatCount(run.tokens)} tokens` +
    `<br>loss ${formatSignificant(run.loss)}, law ${formatSignificant(run.predictedLoss)}`
  );
}

/** The runs of each size as markers, and the fitted law through them: loss against 6ND. */
export function fitRunsFigure(report: FitReport, theme: ChartTheme): Figure {
  const { fit } = report;
  const law = chinchillaLaw(fit.law, { id: 'fitted', label: 'Fitted law', source: 'your runs' });
  const sizes = modelSizes(report);
  const data: PlotData[] = sizes.flatMap((params, k) => {
    const colour = sizeColour(k, sizes.length);
    const name = `${formatCount(params)} params`;
    const members = fit.residuals.flatMap((run, i) => (run.params === params ? [i] : []));
    const tokens = members.map((i) => (fit.residuals[i] as { tokens: number }).tokens);
    const low = Math.log(Math.min(...tokens) / CURVE_MARGIN);
    const high = Math.log(Math.max(...tokens) * CURVE_MARGIN);
    const curveTokens = Array.from({ length: CURVE_POINTS }, (_, j) =>
      Math.exp(low + ((high - low) * j) / (CURVE_POINTS - 1)),
    );
    return [
      {
        type: 'scatter',
        mode: 'lines',
        name: `${name}, law`,
        legendgroup: name,
        showlegend: false,
        x: curveTokens.map((d) => trainingCompute({ params, tokens: d })),
        y: curveTokens.map((d) => law.loss(params, d)),
        line: { color: colour, width: 1.5 },
        hoverinfo: 'skip',
      } as PlotData,
      {
        type: 'scatter',
        mode: 'markers',
        name,
        legendgroup: name,
        x: members.map((i) => trainingCompute(fit.residuals[i] as { params: number; tokens: number })),
        y: members.map((i) => (fit.residuals[i] as { loss: number }).loss),
        hovertext: members.map((i) => runHover(report, i)),
        hoverinfo: 'text',
        marker: { color: colour, size: 8, line: { width: 1, color: themeColours(theme).background } },
      } as PlotData,
    ];
  });
  return {
    title: 'Final loss against training compute',
    data,
    layout: {
      ...baseLayout(theme),
      // The legend (one entry per size) stands right of the plot, clear of the runs.
      margin: { l: 56, r: 112, t: 8, b: 44 },
      xaxis: logAxis(
        theme,
        'Training compute 6ND (FLOPs)',
        data.flatMap((trace) => trace.x as number[]),
        formatFlops,
      ),
      yaxis: { ...linearAxis(theme, 'Final loss'), rangemode: 'normal' },
      legend: { orientation: 'v', x: 1.02, xanchor: 'left', y: 1, font: { size: 10 } },
      hovermode: 'closest',
    },
  };
}

/** ln L − ln L̂ for each run (what the Huber loss weighs, sign flipped to read "above the law"). */
export function observedMinusFitted(report: FitReport): number[] {
  return report.fit.residuals.map((run) => -run.residual);
}

export function fitResidualsFigure(report: FitReport, theme: ChartTheme): Figure {
  const { fit } = report;
  const sizes = modelSizes(report);
  const residuals = observedMinusFitted(report);
  const x = fit.residuals.map(trainingCompute);
  return {
    title: 'Residuals',
    data: [
      {
        type: 'scatter',
        mode: 'markers',
        name: 'ln L − ln L̂',
        showlegend: false,
        x,
        y: residuals,
        hovertext: fit.residuals.map(
          (_, i) => `${runHover(report, i)}<br>ln L − ln L̂ = ${(residuals[i] as number).toFixed(4)}`,
        ),
        hoverinfo: 'text',
        marker: {
          color: fit.residuals.map((run) => sizeColour(sizes.indexOf(run.params), sizes.length)),
          size: 7,
        },
      } as PlotData,
    ],
    layout: {
      ...baseLayout(theme),
      margin: { l: 56, r: 16, t: 8, b: 44 },
      xaxis: logAxis(theme, 'Training compute 6ND (FLOPs)', x, formatFlops),
      yaxis: {
        ...linearAxis(theme, 'ln L − ln L̂'),
        rangemode: 'normal',
        zeroline: true,
        zerolinecolor: themeColours(theme).muted,
      },
      showlegend: false,
      hovermode: 'closest',
    },
  };
}

/** Compute ticks as papers print them: 1e18, 1e20. */
function formatFlops(value: number): string {
  return value.toExponential(0).replace('e+', 'e');
}
