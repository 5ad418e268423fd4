import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_PREFERENCES_DATA,
  Preferences,
  preferencesSchema,
  type PreferencesData,
} from '../../electron/main/preferences';
import { openPreferencesFile, type CheckedStore } from '../../electron/main/preferences-file';
import { labGpu } from '../support/scenarios';

vi.mock('electron', () => import('./fake-electron'));

/** electron-store is Conf plus Electron's paths; Conf runs the same schema without Electron. */
let folder: string;
let file: string;
const createStore = (): CheckedStore =>
  new Conf<PreferencesData>({
    cwd: folder,
    configName: 'preferences',
    projectName: 'tradeoff-test',
    schema: preferencesSchema,
  });
const NOW = new Date('2026-12-02T13:20:05.123Z');
const BACKUP_NAME = 'preferences.json.bad-2026-12-02T13-20-05.123Z';
const open = () => openPreferencesFile({ file, createStore, now: () => NOW });

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'tradeoff-prefs-file-'));
  file = path.join(folder, 'preferences.json');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const otherGpu = { ...labGpu, id: 'other-gpu', label: 'Other GPU' };
const recent = ['/docs/a.tradeoff.json', '/docs/b.tradeoff.json'];
/** A complete, valid file; recent files come last, where a cut-short write ends. */
const stored: PreferencesData = {
  theme: 'dark',
  defaultLaw: 'sardana2024',
  defaultHardware: 'H100-SXM',
  customGpus: [labGpu, otherGpu],
  windowState: { width: 1000, height: 700, x: 5, y: 6, maximized: true },
  recentFiles: recent,
};
const json = (value: unknown): string => JSON.stringify(value, null, '\t');

/** Everything the app reads back through Preferences. */
function readBack(preferences: Preferences): PreferencesData {
  return {
    ...preferences.user(),
    windowState: preferences.windowState(),
    recentFiles: preferences.recentFiles(),
  };
}

describe('openPreferencesFile on a damaged file', () => {
  const cases: {
    name: string;
    content: string | Buffer;
    kept: PreferencesData;
    notice: RegExp;
  }[] = [
    {
      name: 'one bad value (an unknown theme)',
      content: json({ ...stored, theme: 'neon' }),
      kept: { ...stored, theme: 'system' },
      notice:
        /Kept: default scaling law, default GPU, your GPUs, recent files, window size and position\. Back to defaults: theme\./,
    },
    {
      name: 'a value of the wrong type (recent files as a string)',
      content: json({ ...stored, recentFiles: '/docs/a.tradeoff.json' }),
      kept: { ...stored, recentFiles: [] },
      notice: /Back to defaults: recent files\./,
    },
    {
      name: 'truncated JSON (cut short inside the recent files)',
      content: json(stored).slice(0, json(stored).indexOf('b.tradeoff')),
      kept: { ...stored, recentFiles: [] },
      notice: /Back to defaults: recent files\./,
    },
    {
      name: 'one invalid custom GPU among valid ones',
      content: json({ ...stored, customGpus: [labGpu, { ...otherGpu, memoryGB: -1 }] }),
      kept: { ...stored, customGpus: [labGpu] },
      notice: /your GPUs \(1 of 2\)/,
    },
    {
      name: 'a syntax error in one value (an unquoted word)',
      content: json(stored).replace('"dark"', 'dark'),
      kept: { ...stored, theme: 'system' },
      notice: /Back to defaults: theme\./,
    },
    {
      name: 'a window size out of range',
      content: json({ ...stored, windowState: { width: 50, height: 700, maximized: false } }),
      kept: { ...stored, windowState: DEFAULT_PREFERENCES_DATA.windowState },
      notice: /Back to defaults: window size and position\./,
    },
    {
      name: 'more recent files than the list holds',
      content: json({
        ...stored,
        recentFiles: Array.from({ length: 11 }, (_, i) => `/docs/${i}.tradeoff.json`),
      }),
      kept: { ...stored, recentFiles: Array.from({ length: 10 }, (_, i) => `/docs/${i}.tradeoff.json`) },
      notice: /recent files \(10 of 11\)/,
    },
    {
      name: 'a byte-order mark from a Windows editor',
      content: `\uFEFF${json(stored)}`,
      kept: stored,
      notice:
        /Kept: theme, default scaling law, default GPU, your GPUs, recent files, window size and position\.$/,
    },
    {
      name: 'an array instead of an object',
      content: json([stored]),
      kept: DEFAULT_PREFERENCES_DATA,
      notice: /every preference is back to its default/,
    },
    {
      name: 'an empty file',
      content: '',
      kept: DEFAULT_PREFERENCES_DATA,
      notice: /every preference is back to its default/,
    },
    {
      name: 'bytes that are not UTF-8 text',
      content: Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x80, 0x81]),
      kept: DEFAULT_PREFERENCES_DATA,
      notice: /every preference is back to its default/,
    },
  ];

  it.each(cases)('$name: keeps what is valid, moves the original aside and says so', async (testCase) => {
    await writeFile(file, testCase.content);
    const opened = open();
    const backupPath = path.join(folder, BACKUP_NAME);

    expect(readBack(new Preferences(opened.store))).toEqual(testCase.kept);
    expect(opened.notice).toEqual({ message: expect.stringMatching(testCase.notice), backupPath });
    expect(opened.notice?.message).toContain(`moved to ${backupPath}`);
    // The original, byte for byte, is in the backup; the repaired file holds what was kept.
    expect(await readFile(backupPath)).toEqual(Buffer.from(testCase.content));
    expect(readBack(new Preferences(createStore()))).toEqual(testCase.kept);
    // Told once: the next start finds a valid file and says nothing.
    const reopened = open();
    expect(reopened.notice).toBeNull();
    expect(readBack(new Preferences(reopened.store))).toEqual(testCase.kept);
    expect((await readdir(folder)).sort()).toEqual(['preferences.json', BACKUP_NAME]);
  });

  it('never overwrites an earlier backup', async () => {
    await writeFile(path.join(folder, BACKUP_NAME), 'older');
    await writeFile(path.join(folder, `${BACKUP_NAME}-2`), 'older still');
    await writeFile(file, '{"theme": "neon"');
    const opened = open();
    expect(opened.notice?.backupPath).toBe(path.join(folder, `${BACKUP_NAME}-3`));
    expect(await readFile(path.join(folder, BACKUP_NAME), 'utf8')).toBe('older');
    expect(await readFile(path.join(folder, `${BACKUP_NAME}-2`), 'utf8')).toBe('older still');
    expect(await readFile(path.join(folder, `${BACKUP_NAME}-3`), 'utf8')).toBe('{"theme": "neon"');
  });
});

describe('openPreferencesFile on a sound or missing file', () => {
  it('opens a valid file as it is, with no notice and no backup', async () => {
    await writeFile(file, json(stored));
    const opened = open();
    expect(opened.notice).toBeNull();
    expect(readBack(new Preferences(opened.store))).toEqual(stored);
    expect(await readdir(folder)).toEqual(['preferences.json']);
  });

  it('starts a missing file from the defaults, with no notice', () => {
    const opened = open();
    expect(opened.notice).toBeNull();
    expect(readBack(new Preferences(opened.store))).toEqual(DEFAULT_PREFERENCES_DATA);
  });
});

describe('openPreferencesFile on a path that cannot be used', () => {
  const errno = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });

  /** The app starts on the defaults, keeps changes for the session, writes nothing, and says why. */
  async function expectDefaultsInMemory(
    opened: ReturnType<typeof open>,
    reason: string,
    untouched: string[],
  ): Promise<void> {
    expect(opened.notice).toEqual({
      message: expect.stringContaining(`could not be read or written: ${reason}`),
      backupPath: null,
    });
    const preferences = new Preferences(opened.store);
    expect(readBack(preferences)).toEqual(DEFAULT_PREFERENCES_DATA);
    preferences.updateUser({ theme: 'light' });
    preferences.addRecentFile('/docs/a.tradeoff.json');
    expect(preferences.user().theme).toBe('light');
    expect(preferences.recentFiles()).toEqual(['/docs/a.tradeoff.json']);
    expect((await readdir(folder)).sort()).toEqual(untouched);
  }

  it('a folder where the file should be', async () => {
    await mkdir(file);
    await expectDefaultsInMemory(open(), 'EISDIR', ['preferences.json']);
  });

  it('a file without read permission', async () => {
    await writeFile(file, json(stored));
    // Injected: these tests may run as root, who can read any file.
    const opened = openPreferencesFile({
      file,
      createStore,
      readText: () => {
        throw errno('EACCES', `permission denied, open '${file}'`);
      },
    });
    await expectDefaultsInMemory(opened, `EACCES: permission denied, open '${file}'`, ['preferences.json']);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(stored);
  });

  it('a read-only file system, where the store cannot write its defaults', async () => {
    const opened = openPreferencesFile({
      file,
      createStore: () => {
        throw errno('EROFS', `read-only file system, open '${file}'`);
      },
    });
    await expectDefaultsInMemory(opened, 'EROFS: read-only file system', []);
  });

  it('a valid file on a read-only disk: its values for the session, nothing written', async () => {
    await writeFile(file, json(stored));
    const opened = openPreferencesFile({
      file,
      createStore,
      checkWritable: () => {
        throw errno('EROFS', `read-only file system, access '${file}'`);
      },
    });
    expect(opened.notice).toEqual({
      message: expect.stringMatching(
        /could not be read or written: EROFS: read-only file system.*uses your stored preferences for now/,
      ),
      backupPath: null,
    });
    const preferences = new Preferences(opened.store);
    expect(readBack(preferences)).toEqual(stored);
    preferences.setWindowState({ width: 900, height: 600, maximized: false });
    preferences.addRecentFile('/docs/c.tradeoff.json');
    expect(preferences.windowState()).toEqual({ width: 900, height: 600, maximized: false });
    expect(preferences.recentFiles()).toEqual(['/docs/c.tradeoff.json', ...recent]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(stored);
  });

  it('a damaged file on a disk that turns read-only once it is moved aside', async () => {
    await writeFile(file, '{"theme": "neon"}');
    let opens = 0;
    const opened = openPreferencesFile({
      file,
      // The first open finds the damage (a schema violation); the second cannot write.
      createStore: () => {
        opens++;
        if (opens === 1) return createStore();
        throw errno('EROFS', 'read-only file system');
      },
      now: () => NOW,
    });
    const backupPath = path.join(folder, BACKUP_NAME);
    expect(opened.notice).toEqual({
      message: expect.stringMatching(
        /EROFS: read-only file system\..*moved to .*bad-2026-12-02T13-20-05\.123Z\.$/,
      ),
      backupPath,
    });
    expect(readBack(new Preferences(opened.store))).toEqual(DEFAULT_PREFERENCES_DATA);
    expect(await readFile(backupPath, 'utf8')).toBe('{"theme": "neon"}');
  });
});
