/**
 * axe-core on a page of the app: the WCAG 2.1 A and AA rules, and of what they find only the
 * serious and critical violations, one readable line per element (rule, where, what is wrong).
 *
 * `@axe-core/playwright` works with playwright-core alone (its only peer dependency). It runs axe
 * through `page.evaluate`, which the page's Content-Security-Policy does not govern, so the app's
 * CSP (no inline scripts, no eval) stays as shipped. Legacy mode runs axe in the page itself: the
 * app has no frames, and the default mode opens an extra blank page for every run to merge frames.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const REPORTED = new Set(['serious', 'critical']);

/**
 * The serious and critical WCAG 2.1 A/AA violations on the page as it is now, e.g.
 * `color-contrast at .legend li: Fix any of the following: Element has insufficient color contrast …`;
 * empty when there are none. `within` limits the check to one part of the page (a dialog).
 */
export async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_21_AA).setLegacyMode(true);
  if (within) builder = builder.include(within);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => REPORTED.has(violation.impact ?? ''))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} at ${node.target.join(' ')}: ${(node.failureSummary ?? violation.help).replace(/\s+/g, ' ')}`,
      ),
    );
}
