import { describe, expect, it } from 'vitest';
import { MAX_DUPLICATES_REPORTED, MAX_NESTING, scanJsonStructure } from '../../src/scenario/json-structure';

/** The repeated keys the scan finds. */
const findDuplicateKeys = (text: string) => scanJsonStructure(text).duplicates;
import { parseScenarioText } from '../../src/scenario';

const SCENARIO = {
  target: { loss: 2.1 },
  demand: { inputTokens: 1e12, outputTokens: 1e11 },
};

describe('findDuplicateKeys', () => {
  it('finds none in objects whose keys differ, nor in keys repeated across objects', () => {
    expect(findDuplicateKeys('{"a": {"x": 1}, "b": {"x": 2}, "c": [{"x": 3}, {"x": 4}]}')).toEqual([]);
  });

  it('names a repeated top-level key with its path and both lines', () => {
    expect(findDuplicateKeys('{\n  "name": "a",\n  "notes": "",\n  "name": "b"\n}')).toEqual([
      { key: 'name', path: 'name', firstLine: 2, line: 4 },
    ]);
  });

  it('names nested keys by their JSON path, inside objects and arrays', () => {
    const text = [
      '{',
      '  "training": {"gpu": "H100", "dtype": "bf16",',
      '    "gpu": "A100-80GB"},',
      '  "gpus": [{"id": "a"}, {"id": "b", "peakFlops": {"bf16": 1, "bf16": 2}}]',
      '}',
    ].join('\n');
    expect(findDuplicateKeys(text)).toEqual([
      { key: 'gpu', path: 'training.gpu', firstLine: 2, line: 3 },
      { key: 'bf16', path: 'gpus[1].peakFlops.bf16', firstLine: 4, line: 4 },
    ]);
  });

  it('sees through escapes: "na\\u006de" is "name"', () => {
    expect(findDuplicateKeys('{"name": "a", "na\\u006de": "b"}')).toEqual([
      { key: 'name', path: 'name', firstLine: 1, line: 1 },
    ]);
  });

  it('is not misled by braces, quotes, colons and commas inside strings', () => {
    const text = '{"notes": "a \\"quoted\\" {b: [1, 2]}, \\\\", "name": "x,\\"name\\": 1", "n\\"ame": 2}';
    expect(findDuplicateKeys(text)).toEqual([]);
  });

  it('reports each repetition of a key given three times', () => {
    expect(findDuplicateKeys('{"a": 1,\n"a": 2,\n"a": 3}').map(({ line }) => line)).toEqual([2, 3]);
  });

  it('stops after the first ten repetitions of a file that repeats keys by the thousand', () => {
    const text = `{${Array.from({ length: 50_000 }, () => '"a": 1').join(',\n')}}`;
    const found = findDuplicateKeys(text);
    expect(found).toHaveLength(MAX_DUPLICATES_REPORTED);
    expect(found.at(-1)).toEqual({ key: 'a', path: 'a', firstLine: 1, line: 11 });
  });

  it('names a key repeated at the deepest nesting allowed by its path', () => {
    const depth = MAX_NESTING - 1;
    const text = `${'['.repeat(depth)}{"k": 1, "k": 2}${']'.repeat(depth)}`;
    expect(scanJsonStructure(text)).toEqual({
      duplicates: [{ key: 'k', path: `${'[0]'.repeat(depth)}.k`, firstLine: 1, line: 1 }],
    });
  });

  it('stops at the first level past the limit, where a megabyte of brackets would stall JSON.parse', () => {
    const text = `[\n${'['.repeat(500_000)}${']'.repeat(500_001)}`;
    expect(scanJsonStructure(text)).toEqual({ duplicates: [], tooDeepAtLine: 2 });
  });

  it('answers on text that is not JSON: an unclosed string, a bad escape, stray brackets', () => {
    expect(scanJsonStructure('{"a": "unclosed')).toEqual({ duplicates: [] });
    expect(scanJsonStructure('{"\\x": 1, "\\x": 2, "\\q')).toEqual({
      duplicates: [{ key: '\\x', path: '\\x', firstLine: 1, line: 1 }],
    });
    expect(scanJsonStructure(']]]}}{"a": 1')).toEqual({ duplicates: [] });
  });
});

describe('parseScenarioText on duplicate keys', () => {
  it('refuses a scenario whose name is given twice, naming the key, its path and its line', () => {
    const text = JSON.stringify(SCENARIO, null, 2).replace('{', '{\n  "name": "a",\n  "name": "b",');
    expect(parseScenarioText(text)).toEqual({
      ok: false,
      issues: [
        {
          path: 'name',
          message:
            'the key "name" is repeated on line 3 (first on line 2); JSON readers keep only the last, so give it once',
        },
      ],
    });
  });

  it('refuses a nested repeated key spelt with an escape', () => {
    const text = `{"target": {"loss": 2.1, "lo\\u0073s": 1.9}, "demand": ${JSON.stringify(SCENARIO.demand)}}`;
    const result = parseScenarioText(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((issue) => issue.path)).toEqual(['target.loss']);
  });

  it('refuses nesting past the limit before parsing', () => {
    expect(parseScenarioText(`${'['.repeat(400_000)}${']'.repeat(400_000)}`)).toEqual({
      ok: false,
      issues: [
        { path: '', message: `nested more than ${MAX_NESTING} levels deep at line 1; not a scenario` },
      ],
    });
  });

  it('accepts the same scenario with each key once', () => {
    expect(parseScenarioText(JSON.stringify(SCENARIO)).ok).toBe(true);
  });
});
