import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_SCENARIO_BYTES, parseScenarioText, serializeScenario, type Scenario } from '../../src/scenario';
import type { DesktopApi, DocumentState, ExportRequest } from '../../src/shared/ipc';
import { draftBody, DraftTooLargeError } from '../../src/shared/documents';
import { DEFAULT_PREFERENCES } from '../../src/shared/preferences';
import { MAX_RUNS_CSV_BYTES } from '../../src/shared/runs-file';
import {
  MemoryStorage,
  STORAGE_KEYS,
  createWebApi,
  draftFromStorage,
  draftKey,
  parseDraftKey,
  preferencesFromStorage,
  recentFilesFromStorage,
  type KeyValueStorage,
  type PickedFile,
  type SaveTarget,
} from '../../src/renderer/lib/web-api';
import { labGpu } from '../support/scenarios';

const SCENARIO_TEXT = readFileSync(
  path.resolve('resources/scenarios/sardana-70b-chatbot.tradeoff.json'),
  'utf8',
);
const parsed = parseScenarioText(SCENARIO_TEXT);
if (!parsed.ok) throw new Error('the example scenario must be valid');
const SCENARIO: Scenario = parsed.scenario;
const INVALID = { ...SCENARIO, target: { loss: -1 } } as unknown as Scenario;
const NOW = new Date('2026-01-02T03:04:05.000Z');

function picked(name: string, text: string | Uint8Array): PickedFile {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return { name, size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer };
}

/** A browser without a DOM: scripted picker answers, recorded saves and opened windows. */
class FakeHost {
  storage: KeyValueStorage = new MemoryStorage();
  nextPick: PickedFile | null = null;
  /** The name the user picks in the save dialog; null cancels; undefined keeps the suggestion. */
  saveAnswer: string | null | undefined = undefined;
  readonly saves: SaveTarget[] = [];
  readonly opened: string[] = [];
  readonly states: DocumentState[] = [];
  readonly accepts: string[] = [];
  /** This tab's id, and the tabs open now (shared by the hosts of one browser). */
  tab = 'tab-a';
  openTabSet = new Set<string>();

  async tabId(): Promise<string> {
    return this.tab;
  }
  async openTabs(): Promise<ReadonlySet<string>> {
    return this.openTabSet;
  }
  async pickFile(accept: string): Promise<PickedFile | null> {
    this.accepts.push(accept);
    return this.nextPick;
  }
  async saveFile(target: SaveTarget): Promise<string | null> {
    this.saves.push(target);
    return this.saveAnswer === undefined ? target.suggestedName : this.saveAnswer;
  }
  openWindow(url: string): void {
    this.opened.push(url);
  }
  setDocumentState(state: DocumentState): void {
    this.states.push(state);
  }
  now(): Date {
    return NOW;
  }
}

/** A storage whose every call throws, like localStorage in some privacy modes. */
const brokenStorage: KeyValueStorage = {
  get length(): number {
    throw new Error('SecurityError: storage disabled');
  },
  key() {
    throw new Error('SecurityError: storage disabled');
  },
  getItem() {
    throw new Error('SecurityError: storage disabled');
  },
  setItem() {
    throw new Error('QuotaExceededError: storage full');
  },
  removeItem() {
    throw new Error('SecurityError: storage disabled');
  },
};

let host: FakeHost;
let api: DesktopApi;

beforeEach(() => {
  host = new FakeHost();
  api = createWebApi(host);
});

describe('opening runs for the fit dialog', () => {
  const CSV = 'params,tokens,loss\n150M,3B,3.5\n';

  it('offers CSV files in the picker and reads the chosen one, without listing it as recent', async () => {
    host.nextPick = picked('runs.csv', CSV);
    await expect(api.openRuns()).resolves.toEqual({ path: 'runs.csv', text: CSV });
    expect(host.accepts).toEqual(['.csv,text/csv']);
    await expect(api.getRecentFiles()).resolves.toEqual([]);
    host.nextPick = null;
    await expect(api.openRuns()).resolves.toBeNull();
  });

  it('refuses what is not a CSV, too large or not UTF-8 text, naming the file', async () => {
    await expect(api.openDroppedRuns(picked('plan.tradeoff.json', '{}') as File)).rejects.toThrow(
      'plan.tradeoff.json is not a table of runs (*.csv)',
    );
    const huge = {
      name: 'huge.csv',
      size: MAX_RUNS_CSV_BYTES + 1,
      arrayBuffer: () => Promise.reject(new Error('read')),
    };
    await expect(api.openDroppedRuns(huge as unknown as File)).rejects.toThrow(
      'Could not open huge.csv: the file is too large: 52,428,801 bytes is more than the 52,428,800 bytes a runs file may hold',
    );
    await expect(
      api.openDroppedRuns(picked('bytes.csv', new Uint8Array([0xff, 0xfe])) as File),
    ).rejects.toThrow(/^Could not open bytes\.csv: not UTF-8 text/);
    await expect(api.openDroppedRuns(picked('ok.csv', CSV) as File)).resolves.toEqual({
      path: 'ok.csv',
      text: CSV,
    });
  });
});

describe('opening files', () => {
  it('returns the picked file by name and remembers it', async () => {
    host.nextPick = picked('plan.tradeoff.json', SCENARIO_TEXT);
    await expect(api.openScenario()).resolves.toEqual({ path: 'plan.tradeoff.json', text: SCENARIO_TEXT });
    expect(host.accepts).toEqual(['.json,.tradeoff.json']);
    await expect(api.getRecentFiles()).resolves.toEqual(['plan.tradeoff.json']);
  });

  it('returns null when the dialog is cancelled', async () => {
    host.nextPick = null;
    await expect(api.openScenario()).resolves.toBeNull();
    await expect(api.getRecentFiles()).resolves.toEqual([]);
  });

  it('refuses files that are not JSON or too large to be a scenario, before reading them', async () => {
    host.nextPick = picked('photo.png', 'x');
    await expect(api.openScenario()).rejects.toThrow('photo.png is not a scenario file (*.tradeoff.json)');
    host.nextPick = {
      name: 'huge.json',
      size: 5_000_000,
      arrayBuffer: () => Promise.reject(new Error('read it')),
    };
    await expect(api.openScenario()).rejects.toThrow(
      'Could not open huge.json: the file is too large: 5,000,000 bytes is more than the 1,000,000 bytes a scenario file may hold',
    );
  });

  it('refuses bytes that are not UTF-8 and accepts a byte-order mark, as the desktop app does', async () => {
    host.nextPick = picked('latin1.tradeoff.json', new Uint8Array([0x7b, 0x22, 0xfc, 0x22, 0x7d]));
    await expect(api.openScenario()).rejects.toThrow('Could not open latin1.tradeoff.json: not UTF-8 text');
    const withMark = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SCENARIO_TEXT)]);
    host.nextPick = picked('windows.tradeoff.json', withMark);
    await expect(api.openScenario()).resolves.toEqual({ path: 'windows.tradeoff.json', text: SCENARIO_TEXT });
  });

  it('counts the limit in bytes, and again in what is read, as a file may grow after it is picked', async () => {
    // Two bytes a character: under the limit in characters, over it in bytes.
    host.nextPick = picked('wide.tradeoff.json', 'é'.repeat(MAX_SCENARIO_BYTES / 2 + 1));
    await expect(api.openScenario()).rejects.toThrow(
      'Could not open wide.tradeoff.json: the file is too large: 1,000,002 bytes is more than the 1,000,000 bytes a scenario file may hold',
    );
    const grown = new Uint8Array(MAX_SCENARIO_BYTES + 1);
    host.nextPick = { name: 'grown.tradeoff.json', size: 10, arrayBuffer: async () => grown.buffer };
    await expect(api.openScenario()).rejects.toThrow(
      'Could not open grown.tradeoff.json: the file is too large: 1,000,001 bytes is more than the 1,000,000 bytes a scenario file may hold',
    );
  });

  it('says which file could not be read', async () => {
    host.nextPick = {
      name: 'gone.json',
      size: 10,
      arrayBuffer: () => Promise.reject(new Error('NotReadableError')),
    };
    await expect(api.openScenario()).rejects.toThrow('Could not open gone.json: NotReadableError');
  });

  it('opens dropped files (DOM File objects) and names them by file name', async () => {
    const file = new File([SCENARIO_TEXT], 'dropped.tradeoff.json', { type: 'application/json' });
    expect(api.getPathForFile(file)).toBe('dropped.tradeoff.json');
    await expect(api.openDroppedFile(file)).resolves.toEqual({
      path: 'dropped.tradeoff.json',
      text: SCENARIO_TEXT,
    });
    await expect(api.openDroppedFile(new File(['x'], 'notes.txt'))).rejects.toThrow(/not a scenario file/);
  });

  it('cannot reopen a recent file by name, and says what to do instead', async () => {
    await expect(api.openRecentFile('plan.tradeoff.json')).rejects.toThrow(
      'The browser cannot reopen plan.tradeoff.json by name: choose it again with Open…',
    );
  });
});

describe('saving scenarios', () => {
  it('serialises with serializeScenario and suggests a name from the scenario', async () => {
    await expect(api.saveScenario({ path: null, scenario: SCENARIO })).resolves.toEqual({
      path: '70B-quality chatbot (Sardana et al. 2024).tradeoff.json',
    });
    expect(host.saves).toEqual([
      {
        suggestedName: '70B-quality chatbot (Sardana et al. 2024).tradeoff.json',
        content: serializeScenario(SCENARIO),
        mimeType: 'application/json',
        description: 'Tradeoff scenario (*.tradeoff.json)',
        extension: '.json',
        overwrite: false,
      },
    ]);
    await expect(api.getRecentFiles()).resolves.toEqual([
      '70B-quality chatbot (Sardana et al. 2024).tradeoff.json',
    ]);
  });

  it('Save writes back to the document’s file; Save As always asks', async () => {
    await api.saveScenario({ path: 'plan.tradeoff.json', scenario: SCENARIO });
    await api.saveScenarioAs({ path: 'plan.tradeoff.json', scenario: SCENARIO });
    expect(host.saves.map(({ suggestedName, overwrite }) => ({ suggestedName, overwrite }))).toEqual([
      { suggestedName: 'plan.tradeoff.json', overwrite: true },
      { suggestedName: 'plan.tradeoff.json', overwrite: false },
    ]);
  });

  it('keeps only the file name of a path and gives it the scenario extension', async () => {
    await api.saveScenario({ path: 'C:\\Users\\me\\plan.json', scenario: SCENARIO });
    expect(host.saves[0]?.suggestedName).toBe('plan.tradeoff.json');
  });

  it('reports the name the user chose, and null when they cancel', async () => {
    host.saveAnswer = 'chosen.json';
    await expect(api.saveScenarioAs({ path: null, scenario: SCENARIO })).resolves.toEqual({
      path: 'chosen.json',
    });
    host.saveAnswer = null;
    await expect(api.saveScenarioAs({ path: null, scenario: SCENARIO })).resolves.toBeNull();
    await expect(api.getRecentFiles()).resolves.toEqual(['chosen.json']);
  });

  it('never saves an invalid scenario', async () => {
    await expect(api.saveScenario({ path: null, scenario: INVALID })).rejects.toThrow(
      /Invalid saveScenario request: the scenario is not valid: target/,
    );
    await expect(api.saveScenarioAs({ path: 'a.json', scenario: INVALID })).rejects.toThrow(
      /Invalid saveScenarioAs request: the scenario is not valid/,
    );
    await expect(api.saveScenario({ path: '', scenario: SCENARIO })).rejects.toThrow(
      /"path" must be a non-empty file path/,
    );
    expect(host.saves).toEqual([]);
  });

  it('saved text parses back to the same scenario', async () => {
    await api.saveScenario({ path: null, scenario: SCENARIO });
    const saved = parseScenarioText(host.saves[0]?.content ?? '');
    expect(saved.ok && saved.scenario).toEqual(SCENARIO);
  });

  it('never saves a scenario too large (in UTF-8) to be opened again', async () => {
    const large = { ...SCENARIO, notes: '€'.repeat(340_000) };
    await expect(api.saveScenario({ path: 'plan.tradeoff.json', scenario: large })).rejects.toThrow(
      /the scenario is too large to save: 1,0\d\d,\d{3} bytes is more than the 1,000,000 bytes/,
    );
    await expect(api.saveScenarioAs({ path: null, scenario: large })).rejects.toThrow(/too large to save/);
    expect(host.saves).toEqual([]);
  });
});

describe('exporting results', () => {
  const request = (overrides: Partial<ExportRequest>): ExportRequest => ({
    suggestedName: 'plan',
    content: 'a,b\n1,2\n',
    kind: 'csv',
    ...overrides,
  });

  it.each([
    ['csv', 'plan.csv', 'text/csv'],
    ['md', 'plan.md', 'text/markdown'],
  ] as const)('%s exports get the extension and MIME type', async (kind, name, mimeType) => {
    await expect(api.exportResults(request({ kind }))).resolves.toEqual({ path: name });
    expect(host.saves[0]).toMatchObject({
      suggestedName: name,
      mimeType,
      extension: `.${kind}`,
      content: 'a,b\n1,2\n',
    });
  });

  it('cleans the suggested name and keeps an extension already there', async () => {
    await api.exportResults(request({ suggestedName: '../etc/My: results.csv' }));
    await api.exportResults(request({ suggestedName: '' }));
    expect(host.saves.map((save) => save.suggestedName)).toEqual(['My- results.csv', 'results.csv']);
  });

  it('rejects requests the desktop app would reject', async () => {
    for (const kind of ['pdf', 'html']) {
      await expect(api.exportResults(request({ kind: kind as never }))).rejects.toThrow(
        /"kind" must be one of csv, md$/,
      );
    }
    await expect(api.exportResults(request({ content: 42 as never }))).rejects.toThrow(
      /"content" must be a string/,
    );
    await expect(api.exportResults(request({ suggestedName: 'x'.repeat(256) }))).rejects.toThrow(
      /"suggestedName" is longer than 255 characters/,
    );
    await expect(api.exportResults({ ...request({}), extra: 1 } as never)).rejects.toThrow(
      /unexpected field "extra"/,
    );
    expect(host.saves).toEqual([]);
  });

  it('returns null when the user cancels', async () => {
    host.saveAnswer = null;
    await expect(api.exportResults(request({}))).resolves.toBeNull();
  });
});

describe('preferences', () => {
  it('start from the defaults', async () => {
    await expect(api.getPreferences()).resolves.toEqual(DEFAULT_PREFERENCES);
  });

  it('merge a patch, persist it and return the whole set', async () => {
    await expect(api.setPreferences({ theme: 'dark' })).resolves.toEqual({
      ...DEFAULT_PREFERENCES,
      theme: 'dark',
    });
    await expect(api.setPreferences({ defaultLaw: 'hoffmann2022' })).resolves.toEqual({
      theme: 'dark',
      defaultLaw: 'hoffmann2022',
      defaultHardware: null,
      customGpus: [],
    });
    await expect(api.setPreferences({ customGpus: [labGpu] })).resolves.toMatchObject({
      customGpus: [labGpu],
    });
    const reopened = createWebApi(host);
    await expect(reopened.getPreferences()).resolves.toEqual({
      theme: 'dark',
      defaultLaw: 'hoffmann2022',
      defaultHardware: null,
      customGpus: [labGpu],
    });
    await expect(api.setPreferences({ defaultLaw: null })).resolves.toMatchObject({ defaultLaw: null });
  });

  it('reject a bad patch whole', async () => {
    await expect(api.setPreferences({ theme: 'pink' as never })).rejects.toThrow(
      /"theme" must be one of system, light, dark/,
    );
    await expect(api.setPreferences({ theme: 'dark', defaultLaw: '../x' })).rejects.toThrow(/"defaultLaw"/);
    await expect(api.setPreferences({ colour: 'red' } as never)).rejects.toThrow(/unexpected field "colour"/);
    await expect(api.setPreferences({ customGpus: [{ ...labGpu, id: 'H200-SXM' }] })).rejects.toThrow(
      /customGpus\[0\]\.id: "H200-SXM" is a GPU preset/,
    );
    await expect(api.setPreferences({ customGpus: [labGpu, labGpu] })).rejects.toThrow(
      'customGpus[1].id: "lab-gpu" is already defined at customGpus[0]',
    );
    await expect(api.setPreferences({ customGpus: 'all' as never })).rejects.toThrow(
      /customGpus: expected a list of GPU definitions/,
    );
    await expect(api.getPreferences()).resolves.toEqual(DEFAULT_PREFERENCES);
  });

  it.each([
    ['missing', null, DEFAULT_PREFERENCES],
    ['not JSON', '{theme:', DEFAULT_PREFERENCES],
    ['not an object', '[1,2]', DEFAULT_PREFERENCES],
    ['null', 'null', DEFAULT_PREFERENCES],
    [
      'one bad field',
      '{"theme":"pink","defaultLaw":"kaplan2020"}',
      { ...DEFAULT_PREFERENCES, defaultLaw: 'kaplan2020' },
    ],
    ['wrong types', '{"theme":1,"defaultLaw":{},"defaultHardware":["H100"]}', DEFAULT_PREFERENCES],
    ['GPUs not a list', '{"customGpus":{"id":"x"}}', DEFAULT_PREFERENCES],
    [
      'some GPUs damaged',
      JSON.stringify({
        customGpus: [
          {
            id: 'lab-gpu',
            label: 'Lab GPU',
            peakFlops: { bf16: 5e14, int8: 1e15 },
            memoryGB: 20,
            bandwidthTBs: 1.6,
            boardPowerW: 350,
          },
          { id: 'A100-80GB', peakFlops: { bf16: 1 }, memoryGB: 1, bandwidthTBs: 1, boardPowerW: 1 },
          { id: 'broken', peakFlops: { bf16: 'fast' }, memoryGB: 1, bandwidthTBs: 1, boardPowerW: 1 },
        ],
      }),
      {
        ...DEFAULT_PREFERENCES,
        customGpus: [
          {
            id: 'lab-gpu',
            label: 'Lab GPU',
            peakFlops: { bf16: 5e14, int8: 1e15 },
            memoryGB: 20,
            bandwidthTBs: 1.6,
            boardPowerW: 350,
          },
        ],
      },
    ],
  ])('read from damaged storage (%s) fall back to defaults', (_label, raw, expected) => {
    expect(preferencesFromStorage(raw)).toEqual(expected);
  });
});

describe('recent files', () => {
  it('keep names only, most recent first, without duplicates, at most 10', async () => {
    for (let i = 0; i < 12; i++) {
      host.nextPick = picked(`f${i}.json`, '{}');
      await api.openScenario();
    }
    host.nextPick = picked('f5.json', '{}');
    await api.openScenario();
    const recent = await api.getRecentFiles();
    expect(recent).toHaveLength(10);
    expect(recent.slice(0, 3)).toEqual(['f5.json', 'f11.json', 'f10.json']);
    expect(new Set(recent).size).toBe(10);
  });

  it('survive damaged storage', () => {
    expect(recentFilesFromStorage(null)).toEqual([]);
    expect(recentFilesFromStorage('"a.json"')).toEqual([]);
    expect(recentFilesFromStorage('not json')).toEqual([]);
    expect(recentFilesFromStorage('["a.json", 3, "", null, "a.json", "b.json"]')).toEqual([
      'a.json',
      'b.json',
    ]);
    expect(
      recentFilesFromStorage(JSON.stringify(Array.from({ length: 20 }, (_, i) => `${i}.json`))),
    ).toHaveLength(10);
  });
});

describe('the crash drafts', () => {
  /** Another tab of the same browser: the same storage and open tabs, its own id. */
  function otherTab(tab: string): DesktopApi {
    const other = new FakeHost();
    other.storage = host.storage;
    other.openTabSet = host.openTabSet;
    other.tab = tab;
    return createWebApi(other);
  }

  it('are stored serialised per tab and document, with the time, and read back', async () => {
    await expect(api.listDrafts()).resolves.toEqual([]);
    await expect(
      api.setDraft({ id: 'doc1', path: 'plan.tradeoff.json', scenario: SCENARIO }),
    ).resolves.toEqual({ ok: true });
    expect(host.storage.getItem(draftKey('tab-a', 'doc1'))).not.toBeNull();
    await expect(api.listDrafts()).resolves.toEqual([
      {
        id: 'doc1',
        name: SCENARIO.name,
        path: 'plan.tradeoff.json',
        text: serializeScenario(SCENARIO),
        savedAt: NOW.toISOString(),
      },
    ]);
    await api.clearDraft('doc1');
    await expect(api.listDrafts()).resolves.toEqual([]);
  });

  it('of two tabs never overwrite each other, and a tab still open keeps its drafts to itself', async () => {
    const tabB = otherTab('tab-b');
    host.openTabSet.add('tab-a').add('tab-b');
    await api.setDraft({ id: 'doc-a', path: null, scenario: { ...SCENARIO, name: 'A' } });
    await tabB.setDraft({ id: 'doc-b', path: null, scenario: { ...SCENARIO, name: 'B' } });
    expect((await api.listDrafts()).map((draft) => draft.name)).toEqual(['A']);
    expect((await tabB.listDrafts()).map((draft) => draft.name)).toEqual(['B']);
    // Tab A closes (or crashes): its draft is offered to tab B, and restored there it moves to B.
    host.openTabSet.delete('tab-a');
    expect((await tabB.listDrafts()).map((draft) => draft.id).sort()).toEqual(['doc-a', 'doc-b']);
    await tabB.setDraft({ id: 'doc-a', path: null, scenario: { ...SCENARIO, name: 'A, later' } });
    expect(host.storage.getItem(draftKey('tab-a', 'doc-a'))).toBeNull();
    expect(host.storage.getItem(draftKey('tab-b', 'doc-a'))).toContain('A, later');
    await tabB.clearDraft('doc-a');
    expect((await tabB.listDrafts()).map((draft) => draft.id)).toEqual(['doc-b']);
  });

  it('are listed newest first', async () => {
    const written = { old: '2026-01-01T00:00:00Z', new: '2026-01-03T00:00:00Z', mid: '2026-01-02T00:00:00Z' };
    for (const [id, time] of Object.entries(written)) {
      host.now = () => new Date(time);
      await api.setDraft({ id, path: null, scenario: SCENARIO });
    }
    expect((await api.listDrafts()).map((draft) => draft.id)).toEqual(['new', 'mid', 'old']);
  });

  it('takes over the one draft of older versions, once', async () => {
    const legacy = draftBody({ path: null, text: serializeScenario(SCENARIO) }, NOW);
    host.storage.setItem(STORAGE_KEYS.legacyDraft, legacy);
    const listed = await api.listDrafts();
    expect(listed).toMatchObject([{ name: SCENARIO.name, savedAt: NOW.toISOString() }]);
    expect(host.storage.getItem(STORAGE_KEYS.legacyDraft)).toBeNull();
    host.openTabSet.add('tab-b');
    // No open tab owns it: every tab is offered it.
    await expect(otherTab('tab-b').listDrafts()).resolves.toEqual(listed);
  });

  it('keep the fields as typed beside the scenario, and refuse a form that is not bounded text', async () => {
    const form = JSON.stringify({ target: { loss: '1.5' } });
    await api.setDraft({ id: 'd', path: null, scenario: SCENARIO, form });
    expect((await api.listDrafts())[0]?.form).toBe(form);
    await expect(
      api.setDraft({ id: 'd', path: null, scenario: SCENARIO, form: 'x'.repeat(MAX_SCENARIO_BYTES + 1) }),
    ).rejects.toThrow(/Invalid setDraft request: "form"/);
    await expect(api.setDraft({ id: '../x', path: null, scenario: SCENARIO })).rejects.toThrow(
      /Invalid setDraft request: "id"/,
    );
  });

  it('are never written for an invalid scenario', async () => {
    await expect(api.setDraft({ id: 'd', path: null, scenario: INVALID })).rejects.toThrow(
      /Invalid setDraft request: the scenario is not valid/,
    );
    expect(host.storage.length).toBe(0);
  });

  it('answer why a write failed: storage full, or a draft too large', async () => {
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    host.storage = full;
    api = createWebApi(host);
    await expect(api.setDraft({ id: 'd', path: null, scenario: SCENARIO })).resolves.toEqual({
      ok: false,
      reason: 'the browser’s storage for this site is full',
    });
    host.storage = new MemoryStorage();
    api = createWebApi(host);
    // JSON escapes a control character to six characters: this scenario cannot be read back.
    const huge = { ...SCENARIO, notes: '\u0001'.repeat(MAX_SCENARIO_BYTES / 5) };
    const result = await api.setDraft({ id: 'd', path: null, scenario: huge });
    expect(result).toEqual({ ok: false, reason: new DraftTooLargeError().message });
  });

  it.each([
    ['not JSON', '{"format":'],
    [
      'another format',
      JSON.stringify({ format: 'other', path: null, text: '{}', savedAt: NOW.toISOString() }),
    ],
    ['no text', JSON.stringify({ format: 'tradeoff-draft', path: null, savedAt: NOW.toISOString() })],
    [
      'a bad path',
      JSON.stringify({ format: 'tradeoff-draft', path: 3, text: '{}', savedAt: NOW.toISOString() }),
    ],
    [
      'a bad time',
      JSON.stringify({ format: 'tradeoff-draft', path: null, text: '{}', savedAt: 'yesterday' }),
    ],
    [
      'a form not text',
      JSON.stringify({
        format: 'tradeoff-draft',
        path: null,
        text: '{}',
        form: 7,
        savedAt: NOW.toISOString(),
      }),
    ],
  ])('are discarded when damaged (%s)', async (_label, raw) => {
    expect(draftFromStorage(raw, 'd')).toBeNull();
    host.storage.setItem(draftKey('tab-z', 'd'), raw);
    await expect(api.listDrafts()).resolves.toEqual([]);
    expect(host.storage.getItem(draftKey('tab-z', 'd'))).toBeNull();
  });

  it('read only their own keys', () => {
    expect(parseDraftKey(draftKey('tab-a', 'doc1'))).toEqual({ tabId: 'tab-a', id: 'doc1' });
    for (const key of [
      STORAGE_KEYS.legacyDraft,
      STORAGE_KEYS.preferences,
      'tradeoff-explorer.draft.tab-a',
      'tradeoff-explorer.draft.tab-a.doc.1',
      'tradeoff-explorer.draft.tab/a.doc1',
      'tradeoff-explorer.draft..doc1',
    ]) {
      expect(parseDraftKey(key)).toBeUndefined();
    }
  });
});

describe('when storage is unusable', () => {
  beforeEach(() => {
    host.storage = brokenStorage;
    api = createWebApi(host);
  });

  it('reads give defaults instead of crashing', async () => {
    await expect(api.getPreferences()).resolves.toEqual(DEFAULT_PREFERENCES);
    await expect(api.getRecentFiles()).resolves.toEqual([]);
    await expect(api.listDrafts()).resolves.toEqual([]);
    await expect(api.clearDraft('d')).resolves.toBeUndefined();
  });

  it('writes reject with a readable message, except the recent-files list', async () => {
    await expect(api.setPreferences({ theme: 'dark' })).rejects.toThrow(/The browser refused to store data/);
    await expect(api.setDraft({ id: 'd', path: null, scenario: SCENARIO })).resolves.toEqual({
      ok: false,
      reason: 'the browser refused to store data (QuotaExceededError: storage full)',
    });
    host.nextPick = picked('plan.json', SCENARIO_TEXT);
    await expect(api.openScenario()).resolves.toMatchObject({ path: 'plan.json' });
    await expect(api.saveScenario({ path: null, scenario: SCENARIO })).resolves.not.toBeNull();
  });
});

describe('the rest of the contract', () => {
  it('opens only https links, in a new tab', async () => {
    await api.openExternal('https://arxiv.org/abs/2401.00448');
    for (const url of [
      'http://example.com',
      'javascript:alert(1)',
      'https://user:pw@evil.example',
      'not a url',
    ]) {
      await expect(api.openExternal(url)).rejects.toThrow('Only https:// links can be opened');
    }
    expect(host.opened).toEqual(['https://arxiv.org/abs/2401.00448']);
  });

  it('passes the document state to the tab', async () => {
    await api.setDocumentState({ title: 'plan', dirty: true });
    expect(host.states).toEqual([{ title: 'plan', dirty: true }]);
    await expect(api.confirmClose(true)).resolves.toBeUndefined();
  });

  it('checks every payload the way the desktop app does', async () => {
    await expect(api.setDocumentState({ title: 'x'.repeat(201), dirty: true })).rejects.toThrow(
      /Invalid setDocumentState request: "title" is longer than 200 characters/,
    );
    await expect(api.confirmClose('yes' as never)).rejects.toThrow(
      /Invalid confirmClose request: expected true or false/,
    );
    await expect(api.openExternal({ url: 'https://x' } as never)).rejects.toThrow(/"url" must be a string/);
    await expect(api.openRecentFile('a\0b')).rejects.toThrow(/non-empty file path/);
    await expect(api.setDraft({ id: 'd', path: 7, scenario: SCENARIO } as never)).rejects.toThrow(
      /Invalid setDraft request: "path" must be a string/,
    );
    expect(host.states).toEqual([]);
    expect(host.opened).toEqual([]);
  });

  it('has no menu, file or close events, but returns working unsubscribe functions', () => {
    for (const unsubscribe of [
      api.onMenuCommand(() => undefined),
      api.onOpenFile(() => undefined),
      api.onCloseRequested(() => undefined),
      api.onPreferencesNotice(() => undefined),
    ]) {
      expect(typeof unsubscribe).toBe('function');
      expect(() => unsubscribe()).not.toThrow();
    }
  });
});
