import type { Figure } from './figure';

/** One entry of a chart's legend, drawn by the page next to the chart's title. */
export interface LegendEntry {
  readonly label: string;
  readonly colour: string;
  /** How the swatch looks: a filled area, a line (solid, dashed or dotted) or a marker. */
  readonly swatch: 'area' | 'line' | 'marker';
  readonly dash?: string;
  /** A marker drawn as an outline (plotly's `*-open` symbols). */
  readonly open?: boolean;
}

/**
 * The legend plotly would draw for a figure: each named trace not left out of it, once per name.
 * The page draws it instead because plotly measures every legend label on every update.
 */
export function legendEntries(figure: Figure): LegendEntry[] {
  const entries: LegendEntry[] = [];
  for (const trace of figure.data) {
    if (trace.showlegend === false || !trace.name || entries.some((entry) => entry.label === trace.name)) {
      continue;
    }
    const line = trace.line as { color?: string; dash?: string } | undefined;
    const marker = trace.marker as { color?: unknown; symbol?: unknown } | undefined;
    const markerColour = typeof marker?.color === 'string' ? marker.color : undefined;
    const filled = trace.type === 'bar' || Boolean(trace.stackgroup) || Boolean(trace.fill);
    const swatch = filled ? 'area' : trace.mode?.includes('lines') ? 'line' : 'marker';
    const colour =
      (trace.type === 'bar' ? markerColour : undefined) ?? trace.fillcolor ?? line?.color ?? markerColour;
    if (!colour) continue;
    entries.push({
      label: trace.name,
      colour,
      swatch,
      ...(swatch === 'line' && line?.dash ? { dash: line.dash } : {}),
      ...(swatch === 'marker' && String(marker?.symbol).endsWith('-open') ? { open: true } : {}),
    });
  }
  return entries;
}
