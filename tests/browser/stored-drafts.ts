/**
 * What the browser version keeps in localStorage for crash recovery, read from the page: the
 * drafts stored under this tab's id (src/renderer/lib/web-api.ts, draftKey).
 */
import type { Page } from 'playwright-core';

/** The stored form of the draft this tab wrote last, or null before it wrote one. */
export async function tabDraft(
  page: Page,
): Promise<{ text?: string; form?: string; savedAt?: string } | null> {
  return page.evaluate(() => {
    const tab = sessionStorage.getItem('tradeoff-explorer.tab-id');
    const prefix = `tradeoff-explorer.draft.${tab}.`;
    const stored = Object.keys(localStorage)
      .filter((key) => key.startsWith(prefix))
      .map((key) => JSON.parse(localStorage.getItem(key) ?? '{}') as { savedAt?: string })
      .sort((a, b) => (b.savedAt ?? '').localeCompare(a.savedAt ?? ''));
    return stored[0] ?? null;
  });
}
