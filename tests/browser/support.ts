/**
 * Helpers for the browser tests: the headless Chromium they drive, the app's URL (built and
 * served once per run by global-setup.ts), a probe that collects everything that went wrong on
 * the page, screenshots under test-results/screenshots/, and what the charts hold.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Dialog, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { launchBrowser } from '../../scripts/chromium';

export { CHROMIUM_PATH, launchBrowser, skipBrowserTests } from '../../scripts/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The served app, e.g. `http://127.0.0.1:41234/`; empty when the browser tests are skipped. */
    webAppUrl: string;
  }
}

export const SCREENSHOT_DIR = path.resolve('test-results', 'screenshots');

export function appUrl(): string {
  const url = inject('webAppUrl');
  if (!url)
    throw new Error('The app was not served: see the notice printed by tests/browser/global-setup.ts');
  return url;
}

/** Everything that went wrong on the page since `openApp`. */
export interface PageProbe {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly cspViolations: string[];
  /** Requests that failed or were answered with an HTTP error. */
  readonly badRequests: string[];
  /** All of the above, labelled; `expect(probe.problems()).toEqual([])` shows them all at once. */
  problems(): string[];
}

const CSP_REPORTER = '__tradeoffReportCspViolation';
/** Runs in the page before its own scripts: reports every CSP violation to the test. */
const CSP_LISTENER = `
  document.addEventListener('securitypolicyviolation', (event) => {
    window.${CSP_REPORTER}(
      event.effectiveDirective + ' blocked ' + (event.blockedURI || '(inline)') +
      ' at ' + (event.sourceFile || '?') + ':' + event.lineNumber +
      (event.sample ? ' sample: ' + event.sample : ''),
    );
  });
`;

/** Starts collecting problems, loads the app and waits until it has rendered. */
export async function openApp(page: Page, url = appUrl()): Promise<PageProbe> {
  const probe: PageProbe = {
    consoleErrors: [],
    pageErrors: [],
    cspViolations: [],
    badRequests: [],
    problems() {
      return [
        ...this.consoleErrors.map((text) => `console error: ${text}`),
        ...this.pageErrors.map((text) => `page error: ${text}`),
        ...this.cspViolations.map((text) => `CSP violation: ${text}`),
        ...this.badRequests.map((text) => `bad request: ${text}`),
      ];
    },
  };
  await page.exposeFunction(CSP_REPORTER, (violation: string) => probe.cspViolations.push(violation));
  await page.addInitScript({ content: CSP_LISTENER });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url: source, lineNumber } = message.location();
    probe.consoleErrors.push(source ? `${message.text()} (${source}:${lineNumber})` : message.text());
  });
  page.on('pageerror', (error) => probe.pageErrors.push(error.stack ?? error.message));
  page.on('requestfailed', (request) => {
    // Downloads of blob: URLs end the navigation they started; that is no failure.
    if (request.url().startsWith('blob:')) return;
    probe.badRequests.push(
      `${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`,
    );
  });
  page.on('response', (response) => {
    if (response.status() >= 400) probe.badRequests.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('#app > *').first().waitFor();
  return probe;
}

/**
 * Writes a PNG of the viewport (the app scrolls inside its panes, so a full-page shot adds only
 * blank space) to test-results/screenshots/NAME.png and returns its path.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  return file;
}

/**
 * One browser per test file and a fresh context and page for every test, closed after it. Call
 * inside a describe block; the getter gives the current test's page (hooks registered after this
 * call run after it, so they can use the page).
 */
export function usePagePerTest(options: BrowserContextOptions = {}): () => Page {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('the browser did not start');
    context = await browser.newContext(options);
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });
  return () => {
    if (!page) throw new Error('no page: usePagePerTest hooks did not run');
    return page;
  };
}

/** One chart's traces as plotly holds them: every chart is a set of subplots of one figure. */
export async function chartTraces(page: Page, chart: string): Promise<{ x?: unknown[]; name?: string }[]> {
  return page.locator('[data-testid="chart-canvas"]').evaluate((canvas, name) => {
    const drawn = (canvas as HTMLElement & { _fullData?: { uid?: string; x?: unknown[]; name?: string }[] })
      ._fullData;
    return (drawn ?? [])
      .filter((trace) => trace.uid?.startsWith(`${name}_`))
      .map(({ x, name: traceName }) => ({ x, name: traceName }));
  }, chart);
}

/** Waits until plotly has drawn `chart`'s traces (its panel alone is not enough). */
export async function waitForChart(page: Page, chart: string): Promise<void> {
  await page.locator(`[data-chart="${chart}"]`).waitFor();
  await expect.poll(async () => (await chartTraces(page, chart)).length).toBeGreaterThan(0);
}

/** Forgets the problems seen so far, so the next test is judged on its own. */
function clearProblems(probe: PageProbe): void {
  for (const list of [probe.consoleErrors, probe.pageErrors, probe.cspViolations, probe.badRequests])
    list.length = 0;
}

const FRESH_VISIT = '__tradeoffFreshVisit';
/**
 * Runs in the page before its own scripts: when the previous document asked for a fresh visit
 * (through window.name, which a same-site navigation keeps), clears the origin's localStorage and
 * the tab's sessionStorage before the app reads them, and leaves a mark that it did. Clearing
 * here, not before leaving, means nothing the previous document still had pending can write
 * into the new visit's storage.
 */
const FRESH_VISIT_SCRIPT = `
  if (window.name === '${FRESH_VISIT}') {
    window.name = '';
    localStorage.clear();
    sessionStorage.clear();
    window.${FRESH_VISIT} = true;
  }
`;

/**
 * Loads the app again in the same page, as a first visit would find it: no stored preferences or
 * drafts, a new tab, the viewport back to `viewport`. Much cheaper than a new context, or a trip
 * through about:blank: the page keeps its renderer process, so plotly's compiled script is
 * reused (measured on this 2-core machine under load: ~5 s per load against ~18 s).
 */
async function reloadAppAfresh(page: Page, viewport: BrowserContextOptions['viewport']): Promise<void> {
  await page.evaluate((mark) => (window.name = mark), FRESH_VISIT);
  if (viewport) await page.setViewportSize(viewport);
  // Leaving unsaved work asks first (beforeunload); the reset leaves regardless.
  const leave = (dialog: Dialog) =>
    void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss());
  page.on('dialog', leave);
  try {
    await page.goto(appUrl(), { waitUntil: 'load' });
  } finally {
    page.off('dialog', leave);
  }
  const cleared = await page.evaluate(
    (mark) => (window as unknown as Record<string, unknown>)[mark],
    FRESH_VISIT,
  );
  if (cleared !== true) throw new Error('the app was reloaded without clearing its stored data');
  await page.locator('#app > *').first().waitFor();
}

/** The page a describe block's tests share and the problems seen on it during the current test. */
export interface SharedApp {
  page(): Page;
  probe(): PageProbe;
}

/**
 * The app loaded afresh before each test, with its charts drawn; after each test, nothing may
 * have gone wrong on the page (console errors, page errors, CSP violations, bad requests). One
 * browser, context and page serve the whole describe block: between tests the page leaves the
 * app, its stored data is cleared and the app is loaded again (reloadAppAfresh), so every test
 * starts as on a first visit without paying for a new context. `initScript` runs before the
 * app's own scripts on every load. Tests that need what only a fresh context gives (their own
 * init scripts, several tabs) use usePagePerTest. Call inside a describe block.
 */
export function useApp(options: BrowserContextOptions = {}, setup: { initScript?: string } = {}): SharedApp {
  let browser: Browser | undefined;
  let page: Page | undefined;
  let probe: PageProbe | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext(options)).newPage();
    await page.addInitScript({ content: FRESH_VISIT_SCRIPT });
    if (setup.initScript) await page.addInitScript({ content: setup.initScript });
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!page) throw new Error('the browser did not start');
    if (probe) {
      clearProblems(probe);
      await reloadAppAfresh(page, options.viewport);
    } else {
      probe = await openApp(page);
    }
    await waitForChart(page, 'breakdown');
  });
  afterEach(() => {
    expect(probe?.problems()).toEqual([]);
  });
  return {
    page() {
      if (!page) throw new Error('no page: useApp hooks did not run');
      return page;
    },
    probe() {
      if (!probe) throw new Error('no probe: useApp hooks did not run');
      return probe;
    },
  };
}

/** useApp's page alone: for tests that only look at the page. Call inside a describe block. */
export function useAppPerTest(options: BrowserContextOptions = {}): () => Page {
  return useApp(options).page;
}
