/**
 * Measures one edit-to-charts update with the User Timing API: `startUpdate` when the user edits,
 * `finishUpdate` once the charts have redrawn, then the frame that shows them; and the charts'
 * redraw (plotly's part) on its own. The browser test and the UI benchmark read these measures.
 */
import { CHART_MEASURE, PAINT_MEASURE, UPDATE_MEASURE } from '../../shared/update-measures';

const START = 'tradeoff:edit';

/** Runs the charts' redraw and records how long it took. */
export async function timeChartDraw(draw: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await draw();
  performance.measure(CHART_MEASURE, { start });
}

let pending = false;

export function startUpdate(): void {
  performance.mark(START);
  pending = true;
}

export function finishUpdate(): void {
  if (!pending) return;
  pending = false;
  performance.measure(UPDATE_MEASURE, START);
  // A message posted from an animation frame callback arrives once that frame has been produced.
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => performance.measure(PAINT_MEASURE, START);
    channel.port2.postMessage(null);
  });
}
