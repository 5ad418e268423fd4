/**
 * The law's uncertainty in the app (issue 13): ranges on the optimum cards and bands on the
 * cost-against-size and iso-loss charts, computed in a Web Worker. One page for the whole file;
 * the steps run in order, each building on the last.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount, formatDollars, formatRatio } from '../../src/format/quantity';
import { candidatesAlongIsoLoss, type Candidate, type UncertaintySummary } from '../../src/model';
import { BAND_LEGEND } from '../../src/renderer/charts/band';
import { computeResults } from '../../src/renderer/lib/results';
import { rangeText } from '../../src/renderer/lib/uncertainty/card-ranges';
import { APP_DRAWS, APP_SEED, bandSizes, computeRanges } from '../../src/renderer/lib/uncertainty/ranges';
import { parseScenarioText, serializeScenario, type Scenario } from '../../src/scenario';
import { tabDraft } from './stored-drafts';
import { launchBrowser, openApp, screenshot, skipBrowserTests, type PageProbe } from './support';

/** Each step's wait: the worker solves 400 draws in well under a second, even on a loaded machine. */
const WAIT = { timeout: 20_000 };

/** A range line of a card, e.g. "80 %: 10.8B – 31.4B", or '' while there is none. */
async function rangeOf(page: Page, card: string, field: string): Promise<string> {
  const line = page.locator(`[data-card="${card}"] [data-range="${field}"]`);
  return (await line.count()) > 0 ? ((await line.textContent()) ?? '').trim() : '';
}

/** The scenario the results on screen were computed from, once its draft says `ready(scenario)`. */
async function scenarioOnScreen(page: Page, ready: (scenario: Scenario) => boolean): Promise<Scenario> {
  let scenario: Scenario | undefined;
  await expect
    .poll(async () => {
      const text = (await tabDraft(page))?.text;
      const parsed = text === undefined ? undefined : parseScenarioText(text);
      scenario = parsed?.ok && ready(parsed.scenario) ? parsed.scenario : undefined;
      return scenario !== undefined;
    }, WAIT)
    .toBe(true);
  return scenario as Scenario;
}

/** What the engine computes in Node for the scenario, with the app's draws, seed and sizes. */
function engineRanges(scenario: Scenario) {
  const results = computeResults(scenario);
  const answer = computeRanges({
    scenario: serializeScenario(scenario),
    draws: APP_DRAWS,
    seed: APP_SEED,
    sizes: bandSizes(results.isoLoss),
  });
  if (answer.kind !== 'ranges') throw new Error(`expected ranges, got ${JSON.stringify(answer)}`);
  return { results, ...answer };
}

/** The range lines the cards should show for an engine summary. */
function expectedCardRanges(summary: UncertaintySummary) {
  const lifetime = summary.lifetimeOptimal;
  const chinchilla = summary.chinchillaOptimal;
  if (!lifetime || !chinchilla) throw new Error('every draw of these scenarios solves');
  return {
    lifetimeParams: rangeText(lifetime.params, formatCount),
    lifetimeTokens: rangeText(lifetime.tokens, formatCount),
    lifetimeRatio: rangeText(lifetime.tokensPerParam, formatRatio),
    lifetimeCost: rangeText(lifetime.totalCost, formatDollars),
    chinchillaParams: rangeText(chinchilla.params, formatCount),
  };
}

async function cardRanges(page: Page) {
  return {
    lifetimeParams: await rangeOf(page, 'lifetime', 'params'),
    lifetimeTokens: await rangeOf(page, 'lifetime', 'tokens'),
    lifetimeRatio: await rangeOf(page, 'lifetime', 'tokensPerParam'),
    lifetimeCost: await rangeOf(page, 'lifetime', 'totalCost'),
    chinchillaParams: await rangeOf(page, 'chinchilla', 'params'),
  };
}

/** A chart's band trace as plotly holds it: the polygon out along p90 and back along p10. */
async function bandOf(page: Page, chart: string): Promise<{ x: number[]; y: number[] } | null> {
  return page.locator('[data-testid="chart-canvas"]').evaluate(
    (canvas, { chart, legend }) => {
      const traces = (
        canvas as HTMLElement & { data?: { uid?: string; name?: string; x?: number[]; y?: number[] }[] }
      ).data;
      const band = (traces ?? []).find((t) => t.uid?.startsWith(`${chart}_`) && t.name === legend);
      return band ? { x: [...(band.x ?? [])], y: [...(band.y ?? [])] } : null;
    },
    { chart, legend: BAND_LEGEND },
  );
}

/** Checks a drawn band's two edges against the point curve at the band's sizes. */
function expectBracketing(
  band: { x: number[]; y: number[] },
  curve: readonly Candidate[],
  value: (c: Candidate) => number,
): void {
  const half = band.x.length / 2;
  expect(Number.isInteger(half) && half > 10).toBe(true);
  const upper = band.y.slice(0, half);
  const lower = band.y.slice(half).reverse();
  const sizes = band.x.slice(0, half);
  expect(band.x.slice(half).reverse()).toEqual(sizes);
  const points = new Map(curve.map((c) => [c.params, value(c)]));
  let bracketed = 0;
  sizes.forEach((size, i) => {
    const point = points.get(size);
    if (point === undefined) return;
    expect(lower[i]).toBeLessThan(upper[i] ?? NaN);
    expect(lower[i]).toBeLessThanOrEqual(point);
    expect(upper[i]).toBeGreaterThanOrEqual(point);
    bracketed++;
  });
  expect(bracketed).toBeGreaterThan(half / 2);
}

describe.skipIf(skipBrowserTests)('uncertainty on the cards and charts', () => {
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

  it('shows the engine’s ranges on the optimum cards once besiroglu2024, which has a covariance, is chosen', async () => {
    await page.locator('[data-path="law.preset"]').selectOption('besiroglu2024');
    await expect.poll(() => rangeOf(page, 'lifetime', 'params'), WAIT).toMatch(/^80 %: .+ – .+$/);
    const scenario = await scenarioOnScreen(
      page,
      (s) => 'preset' in s.law && s.law.preset === 'besiroglu2024',
    );
    const { summary } = engineRanges(scenario);
    expect(await cardRanges(page)).toEqual(expectedCardRanges(summary));
    expect(await page.locator('[data-testid="ranges-headline"]').textContent()).toContain(
      `${APP_DRAWS} draws of law besiroglu2024 (seed ${APP_SEED})`,
    );
    // The baselines' cards carry no ranges.
    expect(await page.locator('[data-card^="baseline-"] [data-range]').count()).toBe(0);
    await page.locator('[data-card="lifetime"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'uncertainty-cards');
  });

  it('draws a p10–p90 band that brackets the point curve on cost against size and on iso-loss', async () => {
    await expect.poll(async () => (await bandOf(page, 'cost-vs-size')) !== null, WAIT).toBe(true);
    await expect.poll(async () => (await bandOf(page, 'iso-loss')) !== null, WAIT).toBe(true);
    const scenario = await scenarioOnScreen(
      page,
      (s) => 'preset' in s.law && s.law.preset === 'besiroglu2024',
    );
    const { results } = engineRanges(scenario);
    const sizes = bandSizes(results.isoLoss);
    const curve = candidatesAlongIsoLoss(results.problem, sizes);
    const cost = await bandOf(page, 'cost-vs-size');
    const isoLoss = await bandOf(page, 'iso-loss');
    expectBracketing(cost as { x: number[]; y: number[] }, curve, (c) => c.totalCost);
    expectBracketing(isoLoss as { x: number[]; y: number[] }, curve, (c) => c.tokens);
    // The legend names the band.
    expect(await page.locator('[data-chart="cost-vs-size"]').textContent()).toContain(BAND_LEGEND);
    expect(await page.locator('[data-chart="iso-loss"]').textContent()).toContain(BAND_LEGEND);
    // The two charts with bands at the top of the results pane.
    await page
      .locator('[data-chart="cost-vs-size"]')
      .evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'uncertainty-bands');
  });

  it('after quick typing shows the ranges of the final form, never a stale answer', async () => {
    const field = page.locator('[data-path="target.model.params"]');
    for (const value of ['7B', '13B', '30B', '34B', '65B']) await field.fill(value);
    const scenario = await scenarioOnScreen(
      page,
      (s) => s.target !== undefined && 'model' in s.target && s.target.model.params === 65e9,
    );
    const expected = expectedCardRanges(engineRanges(scenario).summary);
    await expect.poll(() => cardRanges(page), WAIT).toEqual(expected);
    // And they stay: no older answer arrives later to replace them.
    await expect.poll(() => page.locator('[data-range].pending').count(), WAIT).toBe(0);
    expect(await cardRanges(page)).toEqual(expected);
  });

  it('says the law publishes no uncertainty, and draws no band, for a preset without a covariance', async () => {
    await page.locator('[data-path="law.preset"]').selectOption('hoffmann2022');
    const note = page.locator('[data-testid="no-uncertainty"]');
    await expect
      .poll(() => note.textContent(), WAIT)
      .toContain('Uncertainty of hoffmann2022: none published');
    expect(await page.locator('[data-range]').count()).toBe(0);
    await expect.poll(async () => (await bandOf(page, 'cost-vs-size')) === null, WAIT).toBe(true);
    expect(await bandOf(page, 'iso-loss')).toBeNull();
    expect(probe.problems()).toEqual([]);
  });
});
