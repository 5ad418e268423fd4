import type { PlotData } from 'plotly.js-dist-min';
import { REFERENCE_MODELS, type IsoLossBands } from '../../model';
import { formatCount, formatLoss, formatRatio } from '../../format/quantity';
import { DEFAULT_BASELINES } from '../../scenario';
import type { Results } from '../lib/results';
import { logAxis } from './axes';
import { bandTrace } from './band';
import { candidateMarkers, describeModel, type Figure } from './figure';
import { baseLayout, themeColours, type ChartTheme } from './theme';

/**
 * Released models drawn as labelled reference points, with where each label sits so that
 * neighbours (Chinchilla and Llama 2 70B, GPT-3 and Gopher) do not print over each other.
 */
const LABELLED_MODELS: Readonly<Record<string, string>> = {
  gpt3: 'bottom left',
  gopher: 'bottom right',
  chinchilla: 'bottom right',
  'llama1-7b': 'bottom left',
  'llama2-7b': 'top left',
  'llama2-70b': 'top right',
  'llama3-8b': 'top left',
  'llama3-70b': 'bottom left',
  'llama31-405b': 'top left',
};

/**
 * Tokens-per-parameter guide lines: the default baselines (Chinchilla's 20, LLaMA-1 7B's ~142 and
 * Llama 3 8B's ~1,875), whatever baselines the scenario compares against.
 */
export const GUIDE_RATIOS: readonly number[] = DEFAULT_BASELINES;

/**
 * Chart 2: every model of the target loss in (parameters, tokens), with tokens-per-parameter guide
 * lines, the candidates, well-known released models as labelled reference points, and the 80 %
 * range of the tokens each size needs over the law's uncertainty when it has one.
 */
export function isoLossFigure(
  results: Results,
  theme: ChartTheme,
  bands: IsoLossBands | null = null,
): Figure {
  const colours = themeColours(theme);
  const curve = results.isoLoss;
  const models = REFERENCE_MODELS.filter((m) => m.id in LABELLED_MODELS);
  const candidates = results.candidates.map(({ candidate }) => candidate);
  const params = [...curve.map((c) => c.params), ...models.map((m) => m.params)];
  // The curve's tokens rise without bound near the smallest feasible size: frame the candidates
  // and the released models instead.
  const tokens = [...candidates.map((c) => c.tokens), ...models.map((m) => m.tokens)];
  const low = Math.min(...params) / 2;
  const high = Math.max(...params) * 2;
  // All guide lines in one trace, separated by gaps: each trace costs plotly time on every update.
  const guides: PlotData = {
    type: 'scatter',
    mode: 'lines+text',
    name: 'Tokens/param guides',
    x: GUIDE_RATIOS.flatMap(() => [low, high, null]),
    y: GUIDE_RATIOS.flatMap((ratio) => [low * ratio, high * ratio, null]),
    text: GUIDE_RATIOS.flatMap((ratio) => ['', `${formatRatio(ratio)}:1`, '']),
    textposition: 'top left',
    textfont: { color: colours.muted, size: 10 },
    line: { color: colours.muted, width: 1, dash: 'dot' },
    connectgaps: false,
    hoverinfo: 'skip',
    showlegend: false,
  };
  const referencePoints: PlotData = {
    type: 'scatter',
    mode: 'markers+text',
    name: 'Released models',
    x: models.map((m) => m.params),
    y: models.map((m) => m.tokens),
    text: models.map((m) => m.label),
    textposition: models.map((m) => LABELLED_MODELS[m.id] ?? 'top right'),
    textfont: { color: colours.muted, size: 10 },
    hovertext: models.map(
      (m) =>
        `<b>${m.label}</b><br>${formatCount(m.params)} params on ${formatCount(m.tokens)} tokens<br>loss ${formatLoss(results.problem.law.loss(m.params, m.tokens))} (${results.problem.law.id})`,
    ),
    hoverinfo: 'text',
    marker: { color: colours.muted, size: 6, symbol: 'circle-open' },
    cliponaxis: false,
  };
  const isoCurve: PlotData = {
    type: 'scatter',
    mode: 'lines',
    name: `Loss ${formatLoss(results.solution.targetLoss)}`,
    x: curve.map((c) => c.params),
    y: curve.map((c) => c.tokens),
    hovertext: curve.map(describeModel),
    hoverinfo: 'text',
    line: { color: colours.text, width: 2 },
  };
  // Under a data limit: above D = U every token is a repeat (shaded), and left of the smallest size
  // that reaches the target with any repetition nothing does (hatched as unreachable).
  const dataWall = results.dataWall;
  const smallest = curve[0]?.params;
  const yLow = Math.min(...tokens) / 3;
  const yHigh = Math.max(...tokens) * 3;
  const regions = dataWall
    ? [
        {
          type: 'rect',
          xref: 'x',
          yref: 'y',
          x0: low,
          x1: high,
          y0: dataWall.uniqueTokens,
          y1: yHigh,
          fillcolor: colours.muted,
          opacity: 0.12,
          line: { width: 0 },
          layer: 'below',
        },
        ...(smallest
          ? [
              {
                type: 'rect',
                xref: 'x',
                yref: 'y',
                x0: low,
                x1: smallest,
                y0: yLow,
                y1: yHigh,
                fillcolor: '#dc2626',
                opacity: 0.1,
                line: { width: 0 },
                layer: 'below',
              },
            ]
          : []),
      ]
    : [];
  const regionLabels = dataWall
    ? [
        {
          x: Math.log10(high),
          y: Math.log10(Math.min(yHigh, dataWall.uniqueTokens * 1.6)),
          xanchor: 'right',
          text: `more than one epoch (over ${formatCount(dataWall.uniqueTokens)} unique tokens)`,
          showarrow: false,
          font: { size: 10, color: colours.muted },
        },
        ...(smallest
          ? [
              {
                x: Math.log10(low),
                y: Math.log10(yHigh),
                xanchor: 'left',
                yanchor: 'top',
                text: 'out of reach with this data',
                showarrow: false,
                font: { size: 10, color: '#dc2626' },
              },
            ]
          : []),
      ]
    : [];
  const band = bands && bandTrace(bands.points, (point) => point.tokens, formatCount, colours.text);
  return {
    title: 'Models of the target loss, with released models for reference',
    data: [
      guides,
      ...(band ? [band] : []),
      referencePoints,
      isoCurve,
      candidateMarkers(
        results.candidates,
        (c) => c.params,
        (c) => c.tokens,
        ({ label, candidate }) => `<b>${label}</b><br>${describeModel(candidate)}`,
      ),
    ],
    layout: {
      ...baseLayout(theme),
      xaxis: { ...logAxis(theme, 'Parameters', params), range: [Math.log10(low), Math.log10(high)] },
      yaxis: {
        ...logAxis(theme, 'Training tokens', tokens),
        range: [Math.log10(yLow), Math.log10(yHigh)],
      },
      shapes: regions,
      annotations: regionLabels,
      hovermode: 'closest',
    },
  };
}
