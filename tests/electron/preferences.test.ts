import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_RECENT_FILES,
  Preferences,
  preferencesSchema,
  pushRecentFile,
  type PreferencesData,
  type PreferenceStore,
} from '../../electron/main/preferences';
import { labGpu } from '../support/scenarios';

const file = (i: number): string => `/docs/run-${i}.tradeoff.json`;

describe('pushRecentFile', () => {
  it('puts the newest first', () => {
    expect(pushRecentFile([file(1), file(2)], file(3))).toEqual([file(3), file(1), file(2)]);
  });

  it('moves a reopened file to the front instead of listing it twice', () => {
    expect(pushRecentFile([file(1), file(2), file(3)], file(2))).toEqual([file(2), file(1), file(3)]);
  });

  it('treats differently spelled paths to one file as the same entry', () => {
    expect(pushRecentFile(['/docs/run-1.tradeoff.json'], '/docs/sub/../run-1.tradeoff.json')).toEqual([
      file(1),
    ]);
  });

  it(`keeps at most ${MAX_RECENT_FILES}`, () => {
    let list: string[] = [];
    for (let i = 0; i < 25; i++) list = pushRecentFile(list, file(i));
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(list[0]).toBe(file(24));
    expect(list.at(-1)).toBe(file(15));
  });
});

/** electron-store is Conf plus Electron paths; Conf runs the same schema without Electron. */
let folder: string;
let conf: Conf<PreferencesData>;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'tradeoff-prefs-'));
  conf = new Conf<PreferencesData>({ cwd: folder, projectName: 'tradeoff-test', schema: preferencesSchema });
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('Preferences', () => {
  it('starts from the schema defaults', () => {
    const prefs = new Preferences(conf);
    expect(prefs.user()).toEqual({
      theme: 'system',
      defaultLaw: null,
      defaultHardware: null,
      customGpus: [],
    });
    expect(prefs.recentFiles()).toEqual([]);
    expect(prefs.windowState()).toEqual({ width: 1280, height: 820, maximized: false });
  });

  it('applies partial updates and keeps other fields', () => {
    const prefs = new Preferences(conf);
    expect(prefs.updateUser({ theme: 'dark' })).toEqual({
      theme: 'dark',
      defaultLaw: null,
      defaultHardware: null,
      customGpus: [],
    });
    expect(prefs.updateUser({ defaultLaw: 'sardana2024', defaultHardware: 'H100-SXM' })).toEqual({
      theme: 'dark',
      defaultLaw: 'sardana2024',
      defaultHardware: 'H100-SXM',
      customGpus: [],
    });
    expect(prefs.updateUser({ defaultLaw: null }).defaultLaw).toBeNull();
  });

  it('keeps recent files deduplicated, capped and most recent first, and reports changes', () => {
    const prefs = new Preferences(conf);
    const listener = vi.fn();
    prefs.onRecentFilesChanged(listener);
    for (let i = 0; i < 12; i++) prefs.addRecentFile(file(i));
    prefs.addRecentFile(file(5));
    expect(prefs.recentFiles()).toEqual([5, 11, 10, 9, 8, 7, 6, 4, 3, 2].map(file));
    expect(prefs.hasRecentFile(file(9))).toBe(true);
    expect(prefs.hasRecentFile(file(0))).toBe(false);
    prefs.removeRecentFile(file(9));
    expect(prefs.recentFiles()).not.toContain(file(9));
    prefs.clearRecentFiles();
    expect(prefs.recentFiles()).toEqual([]);
    expect(listener).toHaveBeenCalledTimes(15);
    expect(listener).toHaveBeenLastCalledWith([]);
  });

  it('persists the user’s GPUs and drops stored entries that are no longer valid', () => {
    const prefs = new Preferences(conf);
    expect(prefs.updateUser({ customGpus: [labGpu] }).customGpus).toEqual([labGpu]);
    const reopened = new Conf<PreferencesData>({
      cwd: folder,
      projectName: 'tradeoff-test',
      schema: preferencesSchema,
    });
    expect(new Preferences(reopened).user().customGpus).toEqual([labGpu]);
    // The schema cannot see clashes: an id that is (now) a preset, or given twice, is dropped on read.
    conf.set('customGpus', [labGpu, { ...labGpu, id: 'B200' }, { ...labGpu, label: 'twice' }]);
    expect(prefs.user().customGpus).toEqual([labGpu]);
  });

  it('persists window state', () => {
    new Preferences(conf).setWindowState({ width: 1000, height: 700, x: 5, y: 6, maximized: true });
    const reopened = new Conf<PreferencesData>({
      cwd: folder,
      projectName: 'tradeoff-test',
      schema: preferencesSchema,
    });
    expect(new Preferences(reopened).windowState()).toEqual({
      width: 1000,
      height: 700,
      x: 5,
      y: 6,
      maximized: true,
    });
  });

  it('has a schema that rejects what the page must never store', () => {
    const store = conf as unknown as PreferenceStore & { set(key: string, value: unknown): void };
    expect(() => store.set('theme', 'neon')).toThrow();
    expect(() => store.set('defaultLaw', '../../etc')).toThrow();
    expect(() =>
      store.set(
        'recentFiles',
        Array.from({ length: 11 }, (_, i) => file(i)),
      ),
    ).toThrow();
    expect(() => store.set('windowState', { width: 1000, height: 700, maximized: 'yes' })).toThrow();
    expect(() => store.set('customGpus', [{ ...labGpu, memoryGB: -1 }])).toThrow();
    expect(() => store.set('customGpus', [{ ...labGpu, peakFlops: {} }])).toThrow();
    expect(() => store.set('customGpus', [{ ...labGpu, id: '../x' }])).toThrow();
    expect(() => store.set('customGpus', [{ ...labGpu, price: 2 }])).toThrow();
  });
});
