import type { Layout, PlotData } from 'plotly.js-dist-min';
import type { Candidate } from '../../model';
import { formatCount, formatRatio } from '../../format/quantity';
import type { LabelledCandidate } from '../../report/candidates';
import type { Metric } from './metric';
import { candidateColour, hasOwnColour, PHASE_COLOURS } from './theme';

/** What a chart module hands to the plotting component. */
export interface Figure {
  readonly title: string;
  readonly data: PlotData[];
  readonly layout: Layout;
}

/** A candidate's colour, by its position among the ratio baselines when it is one. */
export function colourOf(candidates: readonly LabelledCandidate[], id: string): string {
  const baselines = candidates.filter((c) => c.id.startsWith('baseline-') && !hasOwnColour(c.id));
  return candidateColour(
    id,
    baselines.findIndex((c) => c.id === id),
  );
}

/** "20.5B params on 3.3T tokens (161 tokens/param)": the line every hover starts with. */
export function describeModel(c: Candidate): string {
  return `${formatCount(c.params)} params on ${formatCount(c.tokens)} tokens (${formatRatio(c.tokensPerParam)} tokens/param)`;
}

/** Marker shapes of the named candidates; the tokens-per-parameter baselines are circles. */
const CANDIDATE_SYMBOLS: Readonly<Record<string, string>> = {
  lifetime: 'star',
  chinchilla: 'diamond',
  'baseline-kaplan2020': 'triangle-up',
};

/**
 * The candidates as one trace of markers at (x, y), coloured and shaped consistently across charts
 * and identified by candidate id. One trace, not one per candidate: plotly's cost per update grows
 * with the number of traces.
 */
export function candidateMarkers(
  candidates: readonly LabelledCandidate[],
  x: (c: Candidate) => number,
  y: (c: Candidate) => number,
  hover: (c: LabelledCandidate) => string,
): PlotData {
  return {
    type: 'scatter',
    mode: 'markers',
    name: 'Candidates',
    // The result cards above the charts wear the same colours and act as the legend.
    showlegend: false,
    ids: candidates.map(({ id }) => id),
    x: candidates.map(({ candidate }) => x(candidate)),
    y: candidates.map(({ candidate }) => y(candidate)),
    // Not drawn (the mode has no text): it names each point in the chart's data table.
    text: candidates.map(({ label }) => label),
    hovertext: candidates.map(hover),
    hoverinfo: 'text',
    marker: {
      color: candidates.map(({ id }) => colourOf(candidates, id)),
      size: candidates.map(({ id }) => (id === 'lifetime' ? 14 : 10)),
      symbol: candidates.map(({ id }) => CANDIDATE_SYMBOLS[id] ?? 'circle'),
      line: { width: 1, color: '#ffffff' },
    },
  };
}

/**
 * The phases of a lifetime bill (training, prefill, decode, …) as stacked areas along a curve of
 * candidates, each with hover text in the metric's units; `describe` prefixes each hover line.
 */
export function phaseAreas(
  curve: readonly Candidate[],
  x: number[],
  metric: Metric,
  describe: (c: Candidate) => string = () => '',
): PlotData[] {
  const phases: [string, string, (c: Candidate) => number][] = [
    ['Training', PHASE_COLOURS.training, metric.training],
    ['Prefill', PHASE_COLOURS.prefill, metric.prefill],
    ['Decode', PHASE_COLOURS.decode, metric.decode],
    // Verification appears only when some candidate pays for it.
    ...(curve.some((c) => metric.verifier(c) > 0)
      ? [
          ['Verification', PHASE_COLOURS.verification, metric.verifier] as [
            string,
            string,
            (c: Candidate) => number,
          ],
        ]
      : []),
  ];
  return phases.map(([name, colour, value]) => ({
    type: 'scatter',
    mode: 'lines',
    name,
    x,
    y: curve.map(value),
    stackgroup: 'phases',
    line: { width: 0.5, color: colour },
    fillcolor: `${colour}66`,
    hovertext: curve.map((c) => `${describe(c)}${name}: ${metric.format(value(c))}<br>${describeModel(c)}`),
    hoverinfo: 'text',
  }));
}
