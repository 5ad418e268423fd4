import type { Figure } from './figure';

/** A chart's margins around its plot area, in pixels, as its figure's layout sets them. */
export interface Margin {
  readonly l: number;
  readonly r: number;
  readonly t: number;
  readonly b: number;
}

/** The titles of a chart's axes; `y2` is the secondary axis on the right, when there is one. */
export interface AxisTitles {
  readonly x: string;
  readonly y: string;
  readonly y2: string | null;
}

export function chartMargin(figure: Figure): Margin {
  return { l: 0, r: 0, t: 0, b: 0, ...(figure.layout['margin'] as Partial<Margin> | undefined) };
}

function titleOf(axis: unknown): string {
  const title = (axis as { title?: { text?: string } } | undefined)?.title;
  return title?.text ?? '';
}

/**
 * The axis titles of a figure. On screen the page draws them, because plotly moves every axis title
 * clear of the tick labels by measuring each label on every update; exports keep plotly's titles.
 */
export function axisTitles(figure: Figure): AxisTitles {
  const layout = figure.layout;
  return {
    x: titleOf(layout['xaxis']),
    y: titleOf(layout['yaxis']),
    y2: layout['yaxis2'] ? titleOf(layout['yaxis2']) : null,
  };
}
