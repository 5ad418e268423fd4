import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { draftKey } from '../../src/renderer/lib/web-api';
import { closedTabDraft, seed, tabDraft } from './stored-drafts';
import { openApp, screenshot, skipBrowserTests, usePagePerTest } from './support';

function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('tradeoff-explorer.draft.'))
      .sort(),
  );
}

/**
 * Drafts are written once edits settle (400 ms) and the app solves each edit first: on a busy
 * machine that takes seconds, so conditions get this long to come true.
 */
const SETTLED = { timeout: 20_000 };

/** Loading the app can take long on a busy machine: pages get this long to load and act. */
const PAGE_TIMEOUT_MS = 90_000;

const banner = (page: Page) => page.locator('[data-testid="draft-banner"]');
const nameField = (page: Page) => page.locator('[data-path="name"]');

// Each test loads the app in one to three tabs: more than the usual time on a shared 2-core machine.
describe.skipIf(skipBrowserTests)('crash drafts in the browser', { timeout: 120_000 }, () => {
  let page: Page;
  const currentPage = usePagePerTest({ viewport: { width: 1280, height: 820 } });
  beforeEach(() => {
    page = currentPage();
    page.context().setDefaultTimeout(PAGE_TIMEOUT_MS);
  });

  it('keeps the draft on offer until the user restores it', async () => {
    const key = draftKey('closed-tab', 'crashed-doc');
    await page.addInitScript({
      content: seed({ [key]: closedTabDraft('Left by a crash', '2026-01-01T10:00:00Z') }),
    });
    await page.clock.install();
    const probe = await openApp(page);
    await expect.poll(() => banner(page).textContent(), SETTLED).toContain('“Left by a crash”');
    // Well past the draft delay (400 ms), after which the fresh page used to delete the draft.
    await page.clock.runFor(5_000);
    expect(await storedKeys(page)).toEqual([key]);
    await page.locator('[data-action="recover-draft"]').click();
    await expect.poll(() => nameField(page).inputValue(), SETTLED).toBe('Left by a crash');
    expect(await banner(page).count()).toBe(0);
    // Restored, it is this document's draft: kept under this tab now, with the next edit.
    await nameField(page).fill('Left by a crash, edited');
    await page.clock.runFor(5_000);
    await expect
      .poll(async () => (await tabDraft(page))?.text ?? '', SETTLED)
      .toContain('Left by a crash, edited');
    expect(await storedKeys(page)).toHaveLength(1);
    expect(probe.problems()).toEqual([]);
  });

  it('offers each of several drafts, to restore or discard one by one', async () => {
    await page.addInitScript({
      content: seed({
        [draftKey('tab-1', 'older')]: closedTabDraft('Older plan', '2026-01-01T10:00:00Z'),
        [draftKey('tab-2', 'newer')]: closedTabDraft('Newer plan', '2026-01-02T10:00:00Z'),
      }),
    });
    const probe = await openApp(page);
    const items = banner(page).locator('li');
    await expect.poll(() => items.count(), SETTLED).toBe(2);
    expect(await items.first().textContent()).toContain('“Newer plan”');
    await screenshot(page, 'drafts-offered');
    await items.first().locator('[data-action="discard-draft"]').click();
    await expect.poll(() => storedKeys(page), SETTLED).toEqual([draftKey('tab-1', 'older')]);
    await expect.poll(() => banner(page).textContent(), SETTLED).toContain('“Older plan”');
    await banner(page).locator('[data-action="recover-draft"]').click();
    await expect.poll(() => nameField(page).inputValue(), SETTLED).toBe('Older plan');
    expect(await banner(page).count()).toBe(0);
    expect(probe.problems()).toEqual([]);
  });

  // Three tabs load the app: more than one test's usual time on a shared 2-core machine.
  it(
    'keeps two tabs’ drafts apart, and offers a closed tab’s draft to the next tab',
    { timeout: 90_000 },
    async () => {
      const tabA = page;
      const tabB = await tabA.context().newPage();
      const probes = [await openApp(tabA), await openApp(tabB)];
      await nameField(tabA).fill('Plan of tab A');
      await nameField(tabB).fill('Plan of tab B');
      await expect.poll(async () => (await tabDraft(tabA))?.text ?? '', SETTLED).toContain('Plan of tab A');
      await expect.poll(async () => (await tabDraft(tabB))?.text ?? '', SETTLED).toContain('Plan of tab B');
      expect(await storedKeys(tabA)).toHaveLength(2);

      // Both tabs are open: a new tab is offered neither of their drafts.
      const tabC = await tabA.context().newPage();
      probes.push(await openApp(tabC));
      await tabC.locator('[data-card="lifetime"] [data-field="params"]').waitFor();
      expect(await banner(tabC).count()).toBe(0);

      // Tab A goes away (a crash, or closed without saving): another tab is offered its work.
      await tabA.close();
      await tabC.reload();
      const tabD = tabC;
      await expect.poll(() => banner(tabD).textContent(), SETTLED).toContain('“Plan of tab A”');
      expect(await banner(tabD).textContent()).not.toContain('Plan of tab B');
      await tabD.locator('[data-action="recover-draft"]').click();
      await expect.poll(() => nameField(tabD).inputValue(), SETTLED).toBe('Plan of tab A');
      // Tab B's work was never touched.
      expect((await tabDraft(tabB))?.text).toContain('Plan of tab B');
      expect(probes.flatMap((probe) => probe.problems())).toEqual([]);
    },
  );

  it('says when unsaved changes cannot be backed up, until they can', async () => {
    await page.addInitScript({
      content: `
        const setItem = Storage.prototype.setItem;
        window.__storageFull = true;
        Storage.prototype.setItem = function (key, value) {
          if (window.__storageFull && key.startsWith('tradeoff-explorer.draft.')) {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }
          return setItem.call(this, key, value);
        };
      `,
    });
    const probe = await openApp(page);
    const notice = page.locator('[data-testid="backup-failure"]');
    await nameField(page).fill('Nowhere to go');
    await expect
      .poll(() => notice.textContent(), SETTLED)
      .toBe('Unsaved changes are not being backed up: the browser’s storage for this site is full');
    expect(await notice.getAttribute('role')).toBe('alert');
    await screenshot(page, 'drafts-backup-failing');
    await page.evaluate(() => ((window as unknown as { __storageFull: boolean }).__storageFull = false));
    await nameField(page).fill('Room again');
    await expect.poll(() => notice.count(), SETTLED).toBe(0);
    expect((await tabDraft(page))?.text).toContain('Room again');
    expect(probe.problems()).toEqual([]);
  });
});
