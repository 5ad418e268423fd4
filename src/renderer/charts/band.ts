import type { PlotData } from 'plotly.js-dist-min';
import type { BandPoint, Percentiles } from '../../model';
import { formatCount, formatPercent } from '../../format/quantity';

/** The legend entry of every uncertainty band. */
export const BAND_LEGEND = '80 % range (law uncertainty)';

/**
 * A p10–p90 band as one translucent polygon (one trace: plotly's cost per update grows with the
 * number of traces), out along p90 and back along p10, over the sizes some draw brings to the
 * target. Each vertex's hover gives the range at its size and the share of draws that reach it.
 * Null when no size is reached in any draw.
 */
export function bandTrace(
  points: readonly BandPoint[],
  quantity: (point: BandPoint) => Percentiles | null,
  format: (value: number) => string,
  colour: string,
): PlotData | null {
  const drawn = points.flatMap((point) => {
    const band = quantity(point);
    return band ? [{ params: point.params, band, reachedShare: point.reachedShare }] : [];
  });
  if (drawn.length === 0) return null;
  const outline = [...drawn, ...[...drawn].reverse()];
  const hover = drawn.map(
    ({ params, band, reachedShare }) =>
      `<b>${BAND_LEGEND}</b><br>${formatCount(params)} params: ${format(band.p10)} – ${format(band.p90)}` +
      ` (median ${format(band.p50)})<br>${formatPercent(reachedShare, 0)} of draws reach the target at this size`,
  );
  return {
    type: 'scatter',
    mode: 'lines',
    name: BAND_LEGEND,
    x: outline.map(({ params }) => params),
    y: [...drawn.map(({ band }) => band.p90), ...[...drawn].reverse().map(({ band }) => band.p10)],
    fill: 'toself',
    fillcolor: `${colour}29`,
    // Dotted edges tell the band from the solid phase areas it may lie over.
    line: { width: 1, color: colour, dash: 'dot' },
    hovertext: [...hover, ...[...hover].reverse()],
    hoverinfo: 'text',
    hoveron: 'points',
  } as PlotData;
}
