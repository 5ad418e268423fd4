import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDollars,
  formatPercent,
  formatRatio,
  formatScientific,
  formatShare,
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
    expect(formatCount(3e22)).toBe('3e22');
    expect(formatScientific(4.8227e23)).toBe('4.82e23');
    expect(formatDollars(1.2345e6)).toBe('$1.23M');
    expect(formatDollars(-950)).toBe('−$950');
    expect(formatRatio(160.93)).toBe('161');
    expect(formatRatio(16305.3)).toBe('16,305');
    expect(formatPercent(0.04781)).toBe('4.78 %');
  });

  it('uses no scale letter beyond T: a planner reads 1.2e15, not 1.2P', () => {
    expect(formatCount(999.4e12)).toBe('999T');
    expect(formatCount(999.6e12)).toBe('1e15');
    expect(formatCount(1.234e15)).toBe('1.23e15');
    expect(formatCount(2e18)).toBe('2e18');
    expect(formatDollars(3.4e15)).toBe('$3.4e15');
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e300, noNaN: true }), (value) => {
        expect(formatCount(value)).toMatch(/^[\d.]+(?:[KMBT]|e\d+)?$/);
      }),
    );
  });

  it('writes FLOPs as papers do, without trailing zeros, and zero as 0', () => {
    expect(formatScientific(1e23)).toBe('1e23');
    expect(formatScientific(2.5e23)).toBe('2.5e23');
    expect(formatScientific(4.8027e23)).toBe('4.8e23');
    expect(formatScientific(-3.14159e-3)).toBe('-3.14e-3');
    expect(formatScientific(0)).toBe('0');
  });

  it('writes shares in sentences with two significant digits, never rounding up to all', () => {
    expect(formatShare(0.11237)).toBe('11 %');
    expect(formatShare(0.0478)).toBe('4.8 %');
    expect(formatShare(0.00123)).toBe('0.12 %');
    expect(formatShare(-0.031)).toBe('-3.1 %');
    expect(formatShare(0.99996)).toBe('99.99 %');
    expect(formatShare(1)).toBe('100 %');
    expect(formatShare(805048.73)).toBe('80,504,873 %');
  });

  it('never prints NaN or Infinity', () => {
    for (const format of [
      formatCount,
      formatScientific,
      formatDollars,
      formatPercent,
      formatRatio,
      formatShare,
    ]) {
      expect(format(Number.NaN)).toBe('—');
      expect(format(Number.POSITIVE_INFINITY)).toBe('—');
    }
  });
});
