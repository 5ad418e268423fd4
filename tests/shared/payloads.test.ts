import { describe, expect, it } from 'vitest';
import { MAX_SCENARIO_BYTES } from '../../src/scenario';
import {
  describeIssues,
  documentState,
  draftId,
  draftRequest,
  exportRequest,
  filePath,
  flag,
  noPayload,
  PayloadError,
  record,
  saveScenarioRequest,
  url,
} from '../../src/shared/payloads';
import { valid } from '../support/scenarios';

const SCENARIO = valid({
  name: 'Run',
  target: { loss: 2.5 },
  demand: { inputTokens: 1e12, outputTokens: 1e11 },
});

describe('the building blocks', () => {
  it('record accepts a plain object with known fields only', () => {
    expect(record('r', { a: 1 }, ['a', 'b'])).toEqual({ a: 1 });
    expect(() => record('r', { c: 1 }, ['a'])).toThrow('Invalid r request: unexpected field "c"');
    for (const value of [null, [], 'x', 1, undefined]) {
      expect(() => record('r', value, ['a'])).toThrow('Invalid r request: expected an object');
    }
  });

  it('describeIssues lists the first five with their paths', () => {
    const issues = Array.from({ length: 7 }, (_, i) => ({ path: i ? `f${i}` : '', message: `bad ${i}` }));
    expect(describeIssues(issues)).toBe(
      '(root): bad 0; f1: bad 1; f2: bad 2; f3: bad 3; f4: bad 4 (and 2 more)',
    );
  });

  it('errors are PayloadErrors naming the request', () => {
    const error = (() => {
      try {
        flag('yes', 'confirmClose');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(PayloadError);
    expect(String(error)).toBe('PayloadError: Invalid confirmClose request: expected true or false');
  });
});

describe('validators', () => {
  it('noPayload takes nothing', () => {
    expect(noPayload(undefined, 'listDrafts')).toBeUndefined();
    expect(() => noPayload({}, 'listDrafts')).toThrow('Invalid listDrafts request: expected no arguments');
    expect(() => noPayload(null, 'listDrafts')).toThrow(/expected no arguments/);
  });

  it('filePath takes a non-empty path without NUL, of bounded length', () => {
    expect(filePath('/a/b.json', 'r')).toBe('/a/b.json');
    expect(() => filePath(3, 'r')).toThrow('"path" must be a string');
    expect(() => filePath('', 'r')).toThrow('"path" must be a non-empty file path');
    expect(() => filePath('a\0b', 'r')).toThrow(/non-empty file path/);
    expect(() => filePath('x'.repeat(4097), 'r')).toThrow('"path" is longer than 4096 characters');
  });

  it('saveScenarioRequest takes a path or null and a valid scenario', () => {
    expect(saveScenarioRequest({ path: null, scenario: SCENARIO }, 'saveScenario')).toEqual({
      path: null,
      scenario: SCENARIO,
    });
    expect(() => saveScenarioRequest({ path: null, scenario: { target: 'x' } }, 'saveScenario')).toThrow(
      /Invalid saveScenario request: the scenario is not valid: target: /,
    );
    expect(() => saveScenarioRequest({ scenario: SCENARIO }, 's')).toThrow(/"path" must be a string/);
    expect(() => saveScenarioRequest({ path: null, scenario: SCENARIO, x: 1 }, 's')).toThrow(
      /unexpected field "x"/,
    );
  });

  it('draftRequest names the document’s draft by a safe id, never a path', () => {
    expect(draftRequest({ id: 'doc-1_A', path: null, scenario: SCENARIO }, 'setDraft')).toMatchObject({
      id: 'doc-1_A',
    });
    for (const id of [undefined, '', '../../etc/passwd', 'a/b', 'a.b', 'x'.repeat(65), 3]) {
      expect(() => draftRequest({ id, path: null, scenario: SCENARIO }, 'setDraft')).toThrow(
        'Invalid setDraft request: "id" must be 1 to 64 letters, digits, "-" or "_"',
      );
    }
    expect(draftId('abc', 'clearDraft')).toBe('abc');
    expect(() => draftId('..', 'clearDraft')).toThrow(/Invalid clearDraft request: "id"/);
  });

  it('draftRequest also takes the fields as typed, as bounded text', () => {
    expect(draftRequest({ id: 'd', path: '/a.json', scenario: SCENARIO, form: '{}' }, 'setDraft')).toEqual({
      id: 'd',
      path: '/a.json',
      scenario: SCENARIO,
      form: '{}',
    });
    expect(draftRequest({ id: 'd', path: null, scenario: SCENARIO }, 'setDraft')).not.toHaveProperty('form');
    expect(() => draftRequest({ id: 'd', path: null, scenario: SCENARIO, form: {} }, 'setDraft')).toThrow(
      /"form" must be a string/,
    );
    expect(() =>
      draftRequest(
        { id: 'd', path: null, scenario: SCENARIO, form: 'x'.repeat(MAX_SCENARIO_BYTES + 1) },
        'setDraft',
      ),
    ).toThrow(/"form" is longer than/);
  });

  it('exportRequest takes a known kind, a bounded name and bounded content', () => {
    const request = { suggestedName: 'plan', content: 'a,b', kind: 'csv' };
    expect(exportRequest(request, 'exportResults')).toEqual(request);
    expect(() => exportRequest({ ...request, kind: 'html' }, 'e')).toThrow(/"kind" must be one of csv, md$/);
    expect(() => exportRequest({ ...request, suggestedName: 'x'.repeat(256) }, 'e')).toThrow(
      /"suggestedName" is longer than 255/,
    );
    expect(() => exportRequest({ ...request, content: 7 }, 'e')).toThrow(/"content" must be a string/);
  });

  it('documentState takes a bounded title and a dirty flag', () => {
    expect(documentState({ title: 'Run', dirty: true }, 'd')).toEqual({ title: 'Run', dirty: true });
    expect(() => documentState({ title: 'Run', dirty: 'yes' }, 'd')).toThrow(/"dirty" must be a boolean/);
    expect(() => documentState({ title: 'x'.repeat(201), dirty: true }, 'd')).toThrow(
      /"title" is longer than 200/,
    );
  });

  it('flag and url take their one value', () => {
    expect(flag(false, 'c')).toBe(false);
    expect(url('https://example.com/', 'o')).toBe('https://example.com/');
    expect(() => url({ url: 'https://x' }, 'o')).toThrow(/"url" must be a string/);
    expect(() => url(`https://x/${'a'.repeat(2048)}`, 'o')).toThrow(/"url" is longer than 2048/);
  });
});
