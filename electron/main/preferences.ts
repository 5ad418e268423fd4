/**
 * User preferences, persisted by electron-store (atomic writes, JSON-schema checked). Only
 * settings live here: scenarios belong in their own files and the crash draft in drafts.ts. The
 * rules (defaults, ids, reading stored values back) are the browser version's too:
 * src/shared/preferences.ts.
 */
import path from 'node:path';
import type { Schema } from 'electron-store';
import { DTYPES } from '../../src/model';
import { ID_PATTERN, MAX_CUSTOM_GPUS, MAX_GPU_LABEL_LENGTH } from '../../src/scenario';
import { MAX_PATH_LENGTH, MAX_RECENT_FILES, pushRecent } from '../../src/shared/documents';
import type { PreferencesPatch, UserPreferences } from '../../src/shared/ipc';
import { DEFAULT_PREFERENCES, preferencesFrom, THEMES } from '../../src/shared/preferences';

export { MAX_RECENT_FILES };

export interface WindowState {
  readonly width: number;
  readonly height: number;
  readonly x?: number;
  readonly y?: number;
  readonly maximized: boolean;
}

export interface PreferencesData extends UserPreferences {
  readonly windowState: WindowState;
  readonly recentFiles: readonly string[];
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };

/** Every stored key at its default: what a new or unreadable preferences file starts from. */
export const DEFAULT_PREFERENCES_DATA: PreferencesData = {
  ...DEFAULT_PREFERENCES,
  windowState: DEFAULT_WINDOW_STATE,
  recentFiles: [],
};

const presetId = { type: ['string', 'null'], pattern: ID_PATTERN } as const;
const positive = { type: 'number', exclusiveMinimum: 0 } as const;

/**
 * The shape of a GPU definition; what JSON schema cannot say (ids clashing with presets or with
 * each other) is checked on read by the scenario validator's rules (`keepValidGpus`).
 */
const gpuDefinition = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: ID_PATTERN },
    label: { type: 'string', maxLength: MAX_GPU_LABEL_LENGTH },
    peakFlops: {
      type: 'object',
      properties: Object.fromEntries(DTYPES.map((dtype) => [dtype, positive])),
      additionalProperties: false,
      minProperties: 1,
    },
    memoryGB: positive,
    bandwidthTBs: positive,
    boardPowerW: positive,
  },
  required: ['id', 'label', 'peakFlops', 'memoryGB', 'bandwidthTBs', 'boardPowerW'],
  additionalProperties: false,
} as const;

export const preferencesSchema: Schema<PreferencesData> = {
  theme: { type: 'string', enum: [...THEMES], default: DEFAULT_PREFERENCES.theme },
  defaultLaw: { ...presetId, default: DEFAULT_PREFERENCES.defaultLaw },
  defaultHardware: { ...presetId, default: DEFAULT_PREFERENCES.defaultHardware },
  customGpus: {
    type: 'array',
    items: gpuDefinition,
    maxItems: MAX_CUSTOM_GPUS,
    default: [...DEFAULT_PREFERENCES_DATA.customGpus],
  },
  windowState: {
    type: 'object',
    properties: {
      width: { type: 'integer', minimum: 200, maximum: 100_000 },
      height: { type: 'integer', minimum: 200, maximum: 100_000 },
      x: { type: 'integer' },
      y: { type: 'integer' },
      maximized: { type: 'boolean' },
    },
    required: ['width', 'height', 'maximized'],
    additionalProperties: false,
    default: DEFAULT_PREFERENCES_DATA.windowState,
  },
  recentFiles: {
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: MAX_PATH_LENGTH },
    maxItems: MAX_RECENT_FILES,
    default: [...DEFAULT_PREFERENCES_DATA.recentFiles],
  },
};

/** The part of electron-store used here, so tests can substitute a Map. */
export interface PreferenceStore {
  get<K extends keyof PreferencesData>(key: K): PreferencesData[K];
  set<K extends keyof PreferencesData>(key: K, value: PreferencesData[K]): void;
}

/** Puts `filePath` first, drops earlier entries for the same file, keeps at most `max`. */
export function pushRecentFile(list: readonly string[], filePath: string, max = MAX_RECENT_FILES): string[] {
  return pushRecent(list, path.resolve(filePath), samePath, max);
}

function samePath(a: string, b: string): boolean {
  // Windows and default macOS file systems ignore case: C:\A.json and c:\a.json are one file.
  const fold = process.platform === 'linux' ? (p: string) => p : (p: string) => p.toLowerCase();
  return fold(path.resolve(a)) === fold(path.resolve(b));
}

export class Preferences {
  private readonly listeners = new Set<(recent: readonly string[]) => void>();

  constructor(private readonly store: PreferenceStore) {}

  user(): UserPreferences {
    // The schema checked each field's shape; what it cannot see (a GPU id that a newer build
    // made a preset, ids given twice) is dropped the same way the browser version drops it.
    return preferencesFrom({
      theme: this.store.get('theme'),
      defaultLaw: this.store.get('defaultLaw'),
      defaultHardware: this.store.get('defaultHardware'),
      customGpus: this.store.get('customGpus'),
    });
  }

  updateUser(patch: PreferencesPatch): UserPreferences {
    if (patch.theme !== undefined) this.store.set('theme', patch.theme);
    if (patch.defaultLaw !== undefined) this.store.set('defaultLaw', patch.defaultLaw);
    if (patch.defaultHardware !== undefined) this.store.set('defaultHardware', patch.defaultHardware);
    if (patch.customGpus !== undefined) this.store.set('customGpus', patch.customGpus);
    return this.user();
  }

  windowState(): WindowState {
    return this.store.get('windowState');
  }

  setWindowState(state: WindowState): void {
    this.store.set('windowState', state);
  }

  recentFiles(): readonly string[] {
    return this.store.get('recentFiles');
  }

  hasRecentFile(filePath: string): boolean {
    return this.recentFiles().some((existing) => samePath(existing, filePath));
  }

  addRecentFile(filePath: string): void {
    this.setRecent(pushRecentFile(this.recentFiles(), filePath));
  }

  removeRecentFile(filePath: string): void {
    this.setRecent(this.recentFiles().filter((existing) => !samePath(existing, filePath)));
  }

  clearRecentFiles(): void {
    this.setRecent([]);
  }

  /** Lets the native Open Recent menu follow the list. */
  onRecentFilesChanged(listener: (recent: readonly string[]) => void): void {
    this.listeners.add(listener);
  }

  private setRecent(list: readonly string[]): void {
    this.store.set('recentFiles', list);
    for (const listener of this.listeners) listener(list);
  }
}
