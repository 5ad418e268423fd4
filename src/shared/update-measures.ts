/**
 * The names of the User Timing measures the renderer records for each edit (see
 * src/renderer/lib/update-timing.ts), read by the browser test and the UI benchmark.
 */
/** Edit → all charts redrawn. */
export const UPDATE_MEASURE = 'tradeoff:update';
/** Edit → the frame that shows the redrawn charts produced. */
export const PAINT_MEASURE = 'tradeoff:painted';
/** Plotly's redraw alone. */
export const CHART_MEASURE = 'tradeoff:chart';
