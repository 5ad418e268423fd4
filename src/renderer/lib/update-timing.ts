/**
 * Measures one edit-to-charts update with the User Timing API: `startUpdate` when the user edits,
 * `finishUpdate` once every chart has redrawn. The browser tests read the `tradeoff:update`
 * measures; nothing else depends on them.
 */
const START = 'tradeoff:edit';
export const UPDATE_MEASURE = 'tradeoff:update';

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
