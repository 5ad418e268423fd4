import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatLoss, parseQuantity } from '../../src/format/quantity';
import { screenshot, skipBrowserTests, useAppPerTest } from './support';

function field(page: Page, path: string): Promise<string> {
  return page.locator(`[data-path="${path}"]`).inputValue();
}

async function choose(page: Page, choice: string): Promise<void> {
  await page.locator(`label:has([data-choice="${choice}"])`).click();
  await expect.poll(() => page.locator(`[data-choice="${choice}"]`).isChecked()).toBe(true);
}

/** The answer on screen: the headline, the target loss line and the lifetime card. */
async function answer(page: Page): Promise<string> {
  const parts = await Promise.all(
    ['[data-testid="headline"]', '[data-testid="summary"]', '[data-card="lifetime"]'].map(
      async (selector) => (await page.locator(selector).textContent()) ?? '',
    ),
  );
  return parts.join('\n');
}

describe.skipIf(skipBrowserTests)('switching how the target and the demand are entered', () => {
  let page: Page;

  const currentPage = useAppPerTest({ viewport: { width: 1440, height: 1000 } });
  beforeEach(() => {
    page = currentPage();
  });

  it('carries the values over, so that the results do not change', async () => {
    // A new scenario targets the quality of Chinchilla 70B, served for 10B requests.
    expect(await field(page, 'target.model.params')).toBe('70B');
    expect(await field(page, 'target.model.tokens')).toBe('1.4T');
    const before = await answer(page);
    const shownLoss = /Target loss (\S+)/.exec(before)?.[1];

    await choose(page, 'target-kind:loss');
    const loss = await field(page, 'target.loss');
    // The loss of the 70B model, the one the results were computed for (not the old default 2).
    expect(formatLoss(parseQuantity(loss), 5)).toBe(shownLoss);
    expect(await answer(page)).toBe(before);
    await screenshot(page, 'entry-conversion-target-loss');

    await choose(page, 'target-kind:model');
    expect(await field(page, 'target.model.params')).toBe('70B');
    expect(await field(page, 'target.model.tokens')).toBe('1.4T');
    expect(await answer(page)).toBe(before);

    await choose(page, 'target-kind:loss');
    expect(await field(page, 'target.loss')).toBe(loss);
    expect(await answer(page)).toBe(before);

    await choose(page, 'target-kind:computeOptimalParams');
    expect(parseQuantity(await field(page, 'target.computeOptimalParams'))).toBeLessThan(70e9);
    expect(await answer(page)).toBe(before);

    // Demand: 10B requests of 1,000 + 250 tokens.
    await choose(page, 'demand-kind:rate');
    expect(await field(page, 'demand.days')).toBe('365');
    expect(parseQuantity(await field(page, 'demand.requestsPerDay')) * 365).toBeCloseTo(1e10, -1);
    expect(await answer(page)).toBe(before);
    await screenshot(page, 'entry-conversion-demand-rate');

    await choose(page, 'demand-kind:totals');
    expect(await field(page, 'demand.inputTokens')).toBe('10T');
    expect(await field(page, 'demand.outputTokens')).toBe('2.5T');
    expect(await answer(page)).toBe(before);

    await choose(page, 'demand-kind:requests');
    expect(await field(page, 'demand.requests')).toBe('10B');
    expect(await answer(page)).toBe(before);

    // The answer does follow the inputs: another loss changes it.
    await choose(page, 'target-kind:loss');
    await page.locator('[data-path="target.loss"]').fill('2.1');
    await expect.poll(() => answer(page)).not.toBe(before);
  });
});
