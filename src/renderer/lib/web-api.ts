/**
 * `DesktopApi` for a plain browser, so the renderer runs unchanged outside Electron. Everything
 * that touches the DOM sits behind `WebHost` (see browser-host.ts), which keeps this module pure
 * and testable under Node.
 *
 * Differences from the desktop app, all forced by the browser sandbox:
 * - a document's `path` is just its file name; the page never learns where a file lives;
 * - Save writes back to the same file only when the File System Access API granted a handle in
 *   this session; otherwise every save is a download;
 * - recent files are remembered by name only and cannot be reopened without the Open dialog;
 * - preferences and the crash draft live in localStorage, validated on every read.
 */
import {
  checkGpuList,
  isId,
  keepValidGpus,
  MAX_SCENARIO_BYTES,
  SCENARIO_EXTENSION,
  serializeScenario,
} from '../../scenario';
import { checkExternalUrl } from '../../shared/external-url';
import {
  EXPORT_KINDS,
  THEMES,
  type DesktopApi,
  type DocumentState,
  type Draft,
  type ExportKind,
  type ExportRequest,
  type OpenedFile,
  type PreferencesPatch,
  type SaveScenarioRequest,
  type SavedFile,
  type UserPreferences,
} from '../../shared/ipc';

/** The subset of the Web Storage API used here; `localStorage` satisfies it. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What the web API needs of a file the user picked or dropped; a DOM `File` satisfies it. */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
}

export interface SaveTarget {
  /** The file name offered to the user (and the download's name). */
  readonly suggestedName: string;
  readonly content: string;
  /** MIME type, e.g. `application/json`. */
  readonly mimeType: string;
  /** Shown in the save picker's type list. */
  readonly description: string;
  /** The extension with its dot, e.g. `.json`, for the save picker's type filter. */
  readonly extension: string;
  /**
   * Save (not Save As): write to the file of that name without asking when this session holds
   * a handle for it.
   */
  readonly overwrite: boolean;
}

/** The browser services the web API uses; browser-host.ts provides the real ones. */
export interface WebHost {
  readonly storage: KeyValueStorage;
  /** Shows the file picker; null when the user cancels. */
  pickFile(accept: string): Promise<PickedFile | null>;
  /** Writes a file the user chooses or downloads it; the saved file's name, or null when cancelled. */
  saveFile(target: SaveTarget): Promise<string | null>;
  openWindow(url: string): void;
  /** Reflects the document in the tab: its title, and a leave-page warning while dirty. */
  setDocumentState?(state: DocumentState): void;
  now?(): Date;
}

export const STORAGE_KEYS = {
  preferences: 'tradeoff-explorer.preferences',
  recentFiles: 'tradeoff-explorer.recent-files',
  draft: 'tradeoff-explorer.draft',
} as const;

export const MAX_RECENT_FILES = 10;
/** What the Open dialog offers. */
export const SCENARIO_ACCEPT = `.json,${SCENARIO_EXTENSION}`;
const MAX_NAME_LENGTH = 255;
const MAX_EXPORT_CHARS = 50 * 1024 * 1024;
const DRAFT_FORMAT = 'tradeoff-draft';

export const DEFAULT_PREFERENCES: UserPreferences = {
  theme: 'system',
  defaultLaw: null,
  defaultHardware: null,
  customGpus: [],
};

export const EXPORT_TYPES: Record<ExportKind, { readonly mimeType: string; readonly description: string }> = {
  csv: { mimeType: 'text/csv', description: 'CSV table' },
  md: { mimeType: 'text/markdown', description: 'Markdown' },
};
const SCENARIO_TYPE = { mimeType: 'application/json', description: 'Tradeoff scenario (*.tradeoff.json)' };

// ---------------------------------------------------------------------------------------------
// Pure helpers

/** Path separators, and the characters (control characters included) Windows forbids in names. */
// eslint-disable-next-line no-control-regex
const UNSAFE_FILE_NAME_CHARS = /[\\/:*?"<>|\u0000-\u001f]/g;

/** A file name from free text (a scenario name): no folders, no characters Windows rejects. */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = name
    .replace(UNSAFE_FILE_NAME_CHARS, '-')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 100);
  return cleaned || fallback;
}

/** `run` → `run.tradeoff.json`, `run.json` → `run.tradeoff.json`, `a.tradeoff.json` unchanged. */
export function withExtension(fileName: string, extension: string): string {
  if (fileName.toLowerCase().endsWith(extension)) return fileName;
  const lastDot = extension.lastIndexOf('.');
  const finalPart = extension.slice(lastDot);
  const stem =
    lastDot > 0 && fileName.toLowerCase().endsWith(finalPart)
      ? fileName.slice(0, -finalPart.length)
      : fileName;
  return stem + extension;
}

/** The file name part of a path or name, whatever the separator. */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Puts `name` first, drops earlier entries of that name, keeps at most `max`. */
export function pushRecentFile(list: readonly string[], name: string, max = MAX_RECENT_FILES): string[] {
  return [name, ...list.filter((existing) => existing !== name)].slice(0, max);
}

function parseJson(raw: string | null): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTheme(value: unknown): value is UserPreferences['theme'] {
  return THEMES.some((theme) => theme === value);
}

function isPresetId(value: unknown): value is string {
  return isId(value);
}

/** Stored preferences, field by field: a damaged field falls back to its default alone. */
export function preferencesFromStorage(raw: string | null): UserPreferences {
  const value = parseJson(raw);
  if (!isRecord(value)) return DEFAULT_PREFERENCES;
  return {
    theme: isTheme(value.theme) ? value.theme : DEFAULT_PREFERENCES.theme,
    defaultLaw: isPresetId(value.defaultLaw) ? value.defaultLaw : null,
    defaultHardware: isPresetId(value.defaultHardware) ? value.defaultHardware : null,
    // Each GPU alone: a damaged or clashing entry is dropped, the others kept.
    customGpus: keepValidGpus(value.customGpus),
  };
}

/** Stored recent files: names only, non-empty, without duplicates, at most 10. */
export function recentFilesFromStorage(raw: string | null): string[] {
  const value = parseJson(raw);
  if (!Array.isArray(value)) return [];
  const names = value.filter(
    (entry): entry is string => typeof entry === 'string' && entry !== '' && entry.length <= MAX_NAME_LENGTH,
  );
  return [...new Set(names)].slice(0, MAX_RECENT_FILES);
}

/** The stored draft, or null when there is none or it is not a draft of ours. */
export function draftFromStorage(raw: string | null): Draft | null {
  const value = parseJson(raw);
  if (!isRecord(value)) return null;
  const { format, path, text, form, savedAt } = value;
  if (format !== DRAFT_FORMAT || typeof text !== 'string' || typeof savedAt !== 'string') return null;
  if (path !== null && typeof path !== 'string') return null;
  if (text.length > MAX_SCENARIO_BYTES || Number.isNaN(Date.parse(savedAt))) return null;
  if (form !== undefined && (typeof form !== 'string' || form.length > MAX_SCENARIO_BYTES)) return null;
  return { path, text, ...(form === undefined ? {} : { form }), savedAt };
}

/** Checks a preferences patch the way the desktop app does: a bad field rejects the whole patch. */
export function checkPreferencesPatch(patch: unknown): PreferencesPatch {
  const invalid = (problem: string): Error => new Error(`Invalid setPreferences request: ${problem}`);
  if (!isRecord(patch)) throw invalid('expected an object');
  const result: { -readonly [K in keyof UserPreferences]?: UserPreferences[K] } = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (key === 'theme') {
      if (!isTheme(value)) throw invalid(`"theme" must be one of ${THEMES.join(', ')}`);
      result.theme = value;
    } else if (key === 'defaultLaw' || key === 'defaultHardware') {
      if (value !== null && !isPresetId(value)) throw invalid(`"${key}" must be a preset id or null`);
      result[key] = value;
    } else if (key === 'customGpus') {
      const gpus = checkGpuList(value, 'customGpus');
      if (!gpus.ok) {
        const first = gpus.issues[0];
        throw invalid(`${first?.path}: ${first?.message}`);
      }
      result.customGpus = gpus.gpus;
    } else {
      throw invalid(`unexpected field "${key}"`);
    }
  }
  return result;
}

/** The export's file name and type; the request is checked like the desktop app checks it. */
export function exportTarget(request: ExportRequest): SaveTarget {
  const invalid = (problem: string): Error => new Error(`Invalid exportResults request: ${problem}`);
  if (!isRecord(request)) throw invalid('expected an object');
  const kind = EXPORT_KINDS.find((k) => k === request.kind);
  if (!kind) throw invalid(`"kind" must be one of ${EXPORT_KINDS.join(', ')}`);
  if (typeof request.suggestedName !== 'string') throw invalid('"suggestedName" must be a string');
  if (typeof request.content !== 'string') throw invalid('"content" must be a string');
  if (request.content.length > MAX_EXPORT_CHARS) throw invalid('"content" is too large');
  const extension = `.${kind}`;
  return {
    suggestedName: withExtension(safeFileName(baseName(request.suggestedName), 'results'), extension),
    content: request.content,
    ...EXPORT_TYPES[kind],
    extension,
    overwrite: false,
  };
}

// ---------------------------------------------------------------------------------------------
// The API

function isScenarioFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.json');
}

/** Reads a picked or dropped file; failures reject with a message fit for an error dialog. */
async function readScenarioFile(file: PickedFile): Promise<OpenedFile> {
  if (!isScenarioFileName(file.name)) {
    throw new Error(`${file.name} is not a scenario file (*${SCENARIO_EXTENSION})`);
  }
  if (file.size > MAX_SCENARIO_BYTES) {
    throw new Error(
      `Could not open ${file.name}: the file is larger than ${MAX_SCENARIO_BYTES} bytes; not a scenario`,
    );
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    throw new Error(
      `Could not open ${file.name}: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  return { path: file.name, text };
}

export function createWebApi(host: WebHost): DesktopApi {
  const { storage } = host;
  const now = (): Date => host.now?.() ?? new Date();

  function read(key: string): string | null {
    try {
      return storage.getItem(key);
    } catch {
      return null;
    }
  }

  function write(key: string, value: string): void {
    try {
      storage.setItem(key, value);
    } catch (error) {
      // Quota exceeded or storage disabled: the caller's promise rejects with a clear message.
      throw new Error(
        `The browser refused to store data (${error instanceof Error ? error.message : String(error)})`,
        { cause: error },
      );
    }
  }

  function remove(key: string): void {
    try {
      storage.removeItem(key);
    } catch {
      // Nothing stored can be removed; nothing to do.
    }
  }

  function recentFiles(): string[] {
    return recentFilesFromStorage(read(STORAGE_KEYS.recentFiles));
  }

  function addRecentFile(name: string): void {
    try {
      write(STORAGE_KEYS.recentFiles, JSON.stringify(pushRecentFile(recentFiles(), name)));
    } catch {
      // The file itself was opened or saved; a recent-files list that cannot be kept is no error.
    }
  }

  async function open(file: PickedFile): Promise<OpenedFile> {
    const opened = await readScenarioFile(file);
    addRecentFile(opened.path);
    return opened;
  }

  async function saveScenarioFile(
    request: SaveScenarioRequest,
    overwrite: boolean,
  ): Promise<SavedFile | null> {
    // Throws for an invalid scenario, so one is never written.
    const content = serializeScenario(request.scenario);
    const suggestedName =
      request.path !== null
        ? withExtension(safeFileName(baseName(request.path), 'Untitled scenario'), SCENARIO_EXTENSION)
        : safeFileName(request.scenario.name, 'Untitled scenario') + SCENARIO_EXTENSION;
    const saved = await host.saveFile({
      suggestedName,
      content,
      ...SCENARIO_TYPE,
      extension: '.json',
      overwrite: overwrite && request.path !== null,
    });
    if (saved === null) return null;
    addRecentFile(saved);
    return { path: saved };
  }

  const unsubscribe = (): void => {};

  return {
    async openScenario() {
      const file = await host.pickFile(SCENARIO_ACCEPT);
      return file ? open(file) : null;
    },
    async openRecentFile(path) {
      throw new Error(
        `The browser cannot reopen ${baseName(String(path))} by name: choose it again with Open…`,
      );
    },
    openDroppedFile(file) {
      return open(file);
    },
    getPathForFile(file) {
      return file.name;
    },
    async saveScenario(request) {
      return saveScenarioFile(request, true);
    },
    async saveScenarioAs(request) {
      return saveScenarioFile(request, false);
    },
    async exportResults(request) {
      const saved = await host.saveFile(exportTarget(request));
      return saved === null ? null : { path: saved };
    },
    async getPreferences() {
      return preferencesFromStorage(read(STORAGE_KEYS.preferences));
    },
    async setPreferences(patch) {
      const next = {
        ...preferencesFromStorage(read(STORAGE_KEYS.preferences)),
        ...checkPreferencesPatch(patch),
      };
      write(STORAGE_KEYS.preferences, JSON.stringify(next));
      return next;
    },
    async getRecentFiles() {
      return recentFiles();
    },
    async getDraft() {
      const raw = read(STORAGE_KEYS.draft);
      const draft = draftFromStorage(raw);
      if (raw !== null && draft === null) remove(STORAGE_KEYS.draft);
      return draft;
    },
    async setDraft(request) {
      const text = serializeScenario(request.scenario);
      const path = request.path === null ? null : String(request.path);
      const form: unknown = request.form;
      if (form !== undefined && (typeof form !== 'string' || form.length > MAX_SCENARIO_BYTES)) {
        throw new Error(
          `Invalid setDraft request: "form" must be a string of at most ${MAX_SCENARIO_BYTES} characters`,
        );
      }
      write(
        STORAGE_KEYS.draft,
        JSON.stringify({ format: DRAFT_FORMAT, path, text, form, savedAt: now().toISOString() }),
      );
    },
    async clearDraft() {
      remove(STORAGE_KEYS.draft);
    },
    async setDocumentState(state) {
      host.setDocumentState?.(state);
    },
    async confirmClose() {
      // The browser asks about unsaved changes itself (beforeunload); there is nothing to confirm.
    },
    async openExternal(url) {
      host.openWindow(checkExternalUrl(String(url)));
    },
    onMenuCommand() {
      return unsubscribe;
    },
    onOpenFile() {
      return unsubscribe;
    },
    onCloseRequested() {
      return unsubscribe;
    },
  };
}

/** A Storage that lives as long as the page: the fallback when localStorage is unavailable. */
export class MemoryStorage implements KeyValueStorage {
  private readonly items = new Map<string, string>();

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }
}
