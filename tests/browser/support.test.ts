/**
 * useApp shares one page between the tests of a describe block: each test must still start as a
 * first visit. The first test leaves everything a test could leave behind (a stored preference,
 * unsaved work that asks before leaving, a narrowed window, a tab id); the second checks that
 * none of it survived. They run in order, as vitest runs a file's tests.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { skipBrowserTests, useApp } from './support';

const VIEWPORT = { width: 1280, height: 820 };
const TAB_ID_KEY = 'tradeoff-explorer.tab-id';

describe.skipIf(skipBrowserTests)('a page shared by a describe block’s tests', () => {
  let page: Page;
  let firstTabId: string | null = null;
  const app = useApp({ viewport: VIEWPORT });
  beforeEach(() => {
    page = app.page();
  });

  const theme = () => page.locator('[data-action="theme"]').textContent();

  it('leaves a dark theme, unsaved work and a narrow window behind', async () => {
    await page.locator('[data-action="theme"]').click(); // system → light
    await page.locator('[data-action="theme"]').click(); // light → dark
    await expect.poll(theme).toBe('Theme: dark');
    await page.locator('[data-path="name"]').fill('Left behind');
    await expect.poll(() => page.locator('[data-testid="doc-title"]').textContent()).toContain('•');
    await page.setViewportSize({ width: 700, height: 600 });
    firstTabId = await page.evaluate((key) => sessionStorage.getItem(key), TAB_ID_KEY);
    expect(firstTabId).not.toBeNull();
    expect(await page.evaluate(() => localStorage.length)).toBeGreaterThan(0);
  });

  it('starts the next test as a first visit: none of it is left', async () => {
    expect(await theme()).toBe('Theme: system');
    expect(await page.locator('[data-path="name"]').inputValue()).toBe('Untitled scenario');
    expect(await page.locator('[data-testid="doc-title"]').textContent()).not.toContain('•');
    expect(page.viewportSize()).toEqual(VIEWPORT);
    expect(await page.evaluate(() => window.innerWidth)).toBe(VIEWPORT.width);
    const tabId = await page.evaluate((key) => sessionStorage.getItem(key), TAB_ID_KEY);
    expect(tabId).not.toBeNull();
    expect(tabId).not.toBe(firstTabId);
  });
});
