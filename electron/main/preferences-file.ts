/**
 * Opens the preferences file so that damage costs as little as possible and never stops the app.
 * A file that is not JSON, or that breaks one rule of the schema, used to be reset whole (custom
 * GPUs and recent files gone, no copy). Now every valid key is kept, the original is moved aside
 * as `preferences.json.bad-<time>`, and the user is told once. A path that cannot be read at all
 * (a folder, no permission, a read-only disk) gives the defaults in memory and a notice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readableMembers } from '../../src/shared/json-salvage';
import type { PreferencesNotice } from '../../src/shared/ipc';
import { DEFAULT_PREFERENCES_DATA, type PreferencesData, type PreferenceStore } from './preferences';

/** A store that checks each value against the schema when it is set (electron-store does). */
export interface CheckedStore extends PreferenceStore {
  set<K extends keyof PreferencesData>(key: K, value: PreferencesData[K]): void;
  set(key: string, value: unknown): void;
}

export interface PreferencesFileOptions {
  /** The file the store reads and writes. */
  readonly file: string;
  /** Opens the store on `file`; throws when the file breaks the schema or is not JSON. */
  readonly createStore: () => CheckedStore;
  /** Reads the file's text (injected by tests to fail as a disk would). */
  readonly readText?: (file: string) => string;
  /** Whether the file can be written, or the error that says why not (injected likewise). */
  readonly checkWritable?: (file: string) => void;
  readonly now?: () => Date;
}

export interface OpenedPreferences {
  readonly store: PreferenceStore;
  /** What the user must be told, or null when the file was fine (or new). */
  readonly notice: PreferencesNotice | null;
}

/** Each stored key (of the schema, preferences.ts) by the name the user knows it, in the notice's order. */
const KEY_NAMES: { readonly [K in keyof PreferencesData]: string } = {
  theme: 'theme',
  defaultLaw: 'default scaling law',
  defaultHardware: 'default GPU',
  customGpus: 'your GPUs',
  recentFiles: 'recent files',
  windowState: 'window size and position',
};
const KEYS = Object.keys(KEY_NAMES) as (keyof PreferencesData)[];

export function openPreferencesFile(options: PreferencesFileOptions): OpenedPreferences {
  const { file, createStore } = options;
  const readText = options.readText ?? ((name: string) => fs.readFileSync(name, 'utf8'));
  let text: string | null = null;
  try {
    text = readText(file);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') return inMemory(file, error);
  }
  try {
    const store = createStore();
    try {
      (options.checkWritable ?? checkWritable)(file);
    } catch (error) {
      // Readable but not writable (a read-only disk): the stored values, kept for this session.
      return inMemory(file, error, null, store);
    }
    return { store, notice: null };
  } catch (error) {
    // Errors with a code come from the disk (EACCES, EROFS…); the others are a damaged file
    // (SyntaxError, or electron-store's "Config schema violation").
    if (text === null || errorCode(error) !== undefined) return inMemory(file, error);
  }
  let backupPath: string;
  try {
    backupPath = moveAside(file, (options.now ?? (() => new Date()))());
  } catch (error) {
    return inMemory(file, error);
  }
  let store: CheckedStore;
  try {
    store = createStore();
  } catch (error) {
    return inMemory(file, error, backupPath);
  }
  const results = salvage(store, readableMembers(text));
  return { store, notice: { message: damagedMessage(results, backupPath), backupPath } };
}

type Salvaged = { readonly key: keyof PreferencesData; readonly kept: 'all' | 'none' | string };

/**
 * Sets each stored key the schema knows, one at a time, so the schema decides what is valid and
 * one bad key costs only itself. A list the schema refuses whole is retried entry by entry: one
 * bad custom GPU (or one recent file too many) drops only that entry.
 */
function salvage(store: CheckedStore, members: Record<string, unknown>): Salvaged[] {
  return KEYS.map((key): Salvaged => {
    if (!Object.hasOwn(members, key)) return { key, kept: 'none' };
    const value = members[key];
    if (trySet(store, key, value)) return { key, kept: 'all' };
    if (!Array.isArray(value) || !trySet(store, key, [])) return { key, kept: 'none' };
    const kept: unknown[] = [];
    for (const entry of value) if (trySet(store, key, [...kept, entry])) kept.push(entry);
    return { key, kept: kept.length === 0 ? 'none' : `${kept.length} of ${value.length}` };
  });
}

function trySet(store: CheckedStore, key: string, value: unknown): boolean {
  try {
    store.set(key, value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Moves `file` to `<file>.bad-<time>`, the time in ISO 8601 with `-` for `:` (not allowed in
 * Windows file names). Never replaces an earlier backup: a name already taken gets `-2`, `-3`….
 * Copy-then-remove, because a copy can refuse an existing target (COPYFILE_EXCL) where a rename
 * would replace it.
 */
export function moveAside(file: string, now: Date): string {
  const base = `${file}.bad-${now.toISOString().replaceAll(':', '-')}`;
  for (let attempt = 1; ; attempt++) {
    const target = attempt === 1 ? base : `${base}-${attempt}`;
    try {
      fs.copyFileSync(file, target, fs.constants.COPYFILE_EXCL);
    } catch (error) {
      if (errorCode(error) === 'EEXIST') continue;
      throw error;
    }
    fs.rmSync(file);
    return target;
  }
}

function damagedMessage(results: readonly Salvaged[], backupPath: string): string {
  const kept = results
    .filter((result) => result.kept !== 'none')
    .map(({ key, kept }) => (kept === 'all' ? KEY_NAMES[key] : `${KEY_NAMES[key]} (${kept})`));
  const reset = results.filter((result) => result.kept === 'none').map(({ key }) => KEY_NAMES[key]);
  const summary =
    kept.length === 0
      ? 'Nothing in it could be used: every preference is back to its default.'
      : `Kept: ${kept.join(', ')}.` + (reset.length > 0 ? ` Back to defaults: ${reset.join(', ')}.` : '');
  return `Your preferences file was damaged, so it was moved to ${backupPath}. ${summary}`;
}

/** The defaults for this session only: nothing is written, and the user is told why. */
/**
 * Preferences for this session only, from `readable` when the file could be read (else the
 * defaults): nothing is written, and the user is told why.
 */
function inMemory(
  file: string,
  error: unknown,
  backupPath: string | null = null,
  readable?: PreferenceStore,
): OpenedPreferences {
  const reason = error instanceof Error ? error.message : String(error);
  const moved = backupPath === null ? '' : ` The damaged original was moved to ${backupPath}.`;
  const uses = readable ? 'your stored preferences' : 'its defaults';
  return {
    store: new MemoryPreferenceStore(readable),
    notice: {
      message:
        `Your preferences (${path.basename(file)}) could not be read or written: ${reason}. ` +
        `The app uses ${uses} for now, and changes to preferences will not be kept.${moved}`,
      backupPath,
    },
  };
}

/** Throws (EROFS, EACCES…) unless the file, or the folder it would be created in, is writable. */
function checkWritable(file: string): void {
  fs.accessSync(fs.existsSync(file) ? file : path.dirname(file), fs.constants.W_OK);
}

function errorCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** Preferences that last as long as the process: the fallback when the file cannot be used. */
export class MemoryPreferenceStore implements PreferenceStore {
  private readonly values: PreferencesData;

  /** Starts from `from`'s values, else from the defaults. */
  constructor(from?: PreferenceStore) {
    const keys = Object.keys(DEFAULT_PREFERENCES_DATA) as (keyof PreferencesData)[];
    this.values = from
      ? (Object.fromEntries(keys.map((key) => [key, from.get(key)])) as unknown as PreferencesData)
      : { ...DEFAULT_PREFERENCES_DATA };
  }

  get<K extends keyof PreferencesData>(key: K): PreferencesData[K] {
    return this.values[key];
  }

  set<K extends keyof PreferencesData>(key: K, value: PreferencesData[K]): void {
    (this.values as { [P in keyof PreferencesData]: PreferencesData[P] })[key] = value;
  }
}
