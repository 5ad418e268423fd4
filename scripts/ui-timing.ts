/**
 * Times edits in the running app, for the browser test that reports them and for the UI benchmark
 * (`npm run bench:ui`). Each edit sets a field's value and fires its input event inside the page,
 * as a keystroke does, so the measures hold the app's work and none of the test driver's; the next
 * edit starts only once the previous one is on screen.
 */
import type { Page } from 'playwright-core';
import { CHART_MEASURE, PAINT_MEASURE, UPDATE_MEASURE } from '../src/shared/update-measures';

/** Milliseconds per edit, from the app's User Timing measures (src/renderer/lib/update-timing.ts). */
export interface EditTimings {
  /** Edit → all charts redrawn. */
  readonly update: number[];
  /** Edit → the frame that shows them produced. */
  readonly painted: number[];
  /** Plotly's redraw alone, once per redraw. */
  readonly plotly: number[];
  /** Tasks over 50 ms during the edits: what a person feels as lag while typing. */
  readonly longTasks: number[];
}

/**
 * The little of the page that the functions passed to page.evaluate touch. They run in the page,
 * but this module compiles with Node's types (no DOM), like the rest of the scripts.
 */
interface PageScope {
  readonly document: {
    querySelector(selector: string): { value: string; dispatchEvent(event: unknown): boolean } | null;
  };
  readonly Event: new (type: string, init: { bubbles: boolean }) => unknown;
  readonly PerformanceObserver: new (callback: (list: { getEntries(): { duration: number }[] }) => void) => {
    observe(options: { type: string }): void;
    disconnect(): void;
  };
  longTasks: number[];
  longTaskObserver?: { disconnect(): void };
}

const TIMEOUT_MS = 10_000;

/**
 * Resolves once the page holds `count` measures called `name`. It waits inside the page for the
 * measure to be recorded rather than polling, which would run the driver's scripts mid-update.
 */
async function waitForMeasureCount(page: Page, name: string, count: number): Promise<void> {
  await page.evaluate(
    ({ measure, wanted, timeout }) =>
      new Promise<void>((resolve, reject) => {
        // No named helper functions in here: tsx would wrap them in a helper the page lacks.
        if (performance.getEntriesByName(measure).length >= wanted) return resolve();
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no ${measure} measure within ${timeout} ms of an edit`));
        }, timeout);
        const observer = new PerformanceObserver(() => {
          if (performance.getEntriesByName(measure).length < wanted) return;
          clearTimeout(timer);
          observer.disconnect();
          resolve();
        });
        observer.observe({ type: 'measure' });
      }),
    { measure: name, wanted: count, timeout: TIMEOUT_MS },
  );
}

/** Types each of `values` into the field at `path` in turn and returns how long each update took. */
export async function timeEdits(page: Page, path: string, values: readonly string[]): Promise<EditTimings> {
  await page.evaluate(() => {
    const scope = globalThis as unknown as PageScope;
    // One observer at a time, or a second call would count every long task twice.
    scope.longTaskObserver?.disconnect();
    scope.longTasks = [];
    const observer = new scope.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) scope.longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    scope.longTaskObserver = observer;
    performance.clearMeasures();
  });
  for (const [index, value] of values.entries()) {
    await page.evaluate(
      ({ field, text }) => {
        const scope = globalThis as unknown as PageScope;
        const input = scope.document.querySelector(`[data-path="${field}"]`);
        if (!input) throw new Error(`no field ${field}`);
        input.value = text;
        input.dispatchEvent(new scope.Event('input', { bubbles: true }));
      },
      { field: path, text: value },
    );
    await waitForMeasureCount(page, PAINT_MEASURE, index + 1);
  }
  const durations = (name: string) =>
    page.evaluate((measure) => performance.getEntriesByName(measure).map((entry) => entry.duration), name);
  return {
    update: await durations(UPDATE_MEASURE),
    painted: await durations(PAINT_MEASURE),
    plotly: await durations(CHART_MEASURE),
    longTasks: await page.evaluate(() => (globalThis as unknown as PageScope).longTasks),
  };
}

/** Parameter counts to type into the target: each differs from the last, so every edit redraws. */
export function parameterEdits(count: number, first = 50): string[] {
  return Array.from({ length: count }, (_, index) => `${first + index}B`);
}
