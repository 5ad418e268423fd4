import type { Objective } from '../../model';
import type { LawAnswer, LawComparison } from '../../scenario/across-laws';
import { formatCount, formatRatio } from '../../format/quantity';
import { linearAxis, logAxis } from './axes';
import type { Figure } from './figure';
import { metricFor } from './metric';
import { baseLayout, candidateColour, themeColours, type ChartTheme } from './theme';

/** A law that has an answer, with it. */
export type Answered = LawAnswer & { readonly result: Extract<LawAnswer['result'], { ok: true }> };

/**
 * "What does each published law say?": each law's lifetime optimum at (size, lifetime objective),
 * labelled with the law's id, the scenario's own law as the optimum's blue star. Laws without an
 * answer have no point; the table beside the chart gives their reasons.
 */
export function lawsFigure(comparison: LawComparison, objective: Objective, theme: ChartTheme): Figure {
  const metric = metricFor(objective);
  const answered = comparison.laws.filter((law): law is Answered => law.result.ok);
  const own = candidateColour('lifetime', 0);
  const params = answered.map((law) => law.result.lifetimeOptimal.params);
  const objectives = answered.map((law) => objectiveOf(law, objective));
  return {
    title: 'The optimum under every law',
    data: [
      {
        type: 'scatter',
        mode: 'text+markers',
        name: 'Laws',
        showlegend: false,
        ids: answered.map((law) => law.lawId),
        x: params,
        y: objectives,
        text: answered.map((law) => (law.own ? `<b>${law.lawId}</b>` : law.lawId)),
        textposition: labelPositions(params),
        textfont: { size: 11, color: themeColours(theme).text },
        hovertext: answered.map(
          (law, index) =>
            `<b>${law.label}</b>${law.own ? ' (this scenario’s law)' : ''}<br>` +
            `${formatCount(law.result.lifetimeOptimal.params)} params on ` +
            `${formatCount(law.result.lifetimeOptimal.tokens)} tokens ` +
            `(${formatRatio(law.result.lifetimeOptimal.tokensPerParam)} tokens/param)<br>` +
            `lifetime ${metric.unit}: ${metric.format(objectives[index] as number)}` +
            (law.result.extrapolates ? '<br>extrapolated beyond the law’s runs' : ''),
        ),
        hoverinfo: 'text',
        marker: {
          color: answered.map((law) => (law.own ? own : themeColours(theme).muted)),
          size: answered.map((law) => (law.own ? 16 : 10)),
          symbol: answered.map((law) =>
            law.own ? 'star' : law.result.extrapolates ? 'circle-open' : 'circle',
          ),
          line: { width: 1, color: themeColours(theme).background },
        },
      },
    ],
    layout: {
      ...baseLayout(theme),
      margin: { l: 72, r: 24, t: 24, b: 48 },
      xaxis: { ...logAxis(theme, 'Optimum size (parameters)', padded(params)) },
      // Linear from zero: the laws' lifetime bills differ by a small factor, which a log axis would
      // leave with a single tick.
      yaxis: linearAxis(theme, `Lifetime ${metric.unit}`, objectives, metric.tick),
    },
  };
}

/** The lifetime objective of a law's optimum: dollars, or FLOPs when the scenario minimises FLOPs. */
export function objectiveOf(law: Answered, objective: Objective): number {
  return objective === 'cost' ? law.result.lifetimeOptimal.totalCost : law.result.lifetimeOptimal.totalFlops;
}

/**
 * Labels above and below the points in turn, from the smallest size up: laws often agree to a few
 * percent, and labels all above their points would overlap.
 */
function labelPositions(params: readonly number[]): ('top center' | 'bottom center')[] {
  const rank = new Map(
    params
      .map((value, index) => [value, index] as const)
      .sort(([a], [b]) => a - b)
      .map(([, index], order) => [index, order]),
  );
  return params.map((_, index) => ((rank.get(index) ?? 0) % 2 === 0 ? 'top center' : 'bottom center'));
}

/** The values and a little room either side (×/÷1.3), so that labels at the ends are not cut. */
function padded(values: readonly number[]): number[] {
  return values.length === 0 ? [] : [Math.min(...values) / 1.3, Math.max(...values) * 1.3];
}
