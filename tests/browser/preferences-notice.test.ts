import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { openApp, screenshot, skipBrowserTests, usePagePerTest } from './support';

const NOTICE = {
  message:
    'Your preferences file was damaged, so it was moved to /home/u/.config/Tradeoff Explorer/' +
    'preferences.json.bad-2026-12-02T13-20-05.123Z. Kept: theme, your GPUs (1 of 2). Back to defaults: recent files.',
  backupPath: '/home/u/.config/Tradeoff Explorer/preferences.json.bad-2026-12-02T13-20-05.123Z',
};

/**
 * A stand-in for the preload's `window.tradeoff` that answers every request as a fresh desktop
 * app would, and sends the preferences notice as the main process does once the page has loaded.
 */
const DESKTOP_WITH_NOTICE = `
  const answers = { getPreferences: { theme: 'system', defaultLaw: null, defaultHardware: null, customGpus: [] },
    getRecentFiles: [], listDrafts: [] };
  window.tradeoff = new Proxy({}, {
    get: (_target, name) => {
      if (name === 'onPreferencesNotice') {
        return (callback) => {
          window.addEventListener('load', () => callback(${JSON.stringify(NOTICE)}));
          return () => {};
        };
      }
      if (typeof name === 'string' && name.startsWith('on')) return () => () => {};
      if (name === 'getPathForFile') return () => '';
      return () => Promise.resolve(answers[name] ?? null);
    },
  });
`;

describe.skipIf(skipBrowserTests)('the preferences notice', () => {
  let page: Page;
  const currentPage = usePagePerTest({ viewport: { width: 1280, height: 820 } });
  beforeEach(async () => {
    page = currentPage();
  });

  it('names the backup file until the user dismisses it', async () => {
    await page.addInitScript({ content: DESKTOP_WITH_NOTICE });
    const probe = await openApp(page);
    const notice = page.locator('[data-testid="preferences-notice"]');
    await notice.waitFor();
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.textContent()).toContain(NOTICE.backupPath);
    expect(await notice.textContent()).toContain('Kept: theme, your GPUs (1 of 2).');
    await screenshot(page, 'preferences-notice');
    // The rest of the start went as usual: no other message beside the notice.
    expect(await page.locator('[data-testid="status"]').count()).toBe(0);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    expect(probe.problems()).toEqual([]);
  });

  it('is not shown when the host has nothing to tell', async () => {
    const probe = await openApp(page);
    await page.locator('[data-card="lifetime"] [data-field="params"]').waitFor();
    expect(await page.locator('[data-testid="preferences-notice"]').count()).toBe(0);
    expect(probe.problems()).toEqual([]);
  });
});
