/**
 * The fit dialog in the built app, on one page load for the whole file (each step builds on the
 * last): the expected numbers come from the engine itself, run here in Node on the same file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapPart, fitRunsText, mergeParts, type FitReport } from '../../src/fit/fit-job';
import { parseRunsCsv } from '../../src/fit/runs-csv';
import { constantRows } from '../../src/renderer/lib/fit-view';
import { launchBrowser, openApp, screenshot, skipBrowserTests, type PageProbe } from './support';

const RUNS_FILE = path.resolve('resources/runs/sardana2024-mpt-runs.csv');
const RUNS_TEXT = readFileSync(RUNS_FILE, 'utf8');
/** A table whose third line has a loss that is not a number. */
const BAD_CSV = 'params,tokens,loss\n150M,3B,3.5\n300M,6B,about three\n';
/** A bootstrap small enough to finish in a few seconds. */
const SHORT_BOOTSTRAP = 40;
const WAIT = { timeout: 60_000 };

function engineFit(): FitReport {
  const answer = fitRunsText(RUNS_TEXT, {});
  if (!answer.ok) throw new Error(answer.message);
  return answer.report;
}

function badCsvMessage(): string {
  try {
    parseRunsCsv(BAD_CSV);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the bad CSV parsed');
}

describe.skipIf(skipBrowserTests)('fitting a law to runs in the browser', () => {
  let browser: Browser;
  let page: Page;
  let probe: PageProbe;
  const report = engineFit();

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    probe = await openApp(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const dialog = () => page.locator('[data-testid="fit-dialog"]');
  const cell = (constant: string, column: string) =>
    dialog().locator(`[data-constant="${constant}"] [data-cell="${column}"]`);
  const shownColumn = (column: string) =>
    Promise.all(['E', 'A', 'B', 'alpha', 'beta'].map((key) => cell(key, column).textContent()));

  it('opens from the law editor with the focus on Open CSV…, and Escape closes it', async () => {
    const opener = page.locator('[data-action="fit-law"]');
    await opener.click();
    await dialog().waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-action')))
      .toBe('fit-open-csv');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-action')))
      .toBe('fit-law');
    await opener.click();
    await dialog().waitFor();
  });

  it('shows a dropped file’s bad row with its line and column, and the page behind stays as it was', async () => {
    const summaryBefore = await page.locator('[data-testid="summary"]').textContent();
    await dialog().evaluate((element, text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'bad.csv', { type: 'text/csv' }));
      element.dispatchEvent(
        new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    }, BAD_CSV);
    await expect
      .poll(() => dialog().locator('[data-testid="fit-error"]').textContent())
      .toBe(`bad.csv: ${badCsvMessage()}`);
    expect(badCsvMessage()).toMatch(/^line 3, column "loss"/);
    expect(await page.locator('[data-testid="summary"]').textContent()).toBe(summaryBefore);
  });

  it('fits the runs of an opened CSV to the constants the engine finds', async () => {
    const chooser = page.waitForEvent('filechooser', { timeout: 10_000 });
    await dialog().locator('[data-action="fit-open-csv"]').click();
    await (await chooser).setFiles(RUNS_FILE);
    await expect(dialog().locator('[data-testid="fit-status"]').textContent(WAIT)).resolves.toBe(
      'Fitting 4,500 starts…',
    );
    await dialog().locator('[data-testid="fit-constants"]').waitFor(WAIT);
    expect(await dialog().locator('[data-testid="fit-error"]').count()).toBe(0);
    expect(await shownColumn('value')).toEqual(constantRows(report.fit.law, null).map((row) => row.value));
    // The command line's table prints the same four digits (tests/cli/fit.test.ts).
    expect(await shownColumn('value')).toEqual(['1.463', '35.39', '133', '0.1788', '0.2316']);
    expect(await shownColumn('error')).toEqual(['—', '—', '—', '—', '—']);
    expect(await dialog().locator('[data-testid="fit-runs-used"]').textContent()).toBe('47 runs');
    await expect
      .poll(() =>
        dialog()
          .locator('[data-testid="fit-runs-chart"]')
          .evaluate((chart) => (chart as HTMLElement & { _fullData?: unknown[] })._fullData?.length ?? 0),
      )
      .toBe(2 * new Set(report.fit.runs.map((run) => run.params)).size);
    await screenshot(page, 'fit-dialog');
  });

  it('bootstraps the errors in workers, to the values the engine gives for the same seed', async () => {
    await dialog().locator('[data-path="fit.resamples"]').fill(String(SHORT_BOOTSTRAP));
    await dialog().locator('[data-action="fit-bootstrap"]').click();
    await dialog().locator('[data-testid="fit-bootstrap-done"]').waitFor(WAIT);
    const expected = mergeParts([
      bootstrapPart(report.fit, { seed: 0, resamples: SHORT_BOOTSTRAP }, 0, SHORT_BOOTSTRAP),
    ]);
    await dialog().evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await screenshot(page, 'fit-dialog-bootstrap');
    const rows = constantRows(report.fit.law, expected);
    expect(await shownColumn('error')).toEqual(rows.map((row) => row.standardError));
    // Chromium's V8 and Node's round a few last bits differently, and E's lower bound sits at
    // ~1e-13 (a tenth of the resamples put E at zero), so the bounds agree to their 3 digits
    // where they are not zero in all but rounding.
    const bounds = (texts: readonly (string | null)[]) =>
      texts.flatMap((text) => (text ?? '').split(' – ').map(Number));
    const shown = bounds(await shownColumn('interval'));
    bounds(rows.map((row) => row.interval80)).forEach((bound, i) =>
      expect(Math.abs((shown[i] as number) - bound)).toBeLessThanOrEqual(5e-3 * Math.abs(bound) + 1e-9),
    );
  });

  it('cancels a long bootstrap promptly and keeps the fit', async () => {
    await dialog().locator('[data-path="fit.resamples"]').fill('1000');
    await dialog().locator('[data-action="fit-bootstrap"]').click();
    const bar = dialog().getByRole('progressbar', { name: 'Bootstrap refits' });
    await bar.waitFor();
    await expect
      .poll(() => bar.evaluate((element) => (element as HTMLProgressElement).value), WAIT)
      .toBeGreaterThan(0);
    expect(await dialog().locator('[data-testid="fit-progress-text"]').textContent()).toMatch(
      /^\d[\d,]* \/ 1,000$/,
    );
    await dialog().locator('[data-action="fit-cancel-bootstrap"]').click();
    await bar.waitFor({ state: 'detached' });
    expect(await dialog().locator('[data-testid="fit-no-covariance"]').textContent()).toContain(
      'Bootstrap cancelled',
    );
    expect(await shownColumn('value')).toEqual(constantRows(report.fit.law, null).map((row) => row.value));
    expect(await shownColumn('error')).toEqual(['—', '—', '—', '—', '—']);
    // The dialog goes on working: a short bootstrap again.
    await dialog().locator('[data-path="fit.resamples"]').fill(String(SHORT_BOOTSTRAP));
    await dialog().locator('[data-action="fit-bootstrap"]').click();
    await dialog().locator('[data-testid="fit-bootstrap-done"]').waitFor(WAIT);
  });

  it('"Use this law" puts the fitted constants into the law editor, and the results follow', async () => {
    const summaryBefore = await page.locator('[data-testid="summary"]').textContent();
    await dialog().locator('[data-action="fit-use"]').click();
    await dialog().waitFor({ state: 'detached' });
    // The fields hold the page's fit exactly; it agrees with Node's to rounding (the objective is flat).
    for (const key of ['E', 'A', 'B', 'alpha', 'beta'] as const) {
      const shown = Number(await page.locator(`[data-path="law.${key}"]`).inputValue());
      expect(Math.abs(shown / report.fit.law[key] - 1)).toBeLessThan(1e-6);
    }
    await expect.poll(() => page.locator('[data-testid="summary"]').textContent()).not.toBe(summaryBefore);
    expect(await page.locator('[data-testid="summary"]').textContent()).toContain('custom');
    await expect.poll(() => page.locator('[data-testid="doc-title"]').textContent()).toContain('•');
    expect(probe.problems()).toEqual([]);
  });
});
