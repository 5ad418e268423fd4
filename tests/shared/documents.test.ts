import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NAME, MAX_SCENARIO_BYTES } from '../../src/scenario';
import {
  APP_NAME,
  baseName,
  checkScenarioFileName,
  documentFileName,
  documentTitle,
  draftBody,
  DraftTooLargeError,
  EXPORT_FILE_TYPES,
  EXPORT_KINDS,
  exportFileName,
  isDraftId,
  isFilePath,
  MAX_DRAFT_BYTES,
  MAX_PATH_LENGTH,
  MAX_RECENT_FILES,
  MAX_TITLE_LENGTH,
  newDraftId,
  parseDraft,
  pushRecent,
  safeFileName,
  SCENARIO_FILE_TYPE,
  scenarioFileName,
  utf8Length,
  withExtension,
} from '../../src/shared/documents';

const NOW = new Date('2026-01-02T03:04:05.000Z');

describe('file names', () => {
  it.each([
    ['run', 'run.tradeoff.json'],
    ['run.json', 'run.tradeoff.json'],
    ['run.tradeoff.json', 'run.tradeoff.json'],
    ['run.TRADEOFF.JSON', 'run.TRADEOFF.JSON'],
    ['/a/run', '/a/run.tradeoff.json'],
    ['/a/run.json', '/a/run.tradeoff.json'],
  ])('withExtension(%s) → %s', (input, expected) => {
    expect(withExtension(input, '.tradeoff.json')).toBe(expected);
  });

  it('adds simple extensions once', () => {
    expect(withExtension('results', '.csv')).toBe('results.csv');
    expect(withExtension('results.csv', '.csv')).toBe('results.csv');
    expect(withExtension('results.json', '.csv')).toBe('results.json.csv');
  });

  it('makes file names from free text', () => {
    expect(safeFileName('My plan: v2/3', 'x')).toBe('My plan- v2-3');
    expect(safeFileName('a\\b*c?d"e<f>g|h\u0001i', 'x')).toBe('a-b-c-d-e-f-g-h-i');
    expect(safeFileName('  ..hidden.  ', 'x')).toBe('hidden');
    expect(safeFileName('...', 'fallback')).toBe('fallback');
    expect(safeFileName('', 'fallback')).toBe('fallback');
    expect(safeFileName('a'.repeat(300), 'x')).toHaveLength(100);
  });

  it('never yields a name with a separator or that climbs out of its folder', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const name = safeFileName(text, 'x');
        expect(name).not.toMatch(/[\\/]/);
        expect(name).not.toMatch(/^\./);
        expect(name.length).toBeGreaterThan(0);
      }),
    );
  });

  it('takes the file name of a path, whatever the separator', () => {
    expect(baseName('/home/me/plan.json')).toBe('plan.json');
    expect(baseName('C:\\Users\\me\\plan.json')).toBe('plan.json');
    expect(baseName('plan.json')).toBe('plan.json');
  });

  it('names a new scenario after itself, and a saved one after its file', () => {
    expect(scenarioFileName('70B chatbot: v2')).toBe('70B chatbot- v2.tradeoff.json');
    expect(scenarioFileName('  ')).toBe('Untitled scenario.tradeoff.json');
    expect(documentFileName('C:\\Users\\me\\plan.json')).toBe('plan.tradeoff.json');
    expect(documentFileName('/docs/plan.tradeoff.json')).toBe('plan.tradeoff.json');
  });

  it('offers exports under the file name of the suggestion only, with the kind’s extension', () => {
    expect(exportFileName('../../etc/results: run 1', 'csv')).toBe('results- run 1.csv');
    expect(exportFileName('plan.md', 'md')).toBe('plan.md');
    expect(exportFileName('', 'csv')).toBe('results.csv');
    expect(exportFileName('reports\\', 'md')).toBe('results.md');
  });

  it('has a file type for scenarios and for every export kind', () => {
    expect(SCENARIO_FILE_TYPE).toEqual({
      extension: '.json',
      mimeType: 'application/json',
      description: 'Tradeoff scenario (*.tradeoff.json)',
    });
    expect(Object.keys(EXPORT_FILE_TYPES).sort()).toEqual([...EXPORT_KINDS].sort());
    for (const kind of EXPORT_KINDS) expect(EXPORT_FILE_TYPES[kind].extension).toBe(`.${kind}`);
  });

  it('opens only JSON files as scenarios', () => {
    expect(() => checkScenarioFileName('plan.tradeoff.json')).not.toThrow();
    expect(() => checkScenarioFileName('PLAN.JSON')).not.toThrow();
    expect(() => checkScenarioFileName('id_rsa')).toThrow('id_rsa is not a scenario file (*.tradeoff.json)');
    expect(() => checkScenarioFileName('notes.json.txt')).toThrow(/not a scenario file/);
  });

  it('knows a file path the page may name', () => {
    expect(isFilePath('/a/b.json')).toBe(true);
    expect(isFilePath('plan.json')).toBe(true);
    expect(isFilePath('')).toBe(false);
    expect(isFilePath('a\0b')).toBe(false);
    expect(isFilePath('x'.repeat(MAX_PATH_LENGTH + 1))).toBe(false);
    expect(isFilePath(42)).toBe(false);
  });
});

describe('Open Recent', () => {
  it('puts the newest first, once, and keeps at most the limit', () => {
    expect(pushRecent(['a', 'b', 'c'], 'c')).toEqual(['c', 'a', 'b']);
    let list: string[] = [];
    for (let i = 0; i < 25; i++) list = pushRecent(list, `f${i}`);
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(list[0]).toBe('f24');
  });

  it('treats entries as the same by the given rule', () => {
    const sameIgnoringCase = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    expect(pushRecent(['A.json', 'b.json'], 'a.json', sameIgnoringCase)).toEqual(['a.json', 'b.json']);
    expect(pushRecent(['A.json', 'b.json'], 'a.json')).toEqual(['a.json', 'A.json', 'b.json']);
  });
});

describe('documentTitle', () => {
  it('names the document and marks unsaved changes', () => {
    expect(documentTitle({ title: 'Run', dirty: false })).toBe(`Run — ${APP_NAME}`);
    expect(documentTitle({ title: 'Run', dirty: true })).toBe(`• Run — ${APP_NAME}`);
    expect(documentTitle({ title: 'Run', dirty: true }, false)).toBe(`Run — ${APP_NAME}`);
    expect(documentTitle({ title: '', dirty: true })).toBe(APP_NAME);
  });
});

describe('the crash draft', () => {
  const TEXT = '{\n  "format": "tradeoff-scenario",\n  "name": "Draft \\"one\\""\n}\n';

  it('reads back what was written', () => {
    const form = '{"target":{"loss":"1.5"}}';
    expect(parseDraft(draftBody({ path: '/work/run.tradeoff.json', text: TEXT, form }, NOW), 'd1')).toEqual({
      id: 'd1',
      name: 'Draft "one"',
      path: '/work/run.tradeoff.json',
      text: TEXT,
      form,
      savedAt: NOW.toISOString(),
    });
    expect(parseDraft(draftBody({ path: null, text: TEXT }, NOW), 'd1')).toEqual({
      id: 'd1',
      name: 'Draft "one"',
      path: null,
      text: TEXT,
      savedAt: NOW.toISOString(),
    });
  });

  it('keeps its stored fields and format', () => {
    expect(JSON.parse(draftBody({ path: null, text: 'x', form: 'y' }, NOW))).toEqual({
      format: 'tradeoff-draft',
      path: null,
      text: 'x',
      form: 'y',
      savedAt: NOW.toISOString(),
    });
  });

  it('drops the fields as typed rather than the scenario when both do not fit', () => {
    // JSON escapes a control character to six bytes: a million of them cannot fit in a draft.
    const body = draftBody({ path: null, text: TEXT, form: '\u0001'.repeat(MAX_SCENARIO_BYTES) }, NOW);
    expect(parseDraft(body, 'd1')).toEqual({
      id: 'd1',
      name: 'Draft "one"',
      path: null,
      text: TEXT,
      savedAt: NOW.toISOString(),
    });
    const longForm = draftBody({ path: null, text: TEXT, form: 'x'.repeat(MAX_SCENARIO_BYTES + 1) }, NOW);
    expect(parseDraft(longForm, 'd1')).not.toHaveProperty('form');
  });

  it('refuses a scenario that could never be read back', () => {
    expect(() => draftBody({ path: null, text: '\u0001'.repeat(MAX_SCENARIO_BYTES) }, NOW)).toThrow(
      DraftTooLargeError,
    );
    expect(() => draftBody({ path: null, text: 'x'.repeat(MAX_SCENARIO_BYTES + 1) }, NOW)).toThrow(
      DraftTooLargeError,
    );
    expect(() => draftBody({ path: '', text: TEXT }, NOW)).toThrow(/path/);
  });

  it('writes only drafts it reads back', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ minLength: 1 }), { nil: null }),
        fc.string(),
        fc.option(fc.string(), { nil: undefined }),
        (path, text, form) => {
          let body: string;
          try {
            body = draftBody({ path, text, ...(form === undefined ? {} : { form }) }, NOW);
          } catch {
            return;
          }
          expect(utf8Length(body)).toBeLessThanOrEqual(MAX_DRAFT_BYTES);
          expect(parseDraft(body, 'd1')).toMatchObject({ path, text });
        },
      ),
    );
  });

  it.each([
    ['not JSON', '{"format":'],
    ['a list', '[]'],
    ['another format', JSON.stringify({ format: 'other', path: null, text: '{}', savedAt: NOW })],
    ['no text', JSON.stringify({ format: 'tradeoff-draft', path: null, savedAt: NOW })],
    ['a bad path', JSON.stringify({ format: 'tradeoff-draft', path: 3, text: '{}', savedAt: NOW })],
    ['an empty path', JSON.stringify({ format: 'tradeoff-draft', path: '', text: '{}', savedAt: NOW })],
    [
      'a bad time',
      JSON.stringify({ format: 'tradeoff-draft', path: null, text: '{}', savedAt: 'yesterday' }),
    ],
    [
      'a form not text',
      JSON.stringify({ format: 'tradeoff-draft', path: null, text: '{}', form: 7, savedAt: NOW }),
    ],
    [
      'a scenario too long',
      JSON.stringify({
        format: 'tradeoff-draft',
        path: null,
        text: 'x'.repeat(MAX_SCENARIO_BYTES + 1),
        savedAt: NOW,
      }),
    ],
  ])('discards a damaged draft (%s)', (_label, raw) => {
    expect(parseDraft(raw, 'd1')).toBeNull();
  });

  it('names a draft by its scenario, or the default name when the scenario does not say', () => {
    const named = (text: string) => parseDraft(draftBody({ path: null, text }, NOW), 'd1')?.name;
    expect(named('{"name": "Chatbot 70B"}')).toBe('Chatbot 70B');
    expect(named('{"name": "   "}')).toBe(DEFAULT_NAME);
    expect(named('{"name": 7}')).toBe(DEFAULT_NAME);
    expect(named('{"target": ')).toBe(DEFAULT_NAME);
    expect(named(JSON.stringify({ name: 'x'.repeat(5000) }))).toHaveLength(MAX_TITLE_LENGTH);
  });

  it('takes only draft ids that cannot name a path', () => {
    expect(newDraftId()).toMatch(/^[0-9a-f]{32}$/);
    expect(newDraftId()).not.toBe(newDraftId());
    for (const id of ['a', 'A-z_09', 'x'.repeat(64)]) expect(isDraftId(id)).toBe(true);
    for (const id of ['', '.', '..', '../x', 'a/b', 'a\\b', 'a.b', 'x'.repeat(65), 'a\0', 'é', 7, null]) {
      expect(isDraftId(id)).toBe(false);
    }
    expect(parseDraft(draftBody({ path: null, text: TEXT }, NOW), '../escape')).toBeNull();
  });
});

describe('utf8Length', () => {
  it('counts bytes as UTF-8 does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
      }),
    );
    expect(utf8Length('a€😀')).toBe(1 + 3 + 4);
    for (const lone of ['\ud800', '\udc00', 'a\ud800b', '\ud800\ud800\udc00']) {
      expect(utf8Length(lone)).toBe(new TextEncoder().encode(lone).length);
    }
  });
});
