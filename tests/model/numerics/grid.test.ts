import { describe, expect, it } from 'vitest';
import { logSpace, MAX_GRID_POINTS } from '../../../src/model/numerics/grid';

describe('logSpace', () => {
  it('spaces values evenly in log, ends exact', () => {
    const values = logSpace(1e-3, 1e3, 7);
    expect(values[0]).toBe(1e-3);
    expect(values[6]).toBe(1e3);
    values.forEach((value, i) => expect(Math.log10(value)).toBeCloseTo(i - 3, 12));
  });

  it('gives a falling grid when from > to, and the single value for one point', () => {
    const values = logSpace(100, 1, 3);
    expect(values[0]).toBe(100);
    expect(values[1]).toBeCloseTo(10, 12);
    expect(values[2]).toBe(1);
    expect(logSpace(7, 9, 1)).toEqual([7]);
  });

  it('rejects non-positive ends and bad counts', () => {
    expect(() => logSpace(0, 1, 3)).toThrow('the first value must be');
    expect(() => logSpace(1, -1, 3)).toThrow('the last value must be');
    expect(() => logSpace(1, 2, 0)).toThrow('whole number');
    expect(() => logSpace(1, 2, 2.5)).toThrow('whole number');
    expect(() => logSpace(1, 2, MAX_GRID_POINTS + 1)).toThrow('whole number');
  });
});
