import type { Layout, PlotData } from 'plotly.js-dist-min';
import { chartMargin, type Margin } from './axis-titles';
import type { Figure } from './figure';
import { baseLayout, type ChartTheme } from './theme';

/** Where one chart sits in the composed figure, in pixels from its top left corner. */
export interface Slot {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** One chart to place: its figure, a name that tags its traces, and the slot it fills. */
export interface Placed {
  readonly name: string;
  readonly figure: Figure;
  readonly slot: Slot;
}

/** Plotly's name of the layout key of an axis id: `x` → `xaxis`, `y3` → `yaxis3`. */
function axisKey(id: string): string {
  return `${id[0]}axis${id.slice(1)}`;
}

/** An axis reference of a chart's own figure (`x`, `y`, `y2`, `paper`) in the composed figure. */
type RefMap = (ref: unknown) => unknown;

/**
 * Every chart as subplots of one plotly figure of `width` × `height` pixels, each chart's plot area
 * inside its slot less its own margins. One figure because plotly's cost per update is mostly a
 * fixed cost per figure (defaults, layout, interactions): four charts redraw in about half the
 * time of four figures. Each chart's traces carry `uid` `name_index` (plotly makes CSS classes of it) so they can be told apart.
 * Axis titles are left to the page (see axisTitles).
 */
export function composeFigures(
  charts: readonly Placed[],
  size: { readonly width: number; readonly height: number },
  theme: ChartTheme,
): { data: PlotData[]; layout: Layout } {
  const data: PlotData[] = [];
  const shapes: unknown[] = [];
  const annotations: unknown[] = [];
  const layout: Record<string, unknown> = {
    ...baseLayout(theme),
    // The chart panels behind the figure draw the backgrounds and the legends.
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    showlegend: false,
    autosize: false,
    width: size.width,
    height: size.height,
    margin: { l: 0, r: 0, t: 0, b: 0, pad: 0 },
    // Per figure in plotly, not per subplot: "x unified" would join unrelated charts' hovers.
    hovermode: 'closest',
  };
  // Secondary axes are numbered after every chart's first pair.
  let nextAxis = charts.length + 1;
  charts.forEach(({ name, figure, slot }, index) => {
    const suffix = index === 0 ? '' : String(index + 1);
    const x = `x${suffix}`;
    const y = `y${suffix}`;
    const own = figure.layout;
    const secondary = own['yaxis2'] ? `y${nextAxis++}` : undefined;
    const domain = plotDomain(slot, chartMargin(figure), size);
    layout[axisKey(x)] = { ...(own['xaxis'] as object), title: undefined, domain: domain.x, anchor: y };
    layout[axisKey(y)] = { ...(own['yaxis'] as object), title: undefined, domain: domain.y, anchor: x };
    if (secondary) {
      layout[axisKey(secondary)] = {
        ...(own['yaxis2'] as object),
        title: undefined,
        overlaying: y,
        anchor: x,
      };
    }
    if (own['barmode']) layout['barmode'] = own['barmode'];
    const xRef: RefMap = (ref) =>
      ref === 'paper' ? `${x} domain` : ref === 'x' || ref === undefined ? x : ref;
    const yRef: RefMap = (ref) =>
      ref === 'paper'
        ? `${y} domain`
        : ref === 'y2'
          ? (secondary ?? y)
          : ref === 'y' || ref === undefined
            ? y
            : ref;
    figure.data.forEach((trace, traceIndex) =>
      data.push({
        ...trace,
        uid: `${name}_${traceIndex}`,
        xaxis: x,
        yaxis: trace.yaxis === 'y2' ? (secondary ?? y) : y,
      }),
    );
    for (const shape of (own['shapes'] as Record<string, unknown>[] | undefined) ?? []) {
      shapes.push({ ...shape, xref: xRef(shape['xref']), yref: yRef(shape['yref']) });
    }
    for (const note of (own['annotations'] as Record<string, unknown>[] | undefined) ?? []) {
      annotations.push({ ...note, xref: xRef(note['xref']), yref: yRef(note['yref']) });
    }
  });
  return { data, layout: { ...layout, shapes, annotations } };
}

/**
 * A slot's plot area as plotly domains (fractions of the figure, y measured from the bottom),
 * clamped to the figure so that a slot cut off by rounding never makes plotly reject the layout.
 */
export function plotDomain(
  slot: Slot,
  margin: Margin,
  size: { readonly width: number; readonly height: number },
): { x: [number, number]; y: [number, number] } {
  const clamp = (value: number) => Math.min(1, Math.max(0, value));
  const left = clamp((slot.left + margin.l) / size.width);
  const right = clamp((slot.left + slot.width - margin.r) / size.width);
  const bottom = clamp((size.height - (slot.top + slot.height - margin.b)) / size.height);
  const top = clamp((size.height - (slot.top + margin.t)) / size.height);
  return { x: [left, Math.max(left, right)], y: [bottom, Math.max(bottom, top)] };
}
