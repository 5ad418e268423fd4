import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { appUrl, openApp, screenshot, skipBrowserTests, usePagePerTest, waitForChart } from './support';

const CHARTS = ['cost-vs-size', 'iso-loss', 'demand', 'breakdown'];

describe.skipIf(skipBrowserTests)('the app in a browser', () => {
  let page: Page;

  const currentPage = usePagePerTest({ viewport: { width: 1280, height: 820 } });
  beforeEach(async () => {
    page = currentPage();
  });

  it('loads and renders with no console errors, page errors or CSP violations', async () => {
    const probe = await openApp(page);
    await expect(page.title()).resolves.toMatch(/Tradeoff Explorer$/);
    await page.locator('[data-card="lifetime"] [data-field="params"]').waitFor();
    for (const chart of CHARTS) {
      await waitForChart(page, chart);
    }
    await screenshot(page, 'smoke');
    expect(probe.problems()).toEqual([]);
  });

  it('is served with the app’s Content-Security-Policy header', async () => {
    const response = await page.goto(appUrl());
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  });
});
