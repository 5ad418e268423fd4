/**
 * Everyone can use it: axe finds nothing serious or critical (WCAG 2.1 A/AA) on the main view, a
 * test-time-compute scenario, the dialogs and the draft notice, in both themes; every control is
 * reached with Tab and shows where the focus is; each dialog gives the focus back to its opener.
 * One page for the whole file, the theme switched with the app's own button: loading and solving
 * the app is the slow part on a busy machine.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartTheme } from '../../src/renderer/charts/theme';
import { draftKey } from '../../src/renderer/lib/web-api';
import { contrastRatio } from '../support/contrast';
import { seriousViolations } from './axe';
import { closedTabDraft, seed } from './stored-drafts';
import {
  launchBrowser,
  openApp,
  screenshot,
  skipBrowserTests,
  waitForChart,
  type PageProbe,
} from './support';

/** Loading, solving and drawing can take tens of seconds on a shared 2-core machine. */
const PAGE_TIMEOUT_MS = 90_000;

const themeButton = (page: Page) => page.locator('[data-action="theme"]');

/** Opens or closes a chart's "Show data" tables, whatever state an earlier test left them in. */
async function showData(page: Page, chart: string, shown: boolean): Promise<void> {
  const details = page.locator(`[data-chart="${chart}"] details.chart-data`);
  if ((await details.evaluate((element) => (element as HTMLDetailsElement).open)) !== shown) {
    await page.locator(`[data-action="show-data-${chart}"]`).click();
  }
  await page
    .locator(`[data-chart="${chart}"] .table-scroll`)
    .waitFor({ state: shown ? 'visible' : 'detached' });
}

/** Clicks the toolbar's theme button (system → light → dark → system) until `theme` is chosen. */
async function chooseTheme(page: Page, theme: ChartTheme): Promise<void> {
  for (
    let clicks = 0;
    clicks < 3 && (await themeButton(page).textContent()) !== `Theme: ${theme}`;
    clicks++
  ) {
    await themeButton(page).click();
  }
  // waitForFunction, not expect.poll: this runs in a beforeAll hook.
  await page.waitForFunction((chosen) => document.documentElement.dataset['theme'] === chosen, theme);
}

/** The `data-action` or `data-testid` of the focused element, to say where the focus is. */
function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return element?.dataset['action'] ?? element?.dataset['testid'] ?? element?.tagName ?? null;
  });
}

/**
 * Opens a dialog with its opener (a keyboard press, so the focus is where a keyboard user's would
 * be), checks it with axe, closes it with Escape and returns where the focus went.
 */
async function visitDialog(
  page: Page,
  opener: string,
  dialog: string,
): Promise<{ violations: string[]; focusAfter: string | null }> {
  await page.locator(`[data-action="${opener}"]`).focus();
  await page.keyboard.press('Enter');
  const shown = page.locator(`[data-testid="${dialog}"]`);
  await shown.waitFor();
  const violations = await seriousViolations(page, `[data-testid="${dialog}"]`);
  await page.keyboard.press('Escape');
  await shown.waitFor({ state: 'detached' });
  return { violations, focusAfter: await focused(page) };
}

/** A control the Tab walk reached, with its focus ring focused and unfocused. */
interface Mark {
  readonly control: string;
  readonly focused: string;
  readonly unfocused: string;
  /** The ring's colours (outline, box-shadow layers), each with the colour it is drawn on. */
  readonly rings: readonly { colour: string; against: string }[];
}

/**
 * Tabs through the whole page once and reports each control that Tab never reached (a radio group
 * counts once: Tab enters it at its chosen radio), and each reached control whose focus indicator
 * (outline or box shadow; for a segmented control's hidden radio, its segment's) looks the same
 * focused as unfocused, or has no colour that stands out 3:1 (WCAG 1.4.11) on what it is drawn on.
 */
async function tabThroughPage(
  page: Page,
): Promise<{ reached: number; unreached: string[]; unmarked: string[] }> {
  const candidates = await page.evaluate(() => {
    const describe = (element: Element) =>
      (element as HTMLElement).dataset['action'] ??
      (element as HTMLElement).dataset['path'] ??
      (element as HTMLElement).dataset['choice'] ??
      `${element.tagName.toLowerCase()} “${(element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}”`;
    /** Where a control shows its focus: a segmented control's radio is invisible, its segment is not. */
    const indicator = (element: Element) =>
      element.matches('.segmented input') ? (element.closest('label') ?? element) : element;
    /** The colour an element is painted on: its own background or the nearest ancestor's. */
    const background = (element: Element | null): string => {
      for (let at = element; at; at = at.parentElement) {
        const colour = getComputedStyle(at).backgroundColor;
        if (!/^rgba\(.*, 0\)$/.test(colour) && colour !== 'transparent') return colour;
      }
      return 'rgb(255, 255, 255)';
    };
    /** The ring as computed style; an inset ring lies on the control, an outer one on what surrounds it. */
    const ring = (element: Element) => {
      const target = indicator(element);
      const style = getComputedStyle(target);
      const rings: { colour: string; against: string }[] = [];
      if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) {
        const inside = parseFloat(style.outlineOffset) < 0;
        rings.push({
          colour: style.outlineColor,
          against: background(inside ? target : target.parentElement),
        });
      }
      for (const layer of style.boxShadow.match(/rgba?\([^)]*\)[^,]*/g) ?? []) {
        const inside = layer.includes('inset');
        rings.push({
          colour: layer.slice(0, layer.indexOf(')') + 1),
          against: background(inside ? target : target.parentElement),
        });
      }
      return {
        style: `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow ${style.boxShadow}`,
        rings,
      };
    };
    const log: { element: Element; ring: ReturnType<typeof ring> }[] = [];
    document.addEventListener('focusin', (event) => {
      if (event.target instanceof Element) log.push({ element: event.target, ring: ring(event.target) });
    });
    (document.activeElement as HTMLElement | null)?.blur();
    const tabbable = [
      ...document.querySelectorAll(
        'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), summary, [tabindex]:not([tabindex="-1"])',
      ),
    ].filter((element) => element.checkVisibility() && !element.closest('[inert], dialog:not([open])'));
    Object.assign(window, {
      __finishTabWalk: () => {
        (document.activeElement as HTMLElement | null)?.blur();
        const reached = new Set(log.map(({ element }) => element));
        const groupReached = (element: Element) =>
          element instanceof HTMLInputElement &&
          element.type === 'radio' &&
          log.some(
            ({ element: other }) =>
              other instanceof HTMLInputElement && other.type === 'radio' && other.name === element.name,
          );
        return {
          unreached: tabbable
            .filter((element) => !reached.has(element) && !groupReached(element))
            .map(describe),
          marks: log.map(({ element, ring: focused }) => ({
            control: describe(element),
            focused: focused.style,
            unfocused: ring(element).style,
            rings: focused.rings,
          })),
        };
      },
    });
    return tabbable.length;
  });
  // Enough presses to pass every control once more than there are; the walk may wrap around.
  for (let press = 0; press < candidates + 5; press++) await page.keyboard.press('Tab');
  const { unreached, marks } = await page.evaluate(() =>
    (
      window as unknown as { __finishTabWalk: () => { unreached: string[]; marks: Mark[] } }
    ).__finishTabWalk(),
  );
  const unmarked = marks.filter(
    ({ focused, unfocused, rings }) =>
      focused === unfocused || !rings.some(({ colour, against }) => contrastRatio(colour, against) >= 3),
  );
  return {
    reached: new Set(marks.map(({ control }) => control)).size,
    unreached,
    unmarked: unmarked.map(({ control, focused }) => `${control} (${focused})`),
  };
}

describe.skipIf(skipBrowserTests)('accessibility', { timeout: 180_000 }, () => {
  let browser: Browser | undefined;
  let page: Page;
  let probe: PageProbe;

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 820 },
      colorScheme: 'light',
    });
    context.setDefaultTimeout(PAGE_TIMEOUT_MS);
    page = await context.newPage();
    // A draft left by a closed tab, so the draft notice is on the page throughout.
    await page.addInitScript({
      content: seed({
        [draftKey('closed-tab', 'crashed-doc')]: closedTabDraft('Left by a crash', '2026-01-01T10:00:00Z'),
      }),
    });
    probe = await openApp(page);
    await page.locator('[data-testid="draft-banner"]').waitFor();
    await page.waitForFunction(() =>
      (
        document.querySelector('[data-testid="chart-canvas"]') as { _fullData?: { uid?: string }[] } | null
      )?._fullData?.some((trace) => trace.uid?.startsWith('breakdown_')),
    );
  }, 2 * PAGE_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
  });

  it('has one h1 and a name of its own for every chart’s download buttons', async () => {
    expect(await page.locator('h1').allTextContents()).toEqual(['Tradeoff Explorer']);
    const names = await page
      .locator('[data-action^="export-"][data-action$="-png"], [data-action^="export-"][data-action$="-svg"]')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')));
    expect(names).toContain('Download the chart “Lifetime cost against model size (same loss)” as PNG');
    expect(names.length).toBeGreaterThanOrEqual(8);
    expect(new Set(names).size).toBe(names.length);
  });

  it('offers each chart’s series as a data table', async () => {
    await showData(page, 'cost-vs-size', true);
    const table = page.locator('[data-chart="cost-vs-size"] [data-testid="chart-table"]');
    expect(await table.count()).toBe(2);
    expect(await table.nth(1).locator('caption').textContent()).toBe('Candidates');
    expect(await table.nth(1).locator('thead th').allTextContents()).toEqual([
      'Name',
      'Parameters',
      'Lifetime US dollars',
    ]);
    // The optimum the result cards show for the default scenario.
    expect(await table.nth(1).locator('tbody tr').first().locator('th, td').allTextContents()).toEqual([
      'Lifetime-optimal',
      '17.3B',
      '2.87M',
    ]);
    await page.locator('[data-chart="cost-vs-size"] .table-scroll').scrollIntoViewIfNeeded();
    await screenshot(page, 'a11y-chart-table');
    await showData(page, 'cost-vs-size', false);
    expect(await table.count()).toBe(0);
  });

  describe.each(['light', 'dark'] as const)('in the %s theme', (theme) => {
    beforeAll(async () => {
      await chooseTheme(page, theme);
    });

    it('the main view, with results and the draft notice, has nothing serious', async () => {
      await page.locator('.results').evaluate((results) => results.scrollTo(0, 0));
      await screenshot(page, `a11y-${theme}`);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('the Sources, About and GPU dialogs have nothing serious, and give the focus back', async () => {
      for (const [opener, dialog] of [
        ['sources', 'sources'],
        ['about', 'about'],
        ['add-gpu-training', 'gpu-dialog'],
      ] as const) {
        const { violations, focusAfter } = await visitDialog(page, opener, dialog);
        expect({ dialog, violations }).toEqual({ dialog, violations: [] });
        expect({ dialog, focusAfter }).toEqual({ dialog, focusAfter: opener });
      }
    });

    it('the fit dialog has nothing serious and gives the focus back', async () => {
      const { violations, focusAfter } = await visitDialog(page, 'fit-law', 'fit-dialog');
      expect(violations).toEqual([]);
      expect(focusAfter).toBe('fit-law');
    });

    it('the laws comparison and the sensitivity panels have nothing serious', async () => {
      for (const panel of ['laws', 'sensitivity'] as const) {
        await page.locator(`[data-action="show-${panel}"]`).click();
        const table = panel === 'laws' ? 'laws-table' : 'elasticities';
        await page.locator(`[data-testid="${table}"]`).waitFor();
        expect({
          panel,
          violations: await seriousViolations(page, `[data-testid="${panel}-panel"]`),
        }).toEqual({
          panel,
          violations: [],
        });
        await page.locator(`[data-action="show-${panel}"]`).click();
        await page.locator(`[data-testid="${table}"]`).waitFor({ state: 'hidden' });
      }
    });

    it('a test-time-compute scenario has nothing serious, nor has the unsaved-changes dialog', async () => {
      await page.locator('[data-path="testTime.enabled"]').check();
      await waitForChart(page, 'test-time-cost');
      await waitForChart(page, 'test-time-frontier');
      expect(await seriousViolations(page)).toEqual([]);
      // The edit left unsaved changes, so New asks about them first; Escape cancels.
      const { violations, focusAfter } = await visitDialog(page, 'new', 'unsaved');
      expect(violations).toEqual([]);
      expect(focusAfter).toBe('new');
    });

    it('reaches every control with Tab, each showing that it has the focus', async () => {
      // With test-time compute on and a chart's data open: the most controls the page shows.
      await showData(page, 'demand', true);
      const walk = await tabThroughPage(page);
      expect(walk.unreached).toEqual([]);
      expect(walk.unmarked).toEqual([]);
      expect(walk.reached).toBeGreaterThan(60);
      await showData(page, 'demand', false);
      await page.locator('[data-path="testTime.enabled"]').uncheck();
      await page.locator('[data-chart="test-time-cost"]').waitFor({ state: 'detached' });
    });
  });

  it('marks the focused segment of a segmented control', async () => {
    const choice = page.locator('[data-choice^="objective:"]:checked');
    // Into the group with the keyboard, as :focus-visible wants: out of it backwards, then back.
    await choice.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => choice.evaluate((radio) => radio === document.activeElement)).toBe(true);
    await choice.evaluate((radio) => radio.closest('.segmented')?.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'a11y-focus');
    const shadow = await choice.evaluate(
      (radio) => getComputedStyle(radio.closest('label') as Element).boxShadow,
    );
    expect(shadow).not.toBe('none');
  });

  it('went without console errors, page errors or CSP violations', () => {
    expect(probe.problems()).toEqual([]);
  });
});
