import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseQuantity } from '../../src/format/quantity';
import { findGpuPreset } from '../../src/model';
import { tabDraft } from './stored-drafts';
import { parseScenarioText } from '../../src/scenario';
import { chartTraces, screenshot, skipBrowserTests, useAppPerTest, waitForChart } from './support';

const CHARTS = ['cost-vs-size', 'iso-loss', 'demand', 'breakdown'] as const;

async function cardText(page: Page, card: string, field: string): Promise<string> {
  return (await page.locator(`[data-card="${card}"] [data-field="${field}"]`).textContent()) ?? '';
}

/** Sets a field the way typing does and returns once the app has recomputed and redrawn. */
async function typeInto(page: Page, path: string, value: string): Promise<void> {
  await page.locator(`[data-path="${path}"]`).fill(value);
}

/** A GPU of the user's as typed into the GPU dialog: a tenth of an H100's dense bf16 peak, 16 GB. */
const LAB_GPU = {
  id: 'lab-gpu',
  label: 'Lab GPU',
  'peakFlops.bf16': '100T',
  memoryGB: '16',
  bandwidthTBs: '1',
  boardPowerW: '300',
};

/** Adds a GPU through the training section's dialog; the section then picks it. */
async function addGpu(page: Page, fields: Record<string, string>): Promise<void> {
  await page.locator('[data-action="add-gpu-training"]').click();
  for (const [path, value] of Object.entries(fields)) await typeInto(page, `gpu-dialog.${path}`, value);
  await page.locator('[data-action="gpu-dialog-save"]').click();
  await expect.poll(() => page.locator('[data-path="training.gpu"]').inputValue()).toBe(fields['id']);
}

/**
 * A number of the scenario the results were last computed from, by its JSON path, as the crash
 * draft keeps it (written once edits settle); undefined before there is a draft.
 */
async function draftValue(page: Page, path: string): Promise<unknown> {
  const text = (await tabDraft(page))?.text;
  const parsed = text === undefined ? undefined : parseScenarioText(text);
  if (!parsed?.ok) return undefined;
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown>)?.[key], parsed.scenario);
}

/** The draft waits for edits to settle (400 ms) and the results to be computed: give it time. */
const DRAFT_WAIT = { timeout: 5000 };

async function statusText(page: Page): Promise<string> {
  return (await page.locator('[data-testid="status"] span').textContent()) ?? '';
}

describe.skipIf(skipBrowserTests)('the workspace', () => {
  let page: Page;

  const currentPage = useAppPerTest({ viewport: { width: 1440, height: 1000 } });
  beforeEach(() => {
    page = currentPage();
  });

  it('updates the cards and all four charts when the target changes', async () => {
    // New scenarios start at Chinchilla 70B quality for 10B requests (sardana2024).
    expect(await cardText(page, 'chinchilla', 'params')).toBe('40.6B');
    const before = JSON.stringify(await chartTraces(page, 'iso-loss'));
    await typeInto(page, 'target.model.params', '7B');
    await expect.poll(() => cardText(page, 'chinchilla', 'params')).toBe('13.6B');
    expect(await cardText(page, 'lifetime', 'params')).toBe('4.17B');
    await expect.poll(async () => JSON.stringify(await chartTraces(page, 'iso-loss'))).not.toBe(before);
    for (const chart of CHARTS) expect((await chartTraces(page, chart)).length).toBeGreaterThan(1);
  });

  it('adds Kaplan’s allocation as a baseline: a card of its own, once', async () => {
    await page.locator('[data-action="add-kaplan-baseline"]').click();
    const card = page.locator('[data-card="baseline-kaplan2020"]');
    await expect.poll(() => card.locator('h3').textContent()).toBe('Kaplan 2020 allocation');
    expect(await cardText(page, 'baseline-kaplan2020', 'params')).not.toBe('');
    expect(await page.locator('[data-action="add-kaplan-baseline"]').count()).toBe(0);
    await page.locator('[aria-label="Remove baseline 4"]').click();
    await expect.poll(() => card.count()).toBe(0);
  });

  it('shows the validator’s message next to the field and keeps the charts', async () => {
    await page.locator('label:has([data-choice="target-kind:loss"])').click();
    await typeInto(page, 'target.loss', '1.5');
    const issue = page.locator('[data-issue-for="target.loss"]');
    await expect
      .poll(() => issue.textContent())
      .toBe('1.5 is below the irreducible loss E = 1.69 of law sardana2024');
    await expect
      .poll(() => page.locator('[data-path="target.loss"]').getAttribute('aria-invalid'))
      .toBe('true');
    await page.locator('[data-testid="stale"]').waitFor();
    for (const chart of CHARTS) expect((await chartTraces(page, chart)).length).toBeGreaterThan(1);
    expect(await cardText(page, 'lifetime', 'params')).not.toBe('');

    await typeInto(page, 'demand.requests', '12 parsecs');
    await expect
      .poll(() => page.locator('[data-issue-for="demand.requests"]').textContent())
      .toContain('"12 parsecs" is not a number; write e.g. 70e9, 70B, 1.4T or 2,000,000');
    await typeInto(page, 'target.loss', '2.1');
    await typeInto(page, 'demand.requests', '2,000,000');
    await expect.poll(() => page.locator('[data-testid="stale"]').count()).toBe(0);
    await expect.poll(() => page.locator('.issue').count()).toBe(0);
  });

  it('accepts what people type: 70e9, 70B, 1.4T and 2,000,000', async () => {
    // Each notation is typed over a different value, so only reading it right gives the engine
    // the number; the draft holds the scenario the results are computed from. Renamed, the
    // scenario stays unsaved even with the fields back at a new scenario's, so the draft is kept.
    await typeInto(page, 'name', 'What people type');
    const steps: [path: string, before: string, typed: string, value: number][] = [
      ['target.model.params', '7B', '70e9', 70e9],
      ['target.model.params', '7B', '70B', 70e9],
      ['target.model.tokens', '1T', '1.4T', 1.4e12],
      ['demand.requests', '1e9', '2,000,000', 2e6],
    ];
    for (const [path, before, typed, value] of steps) {
      await typeInto(page, path, before);
      await expect.poll(() => draftValue(page, path), DRAFT_WAIT).toBe(parseQuantity(before));
      const optimum = await cardText(page, 'lifetime', 'params');
      await typeInto(page, path, typed);
      await expect.poll(() => draftValue(page, path), DRAFT_WAIT).toBe(value);
      await expect.poll(() => cardText(page, 'lifetime', 'params')).not.toBe(optimum);
    }
    // Back at a new scenario's target: the Chinchilla-optimal model is the one shown at the start.
    expect(await cardText(page, 'chinchilla', 'params')).toBe('40.6B');
    await expect(page.locator('.issue').count()).resolves.toBe(0);
  });

  it('lines each chart up with its panel, also once the window narrows to one column', async () => {
    /** Each chart's plot area (plotly's drag surface for its axes) must sit in its panel's slot. */
    const misplaced = () =>
      page.evaluate((charts) => {
        const suffix = (index: number) => (index === 0 ? '' : String(index + 1));
        return charts.flatMap((chart, index) => {
          const slot = document.querySelector(`[data-chart="${chart}"] .plot`)?.getBoundingClientRect();
          const id = `x${suffix(index)}y${suffix(index)}`;
          const area = document.querySelector(`.draglayer .${id} .nsewdrag`)?.getBoundingClientRect();
          if (!slot || !area || area.width < 100 || area.height < 100) return [`${chart}: not drawn`];
          // Every chart leaves 64 px left and 48 px below its plot for the axes and their titles.
          const inPlace =
            Math.abs(area.left - (slot.left + 64)) <= 1 &&
            Math.abs(area.bottom - (slot.bottom - 48)) <= 1 &&
            area.right <= slot.right + 1 &&
            area.top >= slot.top - 1;
          return inPlace ? [] : [`${chart}: plot area out of place in its panel`];
        });
      }, CHARTS);
    expect(await misplaced()).toEqual([]);
    const twoColumns = await page.locator('[data-chart="iso-loss"]').boundingBox();
    await page.setViewportSize({ width: 900, height: 1000 });
    // One column: the iso-loss panel now sits below the cost panel, and its plot moved with it.
    await expect
      .poll(async () => (await page.locator('[data-chart="iso-loss"]').boundingBox())?.y)
      .toBeGreaterThan(twoColumns?.y ?? 0);
    await expect.poll(misplaced).toEqual([]);
  });

  it('scrolls the editor and the results, never the window itself', async () => {
    // With test-time compute on, the editor is at its longest.
    await page.locator('[data-path="testTime.enabled"]').check();
    await waitForChart(page, 'test-time-cost');
    const overflow = await page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return root.scrollHeight - window.innerHeight;
    });
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('shows a candidate’s numbers on hover', async () => {
    // The first markers drawn are the cost chart's candidates, the lifetime optimum first.
    const optimum = page.locator('[data-testid="chart-canvas"] .scatterlayer .trace .point').first();
    await optimum.scrollIntoViewIfNeeded();
    const box = await optimum.boundingBox();
    if (!box) throw new Error('the lifetime optimum is not drawn');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect
      .poll(() => page.locator('[data-testid="chart-canvas"] .hoverlayer .hovertext').first().textContent())
      .toMatch(/^Lifetime-optimal17\.3B params on 7\.09T tokens \(409 tokens\/param\)lifetime \$2\.87M$/);
  });

  it('shows each candidate’s warnings on its card, with the field to change', async () => {
    // Chinchilla-optimal at 70B quality: 40.6B parameters on 2.23T tokens, beyond Chinchilla's runs.
    const card = page.locator('[data-card="chinchilla"]');
    const summary = card.locator('[data-warnings="chinchilla"] summary');
    expect((await summary.textContent())?.replace(/\s+/g, ' ').trim()).toBe('⚠ 2 warnings');
    const item = card.locator('[data-warning="params-beyond-evidence"]');
    expect(await item.isVisible()).toBe(false);
    await summary.click();
    expect(await item.isVisible()).toBe(true);
    expect((await item.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      '40.6B parameters: 2.5× more than the largest run the law "sardana2024" was fitted on (16.2B), an extrapolation Change law',
    );
    expect(await card.locator('[data-warning="tokens-beyond-evidence"]').isVisible()).toBe(true);
    await page.locator('[data-warnings="lifetime"] summary').click();
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'warnings');
  });

  it('redraws in light and dark themes and writes screenshots of both', async () => {
    await screenshot(page, 'workspace-light');
    const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.locator('[data-action="theme"]').click(); // system → light
    await page.locator('[data-action="theme"]').click(); // light → dark
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor))
      .not.toBe(lightBackground);
    const panelBackground = await page
      .locator('[data-chart="cost-vs-size"]')
      .evaluate((panel) => getComputedStyle(panel).backgroundColor);
    expect(panelBackground).toBe('rgb(31, 41, 55)');
    // Plotly redrew in the dark theme's colours: tick labels in its muted grey.
    await expect
      .poll(() =>
        page
          .locator('[data-testid="chart-canvas"] .xtick text')
          .first()
          .evaluate((label) => getComputedStyle(label).fill),
      )
      .toBe('rgb(156, 163, 175)');
    await screenshot(page, 'workspace-dark');
  });

  it('asks before New replaces unsaved changes, and keeps them on Cancel', async () => {
    await typeInto(page, 'name', 'My plan');
    await expect.poll(() => page.locator('[data-testid="doc-title"]').textContent()).toContain('•');
    await page.locator('[data-action="new"]').click();
    await page.locator('[data-testid="unsaved"]').waitFor();
    await page.locator('[data-action="unsaved-cancel"]').click();
    expect(await page.locator('[data-path="name"]').inputValue()).toBe('My plan');
    await page.locator('[data-action="new"]').click();
    await page.locator('[data-action="unsaved-discard"]').click();
    await expect.poll(() => page.locator('[data-path="name"]').inputValue()).toBe('Untitled scenario');
    await expect.poll(() => page.locator('[data-testid="doc-title"]').textContent()).not.toContain('•');
  });

  it('exports every chart as PNG and SVG, with its title drawn in', async () => {
    for (const chart of CHARTS) {
      for (const format of ['png', 'svg'] as const) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator(`[data-action="export-${chart}-${format}"]`).click(),
        ]);
        expect(download.suggestedFilename()).toBe(`Untitled-scenario-${chart}.${format}`);
        const file = await download.path();
        const bytes = await readFile(file);
        if (format === 'png') expect(bytes.subarray(1, 4).toString()).toBe('PNG');
        else expect(bytes.toString()).toMatch(/^<svg[\s\S]*class="gtitle"/);
      }
    }
  });

  it('lets the optimiser buy test-time compute, with its two charts', async () => {
    await page.locator('[data-path="testTime.enabled"]').check();
    await page.locator('[data-path="demand.requests"]').fill('1M');
    await waitForChart(page, 'test-time-frontier');
    await waitForChart(page, 'test-time-cost');
    await expect.poll(() => cardText(page, 'lifetime', 'k')).not.toBe('1×');
    expect(await cardText(page, 'without-test-time', 'k')).toBe('1×');
    await page.locator('[data-chart="test-time-cost"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'test-time');
    // Where the numbers come from lists the test-time papers of these results.
    await page.locator('[data-action="sources"]').click();
    const used = page.locator('[data-testid="sources-used"]');
    await used.waitFor();
    expect(await used.textContent()).toMatch(/Villalobos & Atkinson 2023[\s\S]*Snell et al\. 2024/);
    await screenshot(page, 'sources-test-time');
    await page.keyboard.press('Escape');
    await expect.poll(() => used.count()).toBe(0);
    await page.locator('[data-path="testTime.enabled"]').uncheck();
    await expect.poll(() => page.locator('[data-chart="test-time-cost"]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-card="without-test-time"]').count()).toBe(0);
  });

  it('takes a task-accuracy target and chooses the loss with k', async () => {
    await page.locator('[data-path="testTime.enabled"]').check();
    await page.locator('label:has([data-choice="test-time-model:accuracy"])').click();
    await page.locator('[data-testid="accuracy-target"]').waitFor();
    await typeInto(page, 'testTime.targetAccuracy', '0.6');
    await typeInto(page, 'testTime.p1.epsilon', '0.9');
    await typeInto(page, 'testTime.p1.k', '4');
    await typeInto(page, 'testTime.p1.gamma', '1');
    await typeInto(page, 'demand.requests', '1M');
    await expect.poll(() => page.locator('.issue').count()).toBe(0);
    await expect.poll(() => cardText(page, 'lifetime', 'k')).not.toBe('1×');
    expect(await cardText(page, 'without-test-time', 'k')).toBe('1×');
    // Inside losses [2.1, 3] the best model has p₁ = 0.1 + 4e^−2.1 ≈ 0.59: 0.99 is refused, explained.
    await typeInto(page, 'testTime.p1.lossRange[0]', '2.1');
    await typeInto(page, 'testTime.p1.lossRange[1]', '3');
    await typeInto(page, 'testTime.targetAccuracy', '0.99');
    await expect
      .poll(() => page.locator('[data-issue-for="testTime.targetAccuracy"]').textContent())
      .toMatch(
        /the best is 0\.97\d+, with 1,000 attempts \(verifier\) of a model of loss 2\.1000, the lower end of testTime\.p1\.lossRange/,
      );
    await typeInto(page, 'testTime.targetAccuracy', '0.6');
    await expect.poll(() => page.locator('.issue').count()).toBe(0);
    await typeInto(page, 'testTime.p1.epsilon', '1.5');
    await expect
      .poll(() => page.locator('[data-issue-for="testTime.p1.epsilon"]').textContent())
      .toBe('1.5 is outside (0, 1]');
  });

  it('limits unique data, prices decode by a roofline, and shows the footprint', async () => {
    await page.locator('[data-path="data.limited"]').check();
    await typeInto(page, 'data.uniqueTokens', '3T');
    await page.locator('label:has([data-choice="decode-model:roofline"])').click();
    await waitForChart(page, 'data-wall');
    await expect.poll(() => cardText(page, 'lifetime', 'epochs')).not.toBe('');
    expect(Number(await cardText(page, 'lifetime', 'epochs'))).toBeGreaterThan(1);
    expect(await cardText(page, 'lifetime', 'energy')).toMatch(/^[\d.]+ (kWh|MWh|GWh)$/);
    expect(Number(await cardText(page, 'lifetime', 'replicaGpus'))).toBeGreaterThanOrEqual(1);
    await page.locator('[data-chart="data-wall"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'data-wall');
    await typeInto(page, 'data.uniqueTokens', '1B');
    await expect
      .poll(() => page.locator('[data-issue-for="data.uniqueTokens"]').textContent())
      .toMatch(/^1000000000 unique tokens cannot reach loss 1\.9323 however often they are repeated/);
  });

  it('prices a GPU at its preset’s dated typical price, which follows the GPU until the user types one', async () => {
    const price = page.locator('[data-path="training.pricePerHour"]');
    const hint = page.locator('.field:has([data-path="training.pricePerHour"]) .hint');
    const typical = (id: string) => findGpuPreset(id)?.price;
    expect(await price.inputValue()).toBe(String(typical('H100-SXM')?.perHour));
    const cost = await cardText(page, 'lifetime', 'totalCost');
    await page.locator('[data-path="training.gpu"]').selectOption('B200');
    await expect.poll(() => price.inputValue()).toBe(String(typical('B200')?.perHour));
    expect(await hint.textContent()).toBe(
      `typical $${typical('B200')?.perHour.toFixed(2)}/h on demand in ${typical('B200')?.date} (range $4.50–$6.00)`,
    );
    await expect.poll(() => cardText(page, 'lifetime', 'totalCost')).not.toBe(cost);
    // A price the user typed stays whatever GPU comes next.
    await typeInto(page, 'training.pricePerHour', '4.2');
    await page.locator('[data-path="training.gpu"]').selectOption('H200-SXM');
    await expect.poll(() => hint.textContent()).toContain(`$${typical('H200-SXM')?.perHour.toFixed(2)}/h`);
    expect(await price.inputValue()).toBe('4.2');
    await expect(page.locator('.issue').count()).resolves.toBe(0);
  });

  it('adds a GPU of the user’s through a dialog, prices with it and remembers it', async () => {
    const costBefore = await cardText(page, 'lifetime', 'totalCost');
    const replicaBefore = Number(await cardText(page, 'lifetime', 'replicaGpus'));
    await page.locator('[data-action="add-gpu-training"]').click();
    const dialog = page.locator('[data-testid="gpu-dialog"]');
    await dialog.waitFor();
    // The scenario validator's own messages, at their fields.
    await typeInto(page, 'gpu-dialog.id', 'H100-SXM');
    await typeInto(page, 'gpu-dialog.peakFlops.bf16', 'fast');
    await page.locator('[data-action="gpu-dialog-save"]').click();
    await expect
      .poll(() => page.locator('[data-issue-for="gpu-dialog.id"]').textContent())
      .toMatch(/^"H100-SXM" is a GPU preset; give your GPU another id/);
    expect(await page.locator('[data-issue-for="gpu-dialog.peakFlops.bf16"]').textContent()).toContain(
      '"fast" is not a number',
    );
    expect(await page.locator('[data-issue-for="gpu-dialog.memoryGB"]').textContent()).toBe(
      'missing; a number is required here',
    );
    await typeInto(page, 'gpu-dialog.id', 'lab-gpu');
    await typeInto(page, 'gpu-dialog.label', 'Lab GPU');
    await typeInto(page, 'gpu-dialog.peakFlops.bf16', '100T');
    await typeInto(page, 'gpu-dialog.memoryGB', '16');
    await typeInto(page, 'gpu-dialog.bandwidthTBs', '1');
    await typeInto(page, 'gpu-dialog.boardPowerW', '300');
    await screenshot(page, 'gpu-dialog');
    await page.locator('[data-action="gpu-dialog-save"]').click();
    await expect.poll(() => dialog.count()).toBe(0);

    // Added to the training section it was opened from; picked for inference by hand.
    expect(await page.locator('[data-path="training.gpu"]').inputValue()).toBe('lab-gpu');
    await page.locator('[data-path="inference.gpu"]').selectOption('lab-gpu');
    await expect
      .poll(() => page.locator('[data-testid="peak-inference"]').textContent())
      .toContain('Dense peak 1e14 FLOP/s in bf16');
    await expect.poll(() => cardText(page, 'lifetime', 'totalCost')).not.toBe(costBefore);
    // A tenth of an H100's peak at the same price: dearer; 16 GB instead of 80: more GPUs per replica.
    expect(Number(await cardText(page, 'lifetime', 'replicaGpus'))).toBeGreaterThan(replicaBefore);
    await expect(page.locator('.issue').count()).resolves.toBe(0);

    // An override of the GPU's memory reaches the replica count too.
    const replicaWith16 = Number(await cardText(page, 'lifetime', 'replicaGpus'));
    await typeInto(page, 'inference.memoryGB', '160');
    await expect
      .poll(async () => Number(await cardText(page, 'lifetime', 'replicaGpus')))
      .toBeLessThan(replicaWith16);

    // Stored with the preferences: offered again after a reload, in a new scenario.
    await page.reload();
    await waitForChart(page, 'breakdown');
    expect(await page.locator('[data-path="training.gpu"] option[value="lab-gpu"]').textContent()).toBe(
      'Lab GPU (your GPU)',
    );
  });

  it('edits a GPU of the user’s in the same dialog: its id fixed, the same messages, new numbers', async () => {
    // Only the user's own GPU can be edited or removed, not a preset.
    expect(await page.locator('[data-action="edit-gpu-training"]').count()).toBe(0);
    await addGpu(page, LAB_GPU);
    await expect.poll(() => cardText(page, 'lifetime', 'totalCost')).toBe('$14M');
    expect(await page.locator('[data-action="edit-gpu-inference"]').count()).toBe(0);

    await page.locator('[data-action="edit-gpu-training"]').click();
    const dialog = page.locator('[data-testid="gpu-dialog"]');
    await dialog.waitFor();
    expect(await page.locator('#gpu-dialog-title').textContent()).toBe('Edit Lab GPU');
    const id = page.locator('[data-path="gpu-dialog.id"]');
    expect(await id.inputValue()).toBe('lab-gpu');
    expect(await id.getAttribute('readonly')).not.toBeNull();
    expect(await page.locator('[data-path="gpu-dialog.peakFlops.bf16"]').inputValue()).toBe('100T');
    expect(await page.locator('[data-path="gpu-dialog.memoryGB"]').inputValue()).toBe('16');
    // The scenario validator's messages, as when adding.
    await typeInto(page, 'gpu-dialog.peakFlops.bf16', 'fast');
    await typeInto(page, 'gpu-dialog.memoryGB', '');
    await page.locator('[data-action="gpu-dialog-save"]').click();
    await expect
      .poll(() => page.locator('[data-issue-for="gpu-dialog.peakFlops.bf16"]').textContent())
      .toContain('"fast" is not a number');
    expect(await page.locator('[data-issue-for="gpu-dialog.memoryGB"]').textContent()).toBe(
      'missing; a number is required here',
    );
    await typeInto(page, 'gpu-dialog.peakFlops.bf16', '200T');
    await typeInto(page, 'gpu-dialog.memoryGB', '16');
    await screenshot(page, 'gpu-dialog-edit');
    await page.locator('[data-action="gpu-dialog-save"]').click();
    await expect.poll(() => dialog.count()).toBe(0);

    // Twice the peak: every model trains in half the GPU-hours, so the lifetime optimum costs less.
    await expect.poll(() => cardText(page, 'lifetime', 'totalCost')).toBe('$8.05M');
    expect(await page.locator('[data-testid="peak-training"]').textContent()).toContain(
      'Dense peak 2e14 FLOP/s in bf16',
    );
    expect(await statusText(page)).toBe('Updated Lab GPU.');
    expect(await page.locator('.issue').count()).toBe(0);

    // Stored with the preferences: a new scenario that picks it prices with the new peak.
    await page.reload();
    await waitForChart(page, 'breakdown');
    await page.locator('[data-path="training.gpu"]').selectOption('lab-gpu');
    await expect.poll(() => cardText(page, 'lifetime', 'totalCost')).toBe('$8.05M');
  });

  it('asks before removing a GPU the scenario uses; the scenario keeps it and stays valid', async () => {
    await addGpu(page, LAB_GPU);
    await page.locator('[data-path="inference.gpu"]').selectOption('lab-gpu');
    await expect.poll(() => cardText(page, 'lifetime', 'totalCost')).not.toBe('$14M');
    const cost = await cardText(page, 'lifetime', 'totalCost');

    // Asked first; Cancel and Escape keep it.
    const confirm = page.locator('[data-testid="remove-gpu"]');
    await page.locator('[data-action="remove-gpu-inference"]').click();
    await confirm.waitFor();
    expect(await page.locator('#remove-gpu-title').textContent()).toBe('Remove “Lab GPU” from your GPUs?');
    await screenshot(page, 'remove-gpu');
    await page.locator('[data-action="remove-gpu-cancel"]').click();
    await expect.poll(() => confirm.count()).toBe(0);
    await page.locator('[data-action="remove-gpu-training"]').click();
    await confirm.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await page.locator('[data-action="remove-gpu-training"]').count()).toBe(1);

    await page.locator('[data-action="remove-gpu-training"]').click();
    await page.locator('[data-action="remove-gpu-confirm"]').click();
    await expect
      .poll(() => statusText(page))
      .toBe('Removed Lab GPU from your GPUs; this scenario uses it, so it keeps its definition.');
    // Still picked in both sections, valid, and priced as before; no longer the user's to edit.
    for (const phase of ['training', 'inference']) {
      expect(await page.locator(`[data-path="${phase}.gpu"]`).inputValue()).toBe('lab-gpu');
      expect(await page.locator(`[data-action="edit-gpu-${phase}"]`).count()).toBe(0);
    }
    expect(await page.locator('.issue').count()).toBe(0);
    expect(await page.locator('[data-testid="stale"]').count()).toBe(0);
    expect(await cardText(page, 'lifetime', 'totalCost')).toBe(cost);

    // Gone from the preferences: a new scenario no longer offers it.
    await page.reload();
    await waitForChart(page, 'breakdown');
    expect(await page.locator('[data-path="training.gpu"] option[value="lab-gpu"]').count()).toBe(0);
  });

  it('removes the GPU new scenarios start with: they start on the preset again', async () => {
    await addGpu(page, LAB_GPU);
    await page.locator('[data-action="default-gpu-training"]').click();
    await expect.poll(() => statusText(page)).toBe('New scenarios will use lab-gpu.');
    await page.reload();
    await waitForChart(page, 'breakdown');
    // Both sections start on it (the app could not start with a GPU of the user's as the default).
    for (const phase of ['training', 'inference'])
      expect(await page.locator(`[data-path="${phase}.gpu"]`).inputValue()).toBe('lab-gpu');
    await expect.poll(() => cardText(page, 'lifetime', 'totalCost')).toBe('$28.3M');
    // This scenario carries its own copy of the GPU; an edit reaches it too.
    await page.locator('[data-action="edit-gpu-inference"]').click();
    await typeInto(page, 'gpu-dialog.peakFlops.bf16', '200T');
    await page.locator('[data-action="gpu-dialog-save"]').click();
    await expect.poll(() => cardText(page, 'lifetime', 'totalCost')).toBe('$14.2M');

    await page.locator('[data-action="remove-gpu-training"]').click();
    await page.locator('[data-action="remove-gpu-confirm"]').click();
    await expect.poll(() => page.locator('[data-action="remove-gpu-training"]').count()).toBe(0);
    // Only this scenario carries it now: new scenarios cannot start on it.
    expect(await page.locator('[data-action="default-gpu-training"]').count()).toBe(0);
    await page.reload();
    await waitForChart(page, 'breakdown');
    expect(await page.locator('[data-path="training.gpu"]').inputValue()).toBe('H100-SXM');
    expect(await page.locator('[data-path="inference.gpu"] option[value="lab-gpu"]').count()).toBe(0);
    expect(await cardText(page, 'lifetime', 'totalCost')).toBe('$2.87M');
    expect(await page.locator('.issue').count()).toBe(0);
  });

  it('shows where the numbers come from', async () => {
    await page.locator('[data-action="sources"]').click();
    const dialog = page.locator('[data-testid="sources"]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Sardana et al. 2024');
    // The catalogue holds the test-time and shape papers whatever the scenario uses.
    expect(await dialog.textContent()).toMatch(/Brown et al\. 2024[\s\S]*Touvron et al\. 2023/);
    await screenshot(page, 'sources');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });
});
