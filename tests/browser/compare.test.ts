/**
 * "What does each published law say?" and the sensitivity tornado in the app (issue 14, Compare):
 * both computed in a Web Worker when their panel opens, checked against the engine run in Node
 * for the same scenario. One page load; the steps build on each other.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tornadoBars, type TornadoOf } from '../../src/renderer/charts/tornado';
import { newScenario } from '../../src/renderer/lib/new-scenario';
import { lawsTableRows } from '../../src/report/across-laws';
import { parseScenarioText, type Scenario } from '../../src/scenario';
import { acrossLaws } from '../../src/scenario/across-laws';
import { sensitivity } from '../../src/scenario/sensitivity';
import { tabDraft } from './stored-drafts';
import { launchBrowser, openApp, screenshot, skipBrowserTests, type PageProbe } from './support';

/** The worker solves both in about a second; a loaded machine may take several. */
const WAIT = { timeout: 30_000 };

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

/** The laws table as shown: one array of cell texts per row. */
async function lawsTable(page: Page): Promise<string[][]> {
  return page
    .locator('[data-testid="laws-table"] tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
    );
}

/** The tornado's two traces as plotly holds them: each input's id and its bar's value. */
async function tornadoTraces(page: Page): Promise<{ ids: string[]; x: number[] }[]> {
  return page.locator('[data-testid="tornado"]').evaluate((plot) =>
    ((plot as HTMLElement & { data?: { ids?: string[]; x?: number[] }[] }).data ?? []).map((trace) => ({
      ids: trace.ids ?? [],
      x: trace.x ?? [],
    })),
  );
}

/** The bars the engine gives in Node for the scenario: ids and −25 % / +25 % changes. */
function expectedBars(scenario: Scenario, of: TornadoOf) {
  const bars = tornadoBars(sensitivity(scenario), of);
  const value = (side: (typeof bars)[number]['low']) => (side.ok ? side.change : 0);
  return {
    ids: bars.map((bar) => bar.id),
    low: bars.map((bar) => value(bar.low)),
    high: bars.map((bar) => value(bar.high)),
  };
}

async function expectTornado(page: Page, scenario: Scenario, of: TornadoOf): Promise<void> {
  const expected = expectedBars(scenario, of);
  await expect
    .poll(async () => {
      const [low, high] = await tornadoTraces(page);
      if (!low || !high || low.ids.join() !== expected.ids.join()) return false;
      const close = (a: number[], b: number[]) =>
        a.every((value, i) => Math.abs(value - (b[i] ?? NaN)) < 1e-6);
      return (
        close(low.x, expected.low) && close(high.x, expected.high) && high.ids.join() === expected.ids.join()
      );
    }, WAIT)
    .toBe(true);
}

describe.skipIf(skipBrowserTests)('comparing laws and inputs', () => {
  let browser: Browser;
  let page: Page;
  let probe: PageProbe;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    probe = await openApp(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the engine’s answers under every law and with every input moved, and follows an edit', async () => {
    const scenario = newScenario({ defaultLaw: null, defaultHardware: null });

    // Nothing is computed while the panels are closed.
    expect(await page.locator('[data-testid="laws-table"]').count()).toBe(0);

    await page.locator('[data-action="show-laws"]').click();
    const laws = lawsTableRows(acrossLaws(scenario), scenario.objective);
    await expect.poll(() => lawsTable(page), WAIT).toEqual(laws);
    // The scenario's own law is marked, and every law with an answer is a point of the chart.
    expect(await page.locator('[data-testid="laws-table"] tr.own th').textContent()).toContain(
      'this scenario’s',
    );
    const points = await page
      .locator('[data-testid="laws-chart"]')
      .evaluate((plot) => ((plot as HTMLElement & { data?: { x?: number[] }[] }).data?.[0]?.x ?? []).length);
    expect(points).toBe(acrossLaws(scenario).laws.filter((law) => law.result.ok).length);
    await page.locator('[data-testid="laws-panel"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'compare-laws');

    await page.locator('[data-action="show-sensitivity"]').click();
    await expectTornado(page, scenario, 'params');
    // The elasticities table has a row per input the engine moved.
    expect(await page.locator('[data-testid="elasticities"] tbody tr').count()).toBe(
      sensitivity(scenario).rows.length,
    );
    await page
      .locator('[data-choice="tornado-of:objective"]')
      .evaluate((input) => (input as HTMLInputElement).click());
    await expectTornado(page, scenario, 'objective');
    await page.locator('[data-testid="sensitivity-panel"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'sensitivity');

    // An edit: both follow the new form.
    await page.locator('[data-path="training.mfu"]').fill('0.5');
    let edited: Scenario | undefined;
    await expect
      .poll(async () => {
        const text = (await tabDraft(page))?.text;
        const parsed = text === undefined ? undefined : parseScenarioText(text);
        edited = parsed?.ok && parsed.scenario.training.mfu === 0.5 ? parsed.scenario : undefined;
        return edited !== undefined;
      }, WAIT)
      .toBe(true);
    const after = edited as Scenario;
    await expectTornado(page, after, 'objective');
    const lawsAfter = lawsTableRows(acrossLaws(after), after.objective);
    expect(lawsAfter).not.toEqual(laws);
    await expect.poll(() => lawsTable(page), WAIT).toEqual(lawsAfter);

    // The dark theme, for the screenshots.
    const themeButton = page.locator('[data-action="theme"]');
    for (let clicks = 0; clicks < 3 && (await themeButton.textContent()) !== 'Theme: dark'; clicks++) {
      await themeButton.click();
    }
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset['theme']), WAIT)
      .toBe('dark');
    await page.locator('[data-testid="sensitivity-panel"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'sensitivity-dark');
    await page.locator('[data-testid="laws-panel"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'compare-laws-dark');

    expect(probe.problems()).toEqual([]);
  });
});
