/**
 * How long an edit takes to reach all four charts, in a browser of its own so that no earlier
 * test's pages share it. Written to test-results/update-timing.json and printed; the benchmark
 * (`npm run bench:ui`) reports the same over several fresh pages.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { summary } from '../../scripts/stats';
import { parameterEdits, timeEdits } from '../../scripts/ui-timing';
import { skipBrowserTests, useAppPerTest } from './support';

const EDITS_TO_TIME = 25;
const WARM_UP_EDITS = 5;

describe.skipIf(skipBrowserTests)('the time an edit takes', () => {
  let page: Page;

  const currentPage = useAppPerTest({ viewport: { width: 1440, height: 1000 } });
  beforeEach(() => {
    page = currentPage();
  });

  it('measures each edit: all four charts redrawn once, then painted; reports the times', async () => {
    // The first edits after loading run plotly's code cold; they are timed and reported apart.
    const cold = await timeEdits(page, 'target.model.params', parameterEdits(WARM_UP_EDITS, 30));
    const timed = await timeEdits(page, 'target.model.params', parameterEdits(EDITS_TO_TIME));
    const report = {
      edits: EDITS_TO_TIME,
      editToAllFourChartsMs: summary(timed.update),
      editToPaintedMs: summary(timed.painted),
      plotlyRedrawMs: summary(timed.plotly),
      longTasksOver50Ms: timed.longTasks,
      firstEditsAfterLoading: { edits: WARM_UP_EDITS, editToAllFourChartsMs: summary(cold.update) },
    };
    await mkdir(path.resolve('test-results'), { recursive: true });
    await writeFile(
      path.resolve('test-results', 'update-timing.json'),
      `${JSON.stringify(report, null, 2)}\n`,
    );
    const { editToAllFourChartsMs: all, editToPaintedMs: shown } = report;
    console.log(
      `${EDITS_TO_TIME} edits: all four charts redrawn after a median ${all.median.toFixed(1)} ms ` +
        `(p90 ${all.p90.toFixed(1)}, max ${all.max.toFixed(1)}), painted after ${shown.median.toFixed(1)} ms ` +
        `(p90 ${shown.p90.toFixed(1)}); plotly's part ${report.plotlyRedrawMs.median.toFixed(1)} ms; ` +
        `${timed.longTasks.length} tasks over 50 ms; first ${WARM_UP_EDITS} edits after loading: median ` +
        `${report.firstEditsAfterLoading.editToAllFourChartsMs.median.toFixed(1)} ms`,
    );
    // One redraw per edit: nothing draws the charts twice.
    for (const measures of [timed.update, timed.painted, timed.plotly])
      expect(measures).toHaveLength(EDITS_TO_TIME);
    expect(
      [...timed.update, ...timed.painted].every((duration) => Number.isFinite(duration) && duration > 0),
    ).toBe(true);
  });
});
