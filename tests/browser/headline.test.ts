import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { screenshot, skipBrowserTests, useAppPerTest } from './support';

async function text(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').trim();
}

/** The tick labels plotly drew on one axis of the cost-vs-size chart (the figure's first subplot). */
async function costVsSizeTicks(page: Page, axis: 'x' | 'y'): Promise<string[]> {
  const labels = page.locator(
    `[data-testid="chart-canvas"] .subplot.xy .${axis}axislayer-above .${axis}tick text`,
  );
  return (await labels.allTextContents()).map((label) => label.trim()).filter((label) => label !== '');
}

/** Plotly's SI prefixes beyond T, and its "G" for billions: none may reach a planner. */
const SI_LETTERS = /[GPEZYQ]/;

describe.skipIf(skipBrowserTests)('the headline and the one notation', () => {
  let page: Page;

  const currentPage = useAppPerTest({ viewport: { width: 1440, height: 1000 } });
  beforeEach(() => {
    page = currentPage();
  });

  it('says the answer above the cards, in the cards’ and the axes’ notation, and follows the results', async () => {
    const headline = page.locator('[data-testid="headline"]');
    const params = await text(page, '[data-card="lifetime"] [data-field="params"]');
    const tokens = await text(page, '[data-card="lifetime"] [data-field="tokens"]');
    const cost = await text(page, '[data-card="lifetime"] [data-field="totalCost"]');
    const chinchilla = await text(page, '[data-card="chinchilla"] [data-field="params"]');
    const saving = await text(page, '[data-card="chinchilla"] [data-field="saving"] strong');
    expect(await headline.textContent()).toMatch(
      new RegExp(
        `^Train an? ${params} model on ${tokens} tokens \\(.+ tokens per parameter\\)\\. ` +
          `Over its life it costs \\${cost}, \\d+(\\.\\d)? % less than the Chinchilla-optimal ${chinchilla} model\\.$`,
      ),
    );
    // The card's saving has one decimal; the headline's rounds it to two significant digits.
    const headlineSaving = Number(/, ([\d.]+) % less/.exec((await headline.textContent()) ?? '')?.[1]);
    expect(Math.abs(headlineSaving - Number(saving.replace(' %', '')))).toBeLessThanOrEqual(0.55);
    const headlineBox = await headline.boundingBox();
    const cardsBox = await page.locator('.cards').boundingBox();
    expect((headlineBox?.y ?? Infinity) + (headlineBox?.height ?? 0)).toBeLessThanOrEqual(cardsBox?.y ?? 0);

    // Parameters in K/M/B/T like the cards; lifetime dollars in $K/$M/$B like the cards.
    await expect.poll(async () => (await costVsSizeTicks(page, 'x')).length).toBeGreaterThan(1);
    const xTicks = await costVsSizeTicks(page, 'x');
    const yTicks = await costVsSizeTicks(page, 'y');
    for (const tick of [...xTicks, ...yTicks]) expect(tick).not.toMatch(SI_LETTERS);
    for (const tick of xTicks) expect(tick).toMatch(/^\d+(\.\d+)?[KMBT]?$/);
    expect(yTicks.length).toBeGreaterThan(1);
    for (const tick of yTicks) expect(tick).toMatch(/^\$\d+(\.\d+)?[KMBT]?$/);
    expect(cost).toMatch(/^\$\d+(\.\d+)?[KMBT]?$/);
    expect(params).toMatch(/^\d+(\.\d+)?[KMBT]?$/);
    expect(yTicks.some((tick) => tick.slice(-1) === cost.slice(-1))).toBe(true);
    await screenshot(page, 'headline');
    await page.locator('[data-action="theme"]').click(); // system → light
    await page.locator('[data-action="theme"]').click(); // light → dark
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await screenshot(page, 'headline-dark');

    // Nothing served: the optimum is the Chinchilla optimum, and the headline says so.
    await page.locator('[data-path="demand.requests"]').fill('0');
    await expect
      .poll(() => headline.textContent())
      .toMatch(
        /With no inference demand this is the Chinchilla-optimal model: it costs \$[\d.]+[KMBT]? to train\.$/,
      );
    expect(await headline.textContent()).not.toContain('0 %');
  });
});
