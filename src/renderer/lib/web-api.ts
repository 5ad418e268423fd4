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
 * - preferences and the crash drafts live in localStorage, validated on every read; each tab keeps
 *   its own drafts, and drafts of a tab still open are not offered to another tab.
 */
import { SCENARIO_EXTENSION, scenarioSizeProblem, serializeScenario } from '../../scenario';
import { decodeUtf8Text, NOT_UTF8_TEXT } from '../../shared/utf8-text';
import {
  baseName,
  checkScenarioFileName,
  documentFileName,
  draftBody,
  DraftTooLargeError,
  isDraftId,
  newDraftId,
  EXPORT_FILE_TYPES,
  exportFileName,
  MAX_FILE_NAME_LENGTH,
  MAX_RECENT_FILES,
  parseDraft,
  pushRecent,
  SCENARIO_FILE_TYPE,
  scenarioFileName,
  scenarioFileText,
} from '../../shared/documents';
import { checkExternalUrl } from '../../shared/external-url';
import {
  checkPayload,
  InvokeChannel,
  type DesktopApi,
  type DocumentState,
  type Draft,
  type DraftWriteResult,
  type ExportRequest,
  type OpenedFile,
  type SaveScenarioRequest,
  type SavedFile,
  type UserPreferences,
} from '../../shared/ipc';
import { preferencesFrom } from '../../shared/preferences';
import { checkRunsFileName, RUNS_FILE_TYPE, runsSizeProblem } from '../../shared/runs-file';

/** The subset of the Web Storage API used here; `localStorage` satisfies it. */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What the web API needs of a file the user picked or dropped; a DOM `File` satisfies it. */
export interface PickedFile {
  readonly name: string;
  /** In bytes. */
  readonly size: number;
  /** The bytes, decoded here as the desktop app decodes files (File.text() would mangle non-UTF-8). */
  arrayBuffer(): Promise<ArrayBuffer>;
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
  /** This tab's id (a draft id), once the tab holds it: its drafts are stored under it. */
  tabId(): Promise<string>;
  /** The ids of the tabs open now, whose drafts are not offered to another tab. */
  openTabs(): Promise<ReadonlySet<string>>;
  now?(): Date;
}

export const STORAGE_KEYS = {
  preferences: 'tradeoff-explorer.preferences',
  recentFiles: 'tradeoff-explorer.recent-files',
  /** Where versions before per-tab drafts kept their one draft: moved to a draft key at start. */
  legacyDraft: 'tradeoff-explorer.draft',
} as const;

const DRAFT_KEY_PREFIX = 'tradeoff-explorer.draft.';
/** The tab a draft moved from older versions is filed under: no open tab ever has it. */
const MIGRATED_TAB = 'migrated';

/** The storage key of a tab's draft of one document: `tradeoff-explorer.draft.<tab>.<id>`. */
export function draftKey(tabId: string, id: string): string {
  return `${DRAFT_KEY_PREFIX}${tabId}.${id}`;
}

/** The tab and document a storage key holds the draft of; undefined for any other key. */
export function parseDraftKey(key: string): { tabId: string; id: string } | undefined {
  if (!key.startsWith(DRAFT_KEY_PREFIX)) return undefined;
  const [tabId, id, ...rest] = key.slice(DRAFT_KEY_PREFIX.length).split('.');
  return rest.length === 0 && isDraftId(tabId) && isDraftId(id) ? { tabId, id } : undefined;
}

/** What the Open dialog offers. */
export const SCENARIO_ACCEPT = `${SCENARIO_FILE_TYPE.extension},${SCENARIO_EXTENSION}`;
/** What the fit dialog's Open CSV… offers. */
export const RUNS_ACCEPT = `${RUNS_FILE_TYPE.extension},${RUNS_FILE_TYPE.mimeType}`;

// ---------------------------------------------------------------------------------------------
// Reading storage back (the rules themselves are shared with the desktop app: src/shared/)

function parseJson(raw: string | null): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/** Stored preferences, field by field: a damaged field falls back to its default alone. */
export function preferencesFromStorage(raw: string | null): UserPreferences {
  return preferencesFrom(parseJson(raw));
}

/** Stored recent files: names only, non-empty, without duplicates, at most MAX_RECENT_FILES. */
export function recentFilesFromStorage(raw: string | null): string[] {
  const value = parseJson(raw);
  if (!Array.isArray(value)) return [];
  const names = value.filter(
    (entry): entry is string =>
      typeof entry === 'string' && entry !== '' && entry.length <= MAX_FILE_NAME_LENGTH,
  );
  return [...new Set(names)].slice(0, MAX_RECENT_FILES);
}

/** A stored draft of document `id`, or null when there is none or it is not a draft of ours. */
export function draftFromStorage(raw: string | null, id: string): Draft | null {
  return raw === null ? null : parseDraft(raw, id);
}

/** Why the browser refused to keep a draft, for "Unsaved changes are not being backed up: …". */
export function storageFailure(error: unknown): string {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return 'the browser’s storage for this site is full';
  }
  return `the browser refused to store data (${error instanceof Error ? error.message : String(error)})`;
}

/** The export's file name and type, for a request that passed its payload check. */
export function exportTarget({ suggestedName, content, kind }: ExportRequest): SaveTarget {
  return {
    suggestedName: exportFileName(suggestedName, kind),
    content,
    ...EXPORT_FILE_TYPES[kind],
    overwrite: false,
  };
}

// ---------------------------------------------------------------------------------------------
// The API

/**
 * Reads a picked or dropped file as UTF-8 text; `sizeProblem` says why a size is too large (null
 * when it is not). Failures reject with a message fit for an error dialog.
 */
async function readPickedText(
  file: PickedFile,
  sizeProblem: (bytes: number) => string | null,
): Promise<OpenedFile> {
  const tooLarge = (bytes: number): Error | null => {
    const problem = sizeProblem(bytes);
    return problem === null
      ? null
      : new Error(`Could not open ${file.name}: the file is too large: ${problem}`);
  };
  const sizeError = tooLarge(file.size);
  if (sizeError) throw sizeError;
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch (error) {
    throw new Error(
      `Could not open ${file.name}: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  // The file may have grown since it was picked.
  const readError = tooLarge(bytes.byteLength);
  if (readError) throw readError;
  const text = decodeUtf8Text(new Uint8Array(bytes));
  if (text === null) throw new Error(`Could not open ${file.name}: ${NOT_UTF8_TEXT}`);
  return { path: file.name, text };
}

async function readScenarioFile(file: PickedFile): Promise<OpenedFile> {
  checkScenarioFileName(file.name);
  return readPickedText(file, scenarioSizeProblem);
}

/** A CSV of training runs, refused over the byte limit the desktop app and the command line use. */
async function readRunsFile(file: PickedFile): Promise<OpenedFile> {
  checkRunsFileName(file.name);
  return readPickedText(file, runsSizeProblem);
}

/**
 * Every request's payload passes the same check as in the desktop app (PAYLOAD_VALIDATORS in
 * src/shared/ipc.ts) before anything else happens.
 */
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

  /** Every key in storage now (a snapshot: callers remove keys while walking it). */
  function keys(): string[] {
    try {
      return Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
        (key): key is string => key !== null,
      );
    } catch {
      return [];
    }
  }

  /** The stored drafts: where each is kept, and for which tab and document. */
  function draftEntries(): { key: string; tabId: string; id: string }[] {
    return keys().flatMap((key) => {
      const parsed = parseDraftKey(key);
      return parsed ? [{ key, ...parsed }] : [];
    });
  }

  /** Files the one draft of older versions as a draft of a closed tab, so it is offered once. */
  function migrateLegacyDraft(): void {
    const raw = read(STORAGE_KEYS.legacyDraft);
    if (raw === null) return;
    try {
      if (parseDraft(raw, MIGRATED_TAB)) storage.setItem(draftKey(MIGRATED_TAB, newDraftId()), raw);
    } catch {
      return; // It could not be moved: it stays where it is, to be tried again next time.
    }
    remove(STORAGE_KEYS.legacyDraft);
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
      write(STORAGE_KEYS.recentFiles, JSON.stringify(pushRecent(recentFiles(), name)));
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
    { path, scenario }: SaveScenarioRequest,
    overwrite: boolean,
  ): Promise<SavedFile | null> {
    const saved = await host.saveFile({
      suggestedName: path !== null ? documentFileName(path) : scenarioFileName(scenario.name),
      content: scenarioFileText(scenario),
      ...SCENARIO_FILE_TYPE,
      overwrite: overwrite && path !== null,
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
      const name = baseName(checkPayload(InvokeChannel.openRecentFile, path));
      throw new Error(`The browser cannot reopen ${name} by name: choose it again with Open…`);
    },
    openDroppedFile(file) {
      return open(file);
    },
    async openRuns() {
      const file = await host.pickFile(RUNS_ACCEPT);
      return file ? readRunsFile(file) : null;
    },
    openDroppedRuns(file) {
      return readRunsFile(file);
    },
    getPathForFile(file) {
      return file.name;
    },
    async saveScenario(request) {
      return saveScenarioFile(checkPayload(InvokeChannel.saveScenario, request), true);
    },
    async saveScenarioAs(request) {
      return saveScenarioFile(checkPayload(InvokeChannel.saveScenarioAs, request), false);
    },
    async exportResults(request) {
      const saved = await host.saveFile(exportTarget(checkPayload(InvokeChannel.exportResults, request)));
      return saved === null ? null : { path: saved };
    },
    async getPreferences() {
      return preferencesFromStorage(read(STORAGE_KEYS.preferences));
    },
    async setPreferences(patch) {
      const next = {
        ...preferencesFromStorage(read(STORAGE_KEYS.preferences)),
        ...checkPayload(InvokeChannel.setPreferences, patch),
      };
      write(STORAGE_KEYS.preferences, JSON.stringify(next));
      return next;
    },
    async getRecentFiles() {
      return recentFiles();
    },
    async listDrafts() {
      migrateLegacyDraft();
      const [ownTab, openTabs] = await Promise.all([host.tabId(), host.openTabs()]);
      const drafts: Draft[] = [];
      for (const { key, tabId, id } of draftEntries()) {
        // Another open tab's drafts are its own: it is still backing them up.
        if (tabId !== ownTab && openTabs.has(tabId)) continue;
        const raw = read(key);
        const draft = draftFromStorage(raw, id);
        if (draft) drafts.push(draft);
        else if (raw !== null) remove(key);
      }
      return drafts.sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt));
    },
    async setDraft(request): Promise<DraftWriteResult> {
      const { id, path, scenario, form } = checkPayload(InvokeChannel.setDraft, request);
      const tabId = await host.tabId();
      let body: string;
      try {
        body = draftBody({ path, text: serializeScenario(scenario), form }, now());
        storage.setItem(draftKey(tabId, id), body);
      } catch (error) {
        return {
          ok: false,
          reason: error instanceof DraftTooLargeError ? error.message : storageFailure(error),
        };
      }
      // A restored draft of a closed tab now lives under this tab; its old copy goes.
      for (const entry of draftEntries()) if (entry.id === id && entry.tabId !== tabId) remove(entry.key);
      return { ok: true };
    },
    async clearDraft(id) {
      const checked = checkPayload(InvokeChannel.clearDraft, id);
      for (const entry of draftEntries()) if (entry.id === checked) remove(entry.key);
    },
    async setDocumentState(state) {
      host.setDocumentState?.(checkPayload(InvokeChannel.setDocumentState, state));
    },
    async confirmClose(proceed) {
      checkPayload(InvokeChannel.confirmClose, proceed);
      // The browser asks about unsaved changes itself (beforeunload); there is nothing to confirm.
    },
    async openExternal(url) {
      host.openWindow(checkExternalUrl(checkPayload(InvokeChannel.openExternal, url)));
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
    onPreferencesNotice() {
      // localStorage values are read back field by field (preferencesFrom): nothing to announce.
      return unsubscribe;
    },
  };
}

/** A Storage that lives as long as the page: the fallback when localStorage is unavailable. */
export class MemoryStorage implements KeyValueStorage {
  private readonly items = new Map<string, string>();

  get length(): number {
    return this.items.size;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

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
