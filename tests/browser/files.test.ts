import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseScenarioText, type Scenario } from '../../src/scenario';
import { openApp, screenshot, skipBrowserTests, type PageProbe, useApp, usePagePerTest } from './support';

const SCENARIO_FILE = path.resolve('resources/scenarios/sardana-70b-chatbot.tradeoff.json');

/**
 * Headless Chromium has the File System Access API, but its save picker needs a real user
 * gesture; without it the web API falls back to a download, which is what these tests check.
 */
const WITHOUT_SAVE_PICKER = `
  delete window.showSaveFilePicker;
  delete Window.prototype.showSaveFilePicker;
`;

/** Fails a step that produced no download well before the test's own timeout. */
const EVENT_WAIT = { timeout: 10_000 };

function scenarioOf(text: string): Scenario {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error(`not a valid scenario: ${JSON.stringify(parsed.issues)}`);
  return parsed.scenario;
}

describe.skipIf(skipBrowserTests)('scenario files in the browser', () => {
  let page: Page;
  let probe: PageProbe;

  const app = useApp(
    { viewport: { width: 1280, height: 820 }, acceptDownloads: true },
    { initScript: WITHOUT_SAVE_PICKER },
  );
  beforeEach(() => {
    page = app.page();
    probe = app.probe();
  });

  async function openScenarioFile(file: string): Promise<void> {
    const chooser = page.waitForEvent('filechooser', EVENT_WAIT);
    await page.locator('[data-action="open"]').click();
    await (await chooser).setFiles(file);
  }

  /** Clicks a toolbar button and returns the download it starts; says what went wrong if none. */
  async function downloadFrom(action: string): Promise<Download> {
    const pending = page.waitForEvent('download', EVENT_WAIT);
    await page.locator(`[data-action="${action}"]`).click();
    try {
      return await pending;
    } catch (error) {
      const problems = probe.problems().join('\n  ') || '(none)';
      throw new Error(`"${action}" started no download. Problems on the page:\n  ${problems}`, {
        cause: error,
      });
    }
  }

  it('opens a scenario with the Open button, shows its results and saves it back unchanged', async () => {
    await openScenarioFile(SCENARIO_FILE);
    const lifetimeParams = page.locator('[data-card="lifetime"] [data-field="params"]');
    await expect.poll(() => lifetimeParams.textContent()).toBe('20.5B');
    const original = scenarioOf(await readFile(SCENARIO_FILE, 'utf8'));
    await expect.poll(() => page.locator('[data-path="name"]').inputValue()).toBe(original.name);
    await screenshot(page, 'files-opened');

    const saved = await downloadFrom('save');
    expect(saved.suggestedFilename()).toBe('sardana-70b-chatbot.tradeoff.json');
    const savedText = await readFile(await saved.path(), 'utf8');
    expect(scenarioOf(savedText)).toEqual(original);

    expect(probe.problems()).toEqual([]);
  });

  it('saves an edited scenario under a name made from the scenario’s name', async () => {
    await page.locator('[data-path="name"]').fill('My plan: v2');
    const saved = await downloadFrom('saveAs');
    expect(saved.suggestedFilename()).toBe('My plan- v2.tradeoff.json');
    expect(scenarioOf(await readFile(await saved.path(), 'utf8')).name).toBe('My plan: v2');
    expect(probe.problems()).toEqual([]);
  });

  it('exports the results as CSV and as a Markdown report', async () => {
    await openScenarioFile(SCENARIO_FILE);
    await expect
      .poll(() => page.locator('[data-card="lifetime"] [data-field="params"]').textContent())
      .toBe('20.5B');

    const csv = await downloadFrom('export-csv');
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    expect((await readFile(await csv.path(), 'utf8')).split('\n').length).toBeGreaterThan(2);

    const report = await downloadFrom('export-report');
    expect(report.suggestedFilename()).toMatch(/\.md$/);
    expect(await readFile(await report.path(), 'utf8')).toContain('#');

    expect(probe.problems()).toEqual([]);
  });

  it('keeps the current document and says why when the file is not a valid scenario', async () => {
    const before = await page.locator('[data-card="lifetime"] [data-field="params"]').textContent();
    const chooser = page.waitForEvent('filechooser', EVENT_WAIT);
    await page.locator('[data-action="open"]').click();
    await (
      await chooser
    ).setFiles({
      name: 'broken.tradeoff.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"target": 1'),
    });
    await expect
      .poll(() => page.locator('[data-testid="status"]').textContent())
      .toMatch(/broken\.tradeoff\.json/);
    expect(await page.locator('[data-card="lifetime"] [data-field="params"]').textContent()).toBe(before);
    expect(probe.problems()).toEqual([]);
  });

  async function openBytes(name: string, bytes: Buffer): Promise<void> {
    const chooser = page.waitForEvent('filechooser', EVENT_WAIT);
    await page.locator('[data-action="open"]').click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: bytes });
  }

  it('refuses bytes that are not UTF-8 as "not UTF-8 text" instead of opening mangled text', async () => {
    const before = await page.locator('[data-path="name"]').inputValue();
    await openBytes('latin1.tradeoff.json', Buffer.from('{"name": "Gr\xfc\xdfe"}', 'latin1'));
    await expect
      .poll(() => page.locator('[data-testid="status"]').textContent())
      .toContain('Could not open latin1.tradeoff.json: not UTF-8 text');
    expect(await page.locator('[data-path="name"]').inputValue()).toBe(before);
    expect(probe.problems()).toEqual([]);
  });

  it('opens a scenario saved with a UTF-8 byte-order mark', async () => {
    const text = await readFile(SCENARIO_FILE, 'utf8');
    await openBytes('bom.tradeoff.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    await expect
      .poll(() => page.locator('[data-card="lifetime"] [data-field="params"]').textContent())
      .toBe('20.5B');
    expect(await page.locator('[data-path="name"]').inputValue()).toBe(scenarioOf(text).name);
    expect(probe.problems()).toEqual([]);
  });

  it('drops the previous file’s results, and disables exports, when the next file cannot be solved', async () => {
    await openScenarioFile(SCENARIO_FILE);
    const lifetimeParams = page.locator('[data-card="lifetime"] [data-field="params"]');
    await expect.poll(() => lifetimeParams.textContent()).toBe('20.5B');

    // Valid, but only a model beyond what the engine represents comes within 1e-12 of E = 1.69.
    const unsolvable = {
      name: 'Out of reach',
      target: { loss: 1.69 + 1e-12 },
      demand: { inputTokens: 1e12, outputTokens: 1e12 },
    };
    const chooser = page.waitForEvent('filechooser', EVENT_WAIT);
    await page.locator('[data-action="open"]').click();
    await (
      await chooser
    ).setFiles({
      name: 'out-of-reach.tradeoff.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(unsolvable)),
    });
    await expect
      .poll(() => page.locator('[data-testid="compute-error"]').textContent())
      .toMatch(/beyond the 1e\+45 the engine represents/);
    expect(await page.locator('[data-testid="doc-title"]').textContent()).toContain(
      'out-of-reach.tradeoff.json',
    );
    expect(await page.locator('[data-card]').count()).toBe(0);
    expect(await page.locator('[data-testid="chart-canvas"]').count()).toBe(0);
    expect(await page.locator('.results').textContent()).not.toContain('20.5B');
    expect(await page.locator('[data-action="export-report"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-action="export-csv"]').isDisabled()).toBe(true);
    await screenshot(page, 'files-unsolvable');
    expect(probe.problems()).toEqual([]);
  });

  it('asks about unsaved changes with Save as the default: Enter saves, Escape cancels, focus returns', async () => {
    await page.locator('[data-path="name"]').fill('My plan');
    const newButton = page.locator('[data-action="new"]');
    const focused = () =>
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['action']);

    await newButton.click();
    await page.locator('[data-testid="unsaved"]').waitFor();
    await expect.poll(focused).toBe('unsaved-save');
    await screenshot(page, 'unsaved-dialog');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="unsaved"]').waitFor({ state: 'detached' });
    expect(await page.locator('[data-path="name"]').inputValue()).toBe('My plan');
    await expect.poll(focused).toBe('new');

    await newButton.click();
    await expect.poll(focused).toBe('unsaved-save');
    const download = page.waitForEvent('download', EVENT_WAIT);
    await page.keyboard.press('Enter');
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('My plan.tradeoff.json');
    expect(scenarioOf(await readFile(await saved.path(), 'utf8')).name).toBe('My plan');
    await expect.poll(() => page.locator('[data-path="name"]').inputValue()).toBe('Untitled scenario');
    await expect.poll(focused).toBe('new');
    expect(probe.problems()).toEqual([]);
  });
});

/**
 * A save picker over an in-page "disk", standing in for the File System Access API (whose real
 * picker is a native dialog): what is saved lands in `window.__disk`, which the test can change
 * the way another program would.
 */
const FAKE_SAVE_PICKER = `
  window.__disk = {};
  window.showSaveFilePicker = async ({ suggestedName }) => ({
    name: suggestedName,
    async createWritable() {
      let data = '';
      return {
        async write(chunk) { data += chunk; },
        async close() { window.__disk[suggestedName] = { text: data, lastModified: Date.now() }; },
      };
    },
    async getFile() {
      const stored = window.__disk[suggestedName];
      if (!stored) throw new DOMException('gone', 'NotFoundError');
      return new File([stored.text], suggestedName, { lastModified: stored.lastModified });
    },
  });
`;

describe.skipIf(skipBrowserTests)('saving through a file handle in the browser', () => {
  let page: Page;
  let probe: PageProbe;

  const currentPage = usePagePerTest({ viewport: { width: 1280, height: 820 } });
  beforeEach(async () => {
    page = currentPage();
    await page.addInitScript({ content: FAKE_SAVE_PICKER });
    probe = await openApp(page);
  });

  type Disk = Record<string, { text: string; lastModified: number }>;
  const disk = (): Promise<Disk> => page.evaluate(() => (window as unknown as { __disk: Disk }).__disk);
  const onDisk = async (name: string): Promise<string | undefined> => (await disk())[name]?.text;

  it('saves in place until another program changes the file, then refuses to overwrite it', async () => {
    await page.locator('[data-path="name"]').fill('Plan');
    await page.locator('[data-action="save"]').click();
    await expect.poll(async () => scenarioOf((await onDisk('Plan.tradeoff.json')) ?? '').name).toBe('Plan');

    // Touched but unchanged: still ours to save over.
    await page.evaluate(() => {
      const stored = (window as unknown as { __disk: Disk }).__disk['Plan.tradeoff.json'];
      if (stored) stored.lastModified += 60_000;
    });
    await page.locator('[data-path="name"]').fill('Plan, second draft');
    await page.locator('[data-action="save"]').click();
    await expect
      .poll(async () => scenarioOf((await onDisk('Plan.tradeoff.json')) ?? '').name)
      .toBe('Plan, second draft');

    const theirs =
      '{"name": "Edited elsewhere", "target": {"loss": 2.5}, "demand": {"inputTokens": 1e12, "outputTokens": 1e11}}';
    await page.evaluate((text) => {
      (window as unknown as { __disk: Disk }).__disk['Plan.tradeoff.json'] = {
        text,
        lastModified: Date.now(),
      };
    }, theirs);
    await page.locator('[data-path="name"]').fill('Plan, third draft');
    await page.locator('[data-action="save"]').click();
    await expect
      .poll(() => page.locator('[data-testid="status"]').textContent())
      .toMatch(
        /Save failed: Plan\.tradeoff\.json was changed or removed by another program since it was saved here; use Save As/,
      );
    expect(await onDisk('Plan.tradeoff.json')).toBe(theirs);
    expect(await page.locator('[data-testid="doc-title"]').textContent()).toContain('•');
    expect(probe.problems()).toEqual([]);
  });
});
