import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { STORAGE_KEYS } from '../../src/renderer/lib/web-api';
import { tabDraft } from './stored-drafts';
import { openApp, skipBrowserTests, usePagePerTest } from './support';

/** localStorage as a careless extension or an older version might have left it. */
const CORRUPT_STORAGE = `
  if (!sessionStorage.getItem('seeded')) {
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(${JSON.stringify(STORAGE_KEYS.preferences)}, '{"theme": "pink", "defaultLaw": 42');
    localStorage.setItem(${JSON.stringify(STORAGE_KEYS.recentFiles)}, '{"not": "a list"}');
    localStorage.setItem(${JSON.stringify(STORAGE_KEYS.legacyDraft)}, '{"format": "tradeoff-draft", "text": 1}');
    localStorage.setItem('tradeoff-explorer.draft.closed-tab.doc', '{"format": "tradeoff-draft", "text": 1}');
  }
`;

describe.skipIf(skipBrowserTests)('preferences and drafts in browser storage', () => {
  let page: Page;

  const currentPage = usePagePerTest({ viewport: { width: 1280, height: 820 } });
  beforeEach(async () => {
    page = currentPage();
  });

  it('starts normally from corrupt storage', async () => {
    await page.addInitScript({ content: CORRUPT_STORAGE });
    const probe = await openApp(page);
    await page.locator('[data-card="lifetime"] [data-field="params"]').waitFor();
    await expect.poll(() => page.locator('[data-action="theme"]').textContent()).toContain('system');
    expect(await page.locator('[data-testid="draft-banner"]').count()).toBe(0);
    expect(probe.problems()).toEqual([]);
  });

  it('keeps the theme across a reload', async () => {
    const probe = await openApp(page);
    const theme = page.locator('[data-action="theme"]');
    await expect.poll(() => theme.textContent()).toContain('system');
    await theme.click();
    await expect.poll(() => theme.textContent()).toContain('light');
    await page.reload();
    await expect.poll(() => theme.textContent()).toContain('light');
    expect(probe.problems()).toEqual([]);
  });

  it('warns before leaving unsaved work, and offers it back after a reload', async () => {
    const probe = await openApp(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await page.locator('[data-path="name"]').fill('Unsaved plan');
    await expect.poll(() => page.title()).toBe('• Unsaved plan — Tradeoff Explorer');
    // The draft is written once edits settle (a few hundred milliseconds).
    await expect.poll(async () => (await tabDraft(page)) !== null).toBe(true);

    await page.reload();
    expect(dialogs).toEqual(['beforeunload']);
    await page.locator('[data-action="recover-draft"]').click();
    await expect.poll(() => page.locator('[data-path="name"]').inputValue()).toBe('Unsaved plan');
    expect(probe.problems()).toEqual([]);
  });

  it('keeps half-typed, invalid fields in the draft and gives them back as typed', async () => {
    const probe = await openApp(page);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.locator('[data-path="name"]').fill('Half typed');
    // A valid edit first (its optimum differs from a new scenario's 17.3B), then a half-typed one.
    await page.locator('[data-path="demand.requests"]').fill('5e12');
    await expect
      .poll(() => page.locator('[data-card="lifetime"] [data-field="params"]').textContent())
      .toBe('5.87B');
    await page.locator('[data-path="demand.requests"]').fill('12 bn');
    await page.locator('[data-issue-for="demand.requests"]').waitFor();
    await expect.poll(async () => (await tabDraft(page))?.form?.includes('12 bn') ?? false).toBe(true);

    await page.reload();
    await page.locator('[data-action="recover-draft"]').click();
    await expect.poll(() => page.locator('[data-path="demand.requests"]').inputValue()).toBe('12 bn');
    expect(await page.locator('[data-path="name"]').inputValue()).toBe('Half typed');
    // The field is flagged again, and the results are the last valid scenario's meanwhile.
    await page.locator('[data-issue-for="demand.requests"]').waitFor();
    await page.locator('[data-testid="stale"]').waitFor();
    expect(await page.locator('[data-card="lifetime"] [data-field="params"]').textContent()).toBe('5.87B');
    // And the next draft keeps that scenario, not a new one.
    await page.locator('[data-path="name"]').fill('Half typed again');
    await expect.poll(async () => (await tabDraft(page))?.text ?? '').toMatch(/"requests": 5000000000000/);
    expect(probe.problems()).toEqual([]);
  });
});
