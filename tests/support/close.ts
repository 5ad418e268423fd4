import { expect } from 'vitest';

/** Asserts |actual − expected| ≤ tolerance · |expected| (relative closeness). */
export function expectRelativelyClose(actual: number, expected: number, tolerance: number): void {
  const error = Math.abs(actual - expected) / Math.abs(expected);
  expect(error, `${actual} vs ${expected} (relative error ${error})`).toBeLessThanOrEqual(tolerance);
}

/** Asserts that `value` printed with `digits` significant digits reads `printed`, as papers print. */
export function expectPrinted(value: number, digits: number, printed: string): void {
  expect(Number(value.toPrecision(digits)).toString()).toBe(Number(printed).toString());
}
