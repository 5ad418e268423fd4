import { describe, expect, it } from 'vitest';
import { readableMembers } from '../../src/shared/json-salvage';

describe('readableMembers', () => {
  it('returns every member of a text that parses', () => {
    expect(readableMembers('{"a": 1, "b": [1, 2], "c": {"d": "}"}}')).toEqual({
      a: 1,
      b: [1, 2],
      c: { d: '}' },
    });
  });

  it('ignores a byte-order mark', () => {
    expect(readableMembers('\uFEFF{"a": 1}')).toEqual({ a: 1 });
  });

  it('keeps the complete members of a text cut short', () => {
    expect(readableMembers('{"a": "x,y", "b": [1, {"c": 2}], "d": ["long')).toEqual({
      a: 'x,y',
      b: [1, { c: 2 }],
    });
    expect(readableMembers('{"a": 1')).toEqual({ a: 1 });
  });

  it('skips a member that is not JSON and keeps the rest', () => {
    expect(readableMembers('{"a": dark, "b": "say \\"hi\\", then", "c": 3}')).toEqual({
      b: 'say "hi", then',
      c: 3,
    });
  });

  it('reads nothing from text that is not an object', () => {
    expect(readableMembers('[{"a": 1}]')).toEqual({});
    expect(readableMembers('null')).toEqual({});
    expect(readableMembers('')).toEqual({});
    expect(readableMembers('\uFFFD\u0000{')).toEqual({});
  });

  it('keeps a "__proto__" key as a plain member, never as the prototype', () => {
    const members = readableMembers('{"__proto__": {"polluted": true}, "a": 1, "b": oops}');
    expect(Object.hasOwn(members, '__proto__')).toBe(true);
    expect((members as { polluted?: unknown }).polluted).toBeUndefined();
    expect(members['a']).toBe(1);
  });
});
