import type { PlotData } from 'plotly.js-dist-min';
import { formatCount } from '../../format/quantity';
import { axisTitles } from './axis-titles';
import type { Figure } from './figure';

/** Part of a chart's text alternative: some of its series as a table, one row per point. */
export interface DataTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Plotly's tick and hover labels may hold line breaks and bold; a table cell wants plain text. */
export function plainText(html: string): string {
  return html
    .replace(/-<br\s*\/?>/gi, '-')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .trim();
}

function cell(value: unknown): string {
  if (typeof value === 'number') return formatCount(value);
  if (typeof value === 'string') return plainText(value);
  return '—';
}

/** A point's label when the trace names its points (released models, candidates), else none. */
function labelsOf(trace: Partial<PlotData>, length: number): string[] | null {
  const text = trace.text;
  if (!Array.isArray(text) || text.length !== length || text.some((t) => typeof t !== 'string' || !t)) {
    return null;
  }
  return text.map((t) => plainText(String(t)));
}

/**
 * The series a chart draws, as tables a screen reader can walk: the text alternative to the
 * drawing. Series on the same x values share one table, a column each (the phases of a stacked
 * area); a series that names its points gets a table of its own with a Name column first. Traces
 * the chart does not let the reader hover (guide lines) are decoration, not data, and are left out.
 * Numbers read as the charts' hover labels do (formatCount); the column headers carry the units.
 */
export function chartTables(figure: Figure): DataTable[] {
  const titles = axisTitles(figure);
  const xTitle = titles.x || 'Category';
  const groups: { x: readonly unknown[]; labels: string[] | null; traces: Partial<PlotData>[] }[] = [];
  for (const trace of figure.data) {
    if (trace.hoverinfo === 'skip' || !trace.name) continue;
    const x = Array.isArray(trace.x) ? (trace.x as unknown[]) : null;
    if (!x || !Array.isArray(trace.y)) continue;
    const labels = labelsOf(trace, x.length);
    const same = labels
      ? undefined
      : groups.find(
          (group) =>
            !group.labels && group.x.length === x.length && group.x.every((value, i) => value === x[i]),
        );
    if (same) same.traces.push(trace);
    else groups.push({ x, labels, traces: [trace] });
  }
  return groups.map(({ x, labels, traces }) => {
    const columns = [
      ...(labels ? ['Name'] : []),
      xTitle,
      ...traces.map((trace) => {
        const axis = (trace.yaxis === 'y2' ? titles.y2 : titles.y) ?? '';
        // A lone series is named by the caption; its column says what its values measure.
        if (traces.length === 1 && axis) return axis;
        return !axis || axis === trace.name ? String(trace.name) : `${trace.name} (${axis})`;
      }),
    ];
    const rows = x.flatMap((value, i) =>
      value === null || value === undefined
        ? []
        : [
            [
              ...(labels ? [labels[i] ?? ''] : []),
              cell(value),
              ...traces.map((trace) => cell((trace.y as unknown[])[i])),
            ],
          ],
    );
    return { caption: traces.map((trace) => trace.name).join(', '), columns, rows };
  });
}
