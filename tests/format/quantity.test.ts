import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDollars,
  formatPercent,
  formatRatio,
  formatScientific,
  parseQuantity,
} from '../../src/format/quantity';

describe('parsing quantities as people type them', () => {
  it.each([
    ['70e9', 70e9],
    ['70B', 70e9],
    ['70 b', 70e9],
    ['1.4T', 1.4e12],
    ['2,000,000', 2e6],
    ['7E+10', 7e10],
    ['.5M', 5e5],
    ['15k', 15e3],
    ['2P', 2e15],
    ['-3', -3],
  ])('reads %s as %d', (text, value) => {
    expect(parseQuantity(text)).toBe(value);
  });

  it.each(['', 'abc', '1,23', '1..2', 'NaN', 'Infinity', '1e', '5X', 'B'])(
    'refuses %j with an example of what works',
    (text) => {
      expect(() => parseQuantity(text)).toThrow(
        /is not a number; write e\.g\. 70e9, 70B, 1\.4T or 2,000,000/,
      );
    },
  );

  it('refuses numbers beyond double range', () => {
    expect(() => parseQuantity('1e999')).toThrow('too large to represent');
  });

  it('reads back what formatCount writes, to three significant digits', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e20, noNaN: true }), (value) => {
        const reread = parseQuantity(formatCount(value));
        expect(Math.abs(reread - value) / value).toBeLessThan(5e-3);
      }),
    );
  });
});

describe('formatting for people', () => {
  it('writes counts, FLOPs, dollars, ratios and percentages the way the README shows them', () => {
    expect(formatCount(24.18e9)).toBe('24.2B');
    expect(formatCount(2.657e12)).toBe('2.66T');
    expect(formatCount(999.6)).toBe('1K');
    expect(formatCount(512)).toBe('512');
    expect(formatCount(3e22)).toBe('3.00e22');
    expect(formatScientific(4.8227e23)).toBe('4.82e23');
    expect(formatDollars(1.2345e6)).toBe('$1.23M');
    expect(formatDollars(-950)).toBe('−$950');
    expect(formatRatio(160.93)).toBe('161');
    expect(formatRatio(16305.3)).toBe('16,305');
    expect(formatPercent(0.04781)).toBe('4.78 %');
  });

  it('never prints NaN or Infinity', () => {
    for (const format of [formatCount, formatScientific, formatDollars, formatPercent, formatRatio]) {
      expect(format(Number.NaN)).toBe('—');
      expect(format(Number.POSITIVE_INFINITY)).toBe('—');
    }
  });
});
