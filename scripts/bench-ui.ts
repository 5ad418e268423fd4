/**
 * UI benchmark (`npm run bench:ui`): how long an edit takes to reach all four charts, in the real
 * renderer in headless Chromium. Builds the app into a temporary folder (or serves `--root DIR`),
 * then, in several fresh pages, makes a few untimed edits to warm plotly up and times the next
 * ones. Reports medians over the runs, because this machine is noisy; the last line is JSON.
 *
 *   tsx scripts/bench-ui.ts [--root out/renderer] [--runs 5] [--edits 30]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from './build-app';
import { CHROMIUM_MISSING_NOTICE, chromiumInstalled, launchBrowser } from './chromium';
import { startWebServer } from './serve-web';
import { median, summary, type Summary } from './stats';
import { parameterEdits, timeEdits, type EditTimings } from './ui-timing';

const WARM_UP_EDITS = 5;
/** The target the app's own browser tests use: a desktop window. */
const VIEWPORT = { width: 1440, height: 1000 };

const { values: options } = parseArgs({
  options: {
    root: { type: 'string' },
    runs: { type: 'string', default: '5' },
    edits: { type: 'string', default: '30' },
  },
});
const runs = Number(options.runs);
const edits = Number(options.edits);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(edits) || edits < 1) {
  throw new Error('--runs and --edits take whole numbers of at least 1');
}
if (!chromiumInstalled) {
  console.error(CHROMIUM_MISSING_NOTICE);
  process.exit(1);
}

let buildDir: string | undefined;
let root = options.root;
if (!root) {
  buildDir = await mkdtemp(path.join(os.tmpdir(), 'tradeoff-bench-'));
  console.log('Building the app…');
  await buildApp(buildDir);
  root = path.join(buildDir, 'renderer');
}
const server = await startWebServer({ root, port: 0 });
const browser = await launchBrowser();

async function oneRun(): Promise<EditTimings> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(server.url);
    await page.locator('[data-testid="chart-canvas"] .main-svg').first().waitFor();
    await timeEdits(page, 'target.model.params', parameterEdits(WARM_UP_EDITS, 30));
    return await timeEdits(page, 'target.model.params', parameterEdits(edits));
  } finally {
    await page.close();
  }
}

const results: EditTimings[] = [];
try {
  for (let run = 0; run < runs; run++) {
    const timings = await oneRun();
    results.push(timings);
    const { median: update, p90 } = summary(timings.update);
    console.log(
      `run ${run + 1}/${runs}: edit → all charts median ${update.toFixed(1)} ms (p90 ${p90.toFixed(1)}), ` +
        `painted ${median(timings.painted).toFixed(1)} ms, plotly ${median(timings.plotly).toFixed(1)} ms`,
    );
  }
} finally {
  await browser.close();
  await server.close();
  if (buildDir) await rm(buildDir, { recursive: true, force: true });
}

/** The median over runs of each run's statistic, so that one noisy run cannot move the figure. */
function acrossRuns(pick: (timings: EditTimings) => readonly number[]): Summary {
  const perRun = results.map((timings) => summary(pick(timings)));
  return {
    median: median(perRun.map((run) => run.median)),
    p90: median(perRun.map((run) => run.p90)),
    max: Math.max(...perRun.map((run) => run.max)),
  };
}

const report = {
  runs,
  editsPerRun: edits,
  warmUpEditsPerRun: WARM_UP_EDITS,
  editToAllChartsMs: acrossRuns((timings) => timings.update),
  editToPaintedMs: acrossRuns((timings) => timings.painted),
  plotlyMs: acrossRuns((timings) => timings.plotly),
  longTasksOver50MsPerRun: median(results.map((timings) => timings.longTasks.length)),
};
console.log(
  `edit → all four charts: median ${report.editToAllChartsMs.median.toFixed(1)} ms, p90 ` +
    `${report.editToAllChartsMs.p90.toFixed(1)} ms (medians over ${runs} runs of ${edits} edits; budget 50 ms)`,
);
console.log(JSON.stringify(report));
