/**
 * What the browser version keeps in localStorage for crash recovery (src/renderer/lib/web-api.ts,
 * draftKey): drafts to seed before the app loads, and the one this tab wrote, read from the page.
 */
import type { Page } from 'playwright-core';
import { newScenario } from '../../src/renderer/lib/new-scenario';
import { serializeScenario } from '../../src/scenario';
import { draftBody } from '../../src/shared/documents';

/** The stored draft of a scenario named `name`, as a tab that is now closed left it. */
export function closedTabDraft(name: string, savedAt: string): string {
  const scenario = { ...newScenario({ defaultLaw: null, defaultHardware: null }), name };
  return draftBody({ path: null, text: serializeScenario(scenario) }, new Date(savedAt));
}

/** Seeds localStorage once per tab (a reload keeps what the app did to it since). */
export function seed(entries: Record<string, string>): string {
  return `
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      for (const [key, value] of Object.entries(${JSON.stringify(entries)})) localStorage.setItem(key, value);
    }
  `;
}

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
