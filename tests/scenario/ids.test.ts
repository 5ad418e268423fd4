import { describe, expect, it } from 'vitest';
import { ID_PATTERN, isId } from '../../src/scenario';

describe('ids', () => {
  it.each(['sardana2024', 'H100-SXM', 'my-gpu_2', 'a', 'A.1', 'x'.repeat(64)])('%s is an id', (id) => {
    expect(isId(id)).toBe(true);
    expect(new RegExp(ID_PATTERN).test(id)).toBe(true);
  });

  it.each(['', '-gpu', '.hidden', '../x', 'has space', 'x'.repeat(65), 'ü', 'a/b'])('%j is not', (id) => {
    expect(isId(id)).toBe(false);
  });

  it('is only ever text', () => {
    for (const value of [null, undefined, 42, ['a'], { id: 'a' }]) expect(isId(value)).toBe(false);
  });
});
