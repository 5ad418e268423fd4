/**
 * Measures one edit-to-charts update with the User Timing API: `startUpdate` when the user edits,
 * `finishUpdate` once every chart has redrawn, and each chart's redraw (one task each) on its own.
 * The browser tests read the `tradeoff:update` and `tradeoff:chart` measures; nothing else does.
 */
const START = 'tradeoff:edit';
export const UPDATE_MEASURE = 'tradeoff:update';
export const CHART_MEASURE = 'tradeoff:chart';

/** Runs one chart's redraw and records how long it took. */
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
}
