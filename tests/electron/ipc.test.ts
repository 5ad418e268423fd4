import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_SCENARIO_BYTES, parseScenarioText, validateScenario, type Scenario } from '../../src/scenario';
import { InvokeChannel } from '../../src/shared/ipc';
import { app, dialog, FakeBrowserWindow, ipcMain, resetFakeElectron, shell } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { registerIpcHandlers } = await import('../../electron/main/ipc');
const { Documents } = await import('../../electron/main/documents');
const { Drafts } = await import('../../electron/main/drafts');
const { CloseGuard } = await import('../../electron/main/close-guard');
const { AppOrigin } = await import('../../electron/main/origin');
const { Preferences, DEFAULT_WINDOW_STATE } = await import('../../electron/main/preferences');
type PreferencesData = import('../../electron/main/preferences').PreferencesData;

function memoryStore() {
  const data: PreferencesData = {
    theme: 'system',
    defaultLaw: null,
    defaultHardware: null,
    customGpus: [],
    windowState: DEFAULT_WINDOW_STATE,
    recentFiles: [],
  };
  return {
    get: <K extends keyof PreferencesData>(key: K): PreferencesData[K] => data[key],
    set: <K extends keyof PreferencesData>(key: K, value: PreferencesData[K]): void => {
      data[key] = value;
    },
  };
}

function validScenario(name = 'Test run'): Scenario {
  const result = validateScenario({
    name,
    target: { loss: 2.5 },
    demand: { inputTokens: 1e12, outputTokens: 1e11 },
  });
  if (!result.ok) throw new Error('fixture scenario is invalid');
  return result.scenario;
}

const APP_PAGE = 'app://tradeoff/index.html';
let folder: string;
let win: FakeBrowserWindow;
let preferences: InstanceType<typeof Preferences>;
let drafts: InstanceType<typeof Drafts>;

beforeEach(async () => {
  resetFakeElectron();
  folder = await mkdtemp(path.join(tmpdir(), 'tradeoff-ipc-'));
  app.getPath.mockReturnValue(folder);
  preferences = new Preferences(memoryStore());
  drafts = new Drafts(path.join(folder));
  const closeGuard = new CloseGuard(() => drafts.clearWritten());
  registerIpcHandlers({
    origin: new AppOrigin(undefined),
    documents: new Documents(preferences),
    preferences,
    drafts,
    closeGuard,
  });
  win = new FakeBrowserWindow();
  closeGuard.attach(win as unknown as BrowserWindow);
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Calls a handler the way Electron does, from the given frame. */
function call(
  channel: InvokeChannel,
  args: unknown[] = [],
  frame: { url: string; parent: unknown } | null = { url: APP_PAGE, parent: null },
): Promise<unknown> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve().then(() => handler({ sender: win.webContents, senderFrame: frame }, ...args));
}

async function openViaDialog(filePath: string): Promise<unknown> {
  dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [filePath] });
  return call(InvokeChannel.openScenario);
}

describe('registration', () => {
  it('handles every channel of the contract and nothing else', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(InvokeChannel).sort());
  });
});

describe('sender checks', () => {
  it.each([
    ['a web page', 'https://evil.example/'],
    ['a file:// page', 'file:///tmp/index.html'],
    ['another app:// host', 'app://other/index.html'],
    ['a lookalike dev server', 'http://localhost:5174/'],
    ['about:blank', 'about:blank'],
  ])('refuses %s on every channel', async (_label, url) => {
    for (const channel of Object.values(InvokeChannel)) {
      await expect(call(channel, [], { url, parent: null })).rejects.toThrow(
        /Refused IPC from a page that is not the app/,
      );
    }
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses the app page when it is embedded in a frame', async () => {
    await expect(call(InvokeChannel.getPreferences, [], { url: APP_PAGE, parent: {} })).rejects.toThrow(
      /Refused IPC/,
    );
  });

  it('refuses a sender whose frame is gone', async () => {
    await expect(call(InvokeChannel.getPreferences, [], null)).rejects.toThrow(/Refused IPC/);
  });

  it('accepts the dev server page only when running from the dev server', async () => {
    ipcMain.handlers.clear();
    registerIpcHandlers({
      origin: new AppOrigin('http://localhost:5173/'),
      documents: new Documents(preferences),
      preferences,
      drafts,
      closeGuard: new CloseGuard(() => drafts.clearWritten()),
    });
    await expect(
      call(InvokeChannel.getRecentFiles, [], { url: 'http://localhost:5173/#/x', parent: null }),
    ).resolves.toEqual([]);
    await expect(call(InvokeChannel.getRecentFiles, [], { url: APP_PAGE, parent: null })).rejects.toThrow(
      /Refused IPC/,
    );
  });
});

describe('payload validation', () => {
  it.each([
    [InvokeChannel.saveScenario, [null], /Invalid saveScenario request: expected an object/],
    [InvokeChannel.saveScenario, [[1, 2]], /expected an object/],
    [InvokeChannel.saveScenario, [{ path: 42, scenario: {} }], /"path" must be a string/],
    [InvokeChannel.saveScenario, [{ path: '', scenario: {} }], /"path" must be a non-empty file path/],
    [InvokeChannel.saveScenario, [{ path: null, scenario: {}, extra: 1 }], /unexpected field "extra"/],
    [
      InvokeChannel.saveScenario,
      [{ path: null, scenario: { target: 'x' } }],
      /the scenario is not valid: target: /,
    ],
    [InvokeChannel.saveScenarioAs, [{ path: null }], /the scenario is not valid/],
    [InvokeChannel.setDraft, ['text'], /Invalid setDraft request: expected an object/],
    [InvokeChannel.clearDraft, ['../../preferences'], /Invalid clearDraft request: "id" must be/],
    [InvokeChannel.clearDraft, [], /Invalid clearDraft request: "id" must be/],
    [
      InvokeChannel.exportResults,
      [{ suggestedName: 'r', content: 'x', kind: 'exe' }],
      /"kind" must be one of csv, md$/,
    ],
    [
      InvokeChannel.exportResults,
      [{ suggestedName: 'r', content: 'x', kind: 'html' }],
      /"kind" must be one of csv, md$/,
    ],
    [
      InvokeChannel.exportResults,
      [{ suggestedName: 'r', content: 7, kind: 'csv' }],
      /"content" must be a string/,
    ],
    [InvokeChannel.setPreferences, [{ theme: 'neon' }], /"theme" must be one of system, light, dark/],
    [InvokeChannel.setPreferences, [{ defaultLaw: '../../x' }], /"defaultLaw" must be a preset id or null/],
    [InvokeChannel.setPreferences, [{ recentFiles: [] }], /unexpected field "recentFiles"/],
    [
      InvokeChannel.setPreferences,
      [
        {
          customGpus: [
            { id: 'H100-SXM', peakFlops: { bf16: 1e15 }, memoryGB: 80, bandwidthTBs: 3, boardPowerW: 700 },
          ],
        },
      ],
      /customGpus\[0\]\.id: "H100-SXM" is a GPU preset/,
    ],
    [
      InvokeChannel.setPreferences,
      [{ customGpus: [{ id: 'mine', peakFlops: {}, memoryGB: 80, bandwidthTBs: 3, boardPowerW: 700 }] }],
      /customGpus\[0\]\.peakFlops: give the dense peak FLOP\/s of at least one of/,
    ],
    [InvokeChannel.setDocumentState, [{ title: 'x', dirty: 'yes' }], /"dirty" must be a boolean/],
    [InvokeChannel.setDocumentState, [{ title: 'x'.repeat(201), dirty: true }], /"title" is longer than 200/],
    [InvokeChannel.confirmClose, ['yes'], /Invalid confirmClose request: expected true or false/],
    [InvokeChannel.openExternal, [{ url: 'https://x' }], /"url" must be a string/],
    [InvokeChannel.openRecentFile, ['a\0b'], /non-empty file path/],
    [InvokeChannel.getPreferences, [{}], /expected no arguments/],
    [InvokeChannel.getPreferences, [1, 2], /expected at most one argument/],
  ] as const)('%s rejects %j', async (channel, args, message) => {
    await expect(call(channel, [...args])).rejects.toThrow(message);
  });

  it('lists at most five scenario issues', async () => {
    const bad = { name: 1, notes: 2, law: 3, target: 4, demand: 5, objective: 6, training: 7, inference: 8 };
    const error = await call(InvokeChannel.saveScenario, [{ path: null, scenario: bad }]).catch(
      (e: unknown) => e,
    );
    expect(String(error)).toMatch(/\(and \d+ more\)/);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('opening', () => {
  it('returns null when the Open dialog is cancelled', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(call(InvokeChannel.openScenario)).resolves.toBeNull();
  });

  it('reads the chosen file and lists it as recent', async () => {
    const file = path.join(folder, 'run.tradeoff.json');
    await writeFile(file, '{"hello": 1}');
    await expect(openViaDialog(file)).resolves.toEqual({ path: file, text: '{"hello": 1}' });
    await expect(call(InvokeChannel.getRecentFiles)).resolves.toEqual([file]);
  });

  it('opens only files that are in the recent list', async () => {
    await expect(call(InvokeChannel.openRecentFile, ['/etc/passwd'])).rejects.toThrow(/not a recent file/);
  });

  it('drops a vanished recent file from the list', async () => {
    const file = path.join(folder, 'gone.tradeoff.json');
    preferences.addRecentFile(file);
    await expect(call(InvokeChannel.openRecentFile, [file])).rejects.toThrow(
      'Could not open gone.tradeoff.json: the file or its folder no longer exists',
    );
    expect(preferences.recentFiles()).toEqual([]);
  });

  it('opens dropped JSON files only', async () => {
    const file = path.join(folder, 'dropped.tradeoff.json');
    await writeFile(file, '{}');
    await expect(call(InvokeChannel.openDroppedFile, [file])).resolves.toEqual({ path: file, text: '{}' });
    await expect(call(InvokeChannel.openDroppedFile, ['/home/user/.ssh/id_rsa'])).rejects.toThrow(
      /not a scenario file/,
    );
  });
});

describe('opening runs for the fit dialog', () => {
  const CSV = 'params,tokens,loss\n150M,3B,3.5\n';

  it('shows the Open dialog filtered to CSV and reads the chosen file, without listing it as recent', async () => {
    const file = path.join(folder, 'runs.csv');
    await writeFile(file, CSV);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    await expect(call(InvokeChannel.openRuns)).resolves.toEqual({ path: file, text: CSV });
    expect(dialog.showOpenDialog.mock.calls.at(-1)?.[1]).toMatchObject({
      filters: [{ name: 'Training runs (*.csv)', extensions: ['csv'] }],
    });
    await expect(call(InvokeChannel.getRecentFiles)).resolves.toEqual([]);
  });

  it('returns null when the dialog is cancelled', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(call(InvokeChannel.openRuns)).resolves.toBeNull();
  });

  it('names the file and the reason when it cannot be read as text', async () => {
    const file = path.join(folder, 'runs.csv');
    await writeFile(file, new Uint8Array([0x70, 0xff, 0xfe, 0x0a]));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    await expect(call(InvokeChannel.openRuns)).rejects.toThrow(/^Could not open runs\.csv: not UTF-8 text/);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
    await expect(call(InvokeChannel.openRuns)).rejects.toThrow(/: not a regular file \(a folder\)$/);
  });

  it('reads dropped CSV files only', async () => {
    const file = path.join(folder, 'dropped.CSV');
    await writeFile(file, CSV);
    await expect(call(InvokeChannel.openDroppedRuns, [file])).resolves.toEqual({ path: file, text: CSV });
    await expect(call(InvokeChannel.openDroppedRuns, ['/home/user/.ssh/id_rsa'])).rejects.toThrow(
      'id_rsa is not a table of runs (*.csv)',
    );
    await expect(call(InvokeChannel.openDroppedRuns, [path.join(folder, 'gone.csv')])).rejects.toThrow(
      'Could not open gone.csv: the file or its folder no longer exists',
    );
  });
});

describe('saving', () => {
  it('asks for a location when the document has none, then saves there', async () => {
    const target = path.join(folder, 'picked');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const saved = await call(InvokeChannel.saveScenario, [{ path: null, scenario: validScenario('My run') }]);
    expect(saved).toEqual({ path: `${target}.tradeoff.json` });
    expect(dialog.showSaveDialog.mock.calls[0]?.[1]).toMatchObject({
      defaultPath: path.join(folder, 'My run.tradeoff.json'),
    });
    const text = await readFile(`${target}.tradeoff.json`, 'utf8');
    expect(parseScenarioText(text)).toEqual({ ok: true, scenario: validScenario('My run') });
  });

  it('returns null when Save As is cancelled and writes nothing', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(
      call(InvokeChannel.saveScenarioAs, [{ path: null, scenario: validScenario() }]),
    ).resolves.toBeNull();
    expect(await readdir(folder)).toEqual([]);
  });

  it('saves in place to a file the user opened', async () => {
    const file = path.join(folder, 'run.tradeoff.json');
    await writeFile(file, '{}');
    await openViaDialog(file);
    await expect(
      call(InvokeChannel.saveScenario, [{ path: file, scenario: validScenario('Saved') }]),
    ).resolves.toEqual({
      path: file,
    });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ name: 'Saved' });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('asks before overwriting a file another program changed since this window opened it', async () => {
    const file = path.join(folder, 'run.tradeoff.json');
    await writeFile(file, '{}');
    await openViaDialog(file);
    await writeFile(file, '{"changed": "elsewhere"}');
    dialog.showMessageBox.mockResolvedValueOnce({ response: 3 });
    await expect(
      call(InvokeChannel.saveScenario, [{ path: file, scenario: validScenario('Mine') }]),
    ).resolves.toBeNull();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(await readFile(file, 'utf8')).toBe('{"changed": "elsewhere"}');
  });

  it('refuses to write to a path the user never chose', async () => {
    const victim = path.join(folder, 'important.txt');
    await writeFile(victim, 'keep me');
    await expect(
      call(InvokeChannel.saveScenario, [{ path: victim, scenario: validScenario() }]),
    ).rejects.toThrow('important.txt was not opened in this session; use Save As to choose a location');
    expect(await readFile(victim, 'utf8')).toBe('keep me');
  });

  it('exports to the chosen file with the right extension, from a sanitised name', async () => {
    dialog.showSaveDialog.mockImplementationOnce((_win: unknown, options: { defaultPath: string }) =>
      Promise.resolve({ canceled: false, filePath: options.defaultPath }),
    );
    const saved = await call(InvokeChannel.exportResults, [
      { suggestedName: '../../etc/results: run 1', content: 'a,b\n1,2\n', kind: 'csv' },
    ]);
    // Only the file name is kept, so the suggestion cannot leave the folder.
    const expected = path.join(folder, 'results- run 1.csv');
    expect(saved).toEqual({ path: expected });
    expect(await readFile(expected, 'utf8')).toBe('a,b\n1,2\n');
  });
});

describe('drafts', () => {
  it('saves, lists and clears each document’s draft', async () => {
    await expect(
      call(InvokeChannel.setDraft, [{ id: 'one', path: null, scenario: validScenario('Unsaved') }]),
    ).resolves.toEqual({ ok: true });
    await call(InvokeChannel.setDraft, [{ id: 'two', path: null, scenario: validScenario('Other') }]);
    const listed = (await call(InvokeChannel.listDrafts)) as { id: string; name: string; text: string }[];
    expect(listed.map(({ id, name }) => [id, name]).sort()).toEqual([
      ['one', 'Unsaved'],
      ['two', 'Other'],
    ]);
    expect(parseScenarioText(listed.find(({ id }) => id === 'one')?.text ?? '')).toEqual({
      ok: true,
      scenario: validScenario('Unsaved'),
    });
    await call(InvokeChannel.clearDraft, ['one']);
    expect(((await call(InvokeChannel.listDrafts)) as { id: string }[]).map(({ id }) => id)).toEqual(['two']);
  });

  it('answers a failed write with its reason, in the reply', async () => {
    // A file where the drafts folder should be: the write cannot succeed.
    await writeFile(path.join(folder, 'drafts'), 'not a folder');
    const reply = (await call(InvokeChannel.setDraft, [
      { id: 'd', path: null, scenario: validScenario() },
    ])) as {
      ok: boolean;
      reason: string;
    };
    expect(reply.ok).toBe(false);
    expect(reply.reason).toMatch(/EEXIST|ENOTDIR/);
  });

  it('keeps the fields as typed with the draft, as text of bounded size', async () => {
    const form = JSON.stringify({ target: { loss: '1.5' } });
    await call(InvokeChannel.setDraft, [{ id: 'd', path: null, scenario: validScenario(), form }]);
    expect(((await call(InvokeChannel.listDrafts)) as { form?: string }[])[0]?.form).toBe(form);
    await expect(
      call(InvokeChannel.setDraft, [{ id: 'd', path: null, scenario: validScenario(), form: {} }]),
    ).rejects.toThrow(/Invalid setDraft request: "form" must be a string/);
    await expect(
      call(InvokeChannel.setDraft, [
        { id: 'd', path: null, scenario: validScenario(), form: 'x'.repeat(MAX_SCENARIO_BYTES + 1) },
      ]),
    ).rejects.toThrow(/"form" is longer than/);
  });

  it('accepts only the open document as the draft path, and only safe ids', async () => {
    await expect(
      call(InvokeChannel.setDraft, [{ id: 'd', path: '/etc/passwd', scenario: validScenario() }]),
    ).rejects.toThrow(/the path is not an open document/);
    await expect(
      call(InvokeChannel.setDraft, [{ id: '../escape', path: null, scenario: validScenario() }]),
    ).rejects.toThrow(/Invalid setDraft request: "id" must be/);
  });
});

describe('preferences, shell and document state', () => {
  it('reads and updates preferences', async () => {
    await expect(call(InvokeChannel.setPreferences, [{ theme: 'dark' }])).resolves.toEqual({
      theme: 'dark',
      defaultLaw: null,
      defaultHardware: null,
      customGpus: [],
    });
    await expect(call(InvokeChannel.getPreferences)).resolves.toMatchObject({ theme: 'dark' });
    const gpu = { id: 'mine', peakFlops: { fp8: 2e15 }, memoryGB: 96, bandwidthTBs: 4, boardPowerW: 600 };
    await expect(call(InvokeChannel.setPreferences, [{ customGpus: [gpu] }])).resolves.toMatchObject({
      customGpus: [{ ...gpu, label: 'mine' }],
    });
  });

  it('opens https links only', async () => {
    await call(InvokeChannel.openExternal, ['https://example.com/']);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/');
    await expect(call(InvokeChannel.openExternal, ['file:///etc/passwd'])).rejects.toThrow(/Only https/);
  });

  it('puts the document name in the window title', async () => {
    await call(InvokeChannel.setDocumentState, [{ title: 'My run', dirty: false }]);
    expect(win.setTitle).toHaveBeenLastCalledWith('My run — Tradeoff Explorer');
  });
});
