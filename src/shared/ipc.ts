/**
 * The contract between the page and its host, the Electron main process or the browser version
 * (src/renderer/lib/web-api.ts): the channels, what each request carries and answers, and the
 * check every request's payload passes first. The preload, the renderer and both hosts import
 * this module, so it must never pull in `electron`, Node or the DOM.
 */
import type { GpuDefinition, Scenario } from '../scenario';
import type { ExportKind } from './documents';
import * as payloads from './payloads';
import { checkPreferencesPatch, type Theme } from './preferences';

export { EXPORT_KINDS, type ExportKind } from './documents';
export { PayloadError } from './payloads';
export { THEMES, type Theme } from './preferences';

/** Page → host requests; in Electron each is answered by exactly one `ipcMain.handle` handler. */
export const InvokeChannel = {
  openScenario: 'scenario:open',
  openRecentFile: 'scenario:open-recent',
  openDroppedFile: 'scenario:open-dropped',
  saveScenario: 'scenario:save',
  saveScenarioAs: 'scenario:save-as',
  exportResults: 'results:export',
  getPreferences: 'preferences:get',
  setPreferences: 'preferences:set',
  getRecentFiles: 'recent-files:get',
  listDrafts: 'drafts:list',
  setDraft: 'draft:set',
  clearDraft: 'draft:clear',
  setDocumentState: 'document:set-state',
  confirmClose: 'document:confirm-close',
  openExternal: 'shell:open-external',
  openRuns: 'runs:open',
  openDroppedRuns: 'runs:open-dropped',
} as const;
export type InvokeChannel = (typeof InvokeChannel)[keyof typeof InvokeChannel];

/** Main → renderer notifications. */
export const EventChannel = {
  menuCommand: 'menu:command',
  openFile: 'document:open-file',
  closeRequested: 'document:close-requested',
  preferencesNotice: 'preferences:notice',
} as const;
export type EventChannel = (typeof EventChannel)[keyof typeof EventChannel];

/**
 * Menu items the page acts on. `close` closes the document (e.g. back to a new scenario), not the
 * window; closing the window goes through the native unsaved-changes prompt instead.
 */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'saveAs',
  'export',
  'close',
  'showSources',
  'about',
  'fitLaw',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** A scenario file read from disk. `text` is raw: parse it with `parseScenarioText`. */
export interface OpenedFile {
  readonly path: string;
  readonly text: string;
}

export interface SavedFile {
  readonly path: string;
}

/**
 * What Save did: wrote the file (SavedFile), nothing (null: cancelled), or, when the file had been
 * changed on disk by another program and the user chose "Reload from Disk", read the disk version
 * for the page to open in place of its own.
 */
export type SaveReply = SavedFile | { readonly reloaded: OpenedFile } | null;

/**
 * `path` is the document's current location, or null for a document never saved. The main
 * process only writes to a path the user picked or opened in this session.
 */
export interface SaveScenarioRequest {
  readonly path: string | null;
  readonly scenario: Scenario;
}

/**
 * Unsaved work for crash recovery: the last valid scenario, and the editor's fields as typed
 * (opaque JSON text, at most MAX_SCENARIO_BYTES) when they do not make a valid scenario yet.
 */
export interface DraftRequest extends SaveScenarioRequest {
  /** The document's draft id (see isDraftId in documents.ts): one draft per document. */
  readonly id: string;
  readonly form?: string;
}

/**
 * How a draft write went. A failure (disk full, no permission, too large) is an answer, not an
 * error: the page shows its reason until a later write succeeds.
 */
export type DraftWriteResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface ExportRequest {
  /** A file name without folders; the extension for `kind` is added when missing. */
  readonly suggestedName: string;
  readonly content: string;
  readonly kind: ExportKind;
}

/** Settings the page may read and change. Window placement and recent files stay in main. */
export interface UserPreferences {
  readonly theme: Theme;
  /** A scaling-law preset id, or null to use the engine's default. */
  readonly defaultLaw: string | null;
  /** A GPU id (a preset or one of `customGpus`), or null to use the engine's default. */
  readonly defaultHardware: string | null;
  /**
   * The user's own GPUs, offered in every scenario's GPU list; a scenario that uses one carries its
   * definition in its `gpus` section. Checked like a scenario's `gpus` (validateScenario).
   */
  readonly customGpus: readonly GpuDefinition[];
}
export type PreferencesPatch = Partial<UserPreferences>;

/**
 * The stored preferences could not be used as they were: sent once, when the page has loaded, so
 * the user learns what was kept and where the damaged original went.
 */
export interface PreferencesNotice {
  /** What happened and what was kept, in a sentence or two for the user. */
  readonly message: string;
  /** Where the unreadable original was moved, or null when it stayed where it was. */
  readonly backupPath: string | null;
}

/**
 * An unsaved scenario kept for crash recovery; `text` parses with `parseScenarioText`, and `form`,
 * when present, holds the editor's fields as typed over it (see DraftRequest).
 */
export interface Draft {
  /** The id of the document it was written for. */
  readonly id: string;
  /** The scenario's name, for the list of drafts on offer. */
  readonly name: string;
  readonly path: string | null;
  readonly text: string;
  readonly form?: string;
  /** ISO 8601 time of the last draft write. */
  readonly savedAt: string;
}

export interface DocumentState {
  /** The document's display name, shown in the window title. */
  readonly title: string;
  /** True while there are unsaved changes: marks the title and arms the close prompt. */
  readonly dirty: boolean;
}

export type Unsubscribe = () => void;

/** Exposed by the preload as `window.tradeoff`. Rejected promises carry a readable message. */
export interface DesktopApi {
  /** Shows the native Open dialog; null when the user cancels. */
  openScenario(): Promise<OpenedFile | null>;
  /** Opens an entry of `getRecentFiles()`; a missing file is dropped from the list and rejects. */
  openRecentFile(path: string): Promise<OpenedFile>;
  /** Opens a file dropped on the page (from a DragEvent's dataTransfer). */
  openDroppedFile(file: File): Promise<OpenedFile>;
  /** The file-system path of a dropped file, for display; empty for files not from disk. */
  getPathForFile(file: File): string;
  /**
   * Saves to `path`, or asks for a location when `path` is null; null when the user cancels. A
   * file changed on disk since it was read or written is not overwritten without asking (see
   * SaveReply). A read-only file, or a scenario too large to open again, rejects before writing.
   */
  saveScenario(request: SaveScenarioRequest): Promise<SaveReply>;
  /** Always asks for a location, starting from `path` when given; null when the user cancels. */
  saveScenarioAs(request: SaveScenarioRequest): Promise<SavedFile | null>;
  /** Asks for a location and writes the export there; null when the user cancels. */
  exportResults(request: ExportRequest): Promise<SavedFile | null>;
  getPreferences(): Promise<UserPreferences>;
  /** Applies the given fields and returns the full, stored preferences. */
  setPreferences(patch: PreferencesPatch): Promise<UserPreferences>;
  /** Most recent first, at most 10. */
  getRecentFiles(): Promise<string[]>;
  /**
   * Every draft left by a session (or browser tab) that ended with unsaved changes, newest first;
   * drafts of tabs still open are not offered to another tab.
   */
  listDrafts(): Promise<Draft[]>;
  /**
   * Call (debounced) after edits; `path` must be null or the document's current path. Replaces
   * the draft of `id` only; a write that fails answers why and keeps the previous draft.
   */
  setDraft(draft: DraftRequest): Promise<DraftWriteResult>;
  /** Removes the draft of `id`: after a save, after New, or when the user discards it. */
  clearDraft(id: string): Promise<void>;
  setDocumentState(state: DocumentState): Promise<void>;
  /**
   * Answers `onCloseRequested`: true once the save succeeded so the window may close, false
   * when it was cancelled or failed so the window stays open.
   */
  confirmClose(proceed: boolean): Promise<void>;
  /** Opens an https:// URL in the user's browser; other schemes reject. */
  openExternal(url: string): Promise<void>;
  /**
   * Shows the Open dialog for a CSV of training runs (MAX_RUNS_CSV_BYTES at most); null when the
   * user cancels. Rejects with a message naming the file when it cannot be read as text.
   */
  openRuns(): Promise<OpenedFile | null>;
  /** Reads a CSV of training runs dropped on the fit dialog, as `openRuns` reads a chosen one. */
  openDroppedRuns(file: File): Promise<OpenedFile>;
  onMenuCommand(callback: (command: MenuCommand) => void): Unsubscribe;
  /**
   * Files opened from the command line, a second launch, the macOS Dock/Finder or the Open
   * Recent menu. Subscribe while the page loads; replacing a dirty document is the page's call.
   */
  onOpenFile(callback: (file: OpenedFile) => void): Unsubscribe;
  /**
   * The user chose Save in the native unsaved-changes prompt on close: save (Save As if the
   * document has no path), then call `confirmClose`.
   */
  onCloseRequested(callback: () => void): Unsubscribe;
  /** The stored preferences were damaged or unreadable at start (at most once per session). */
  onPreferencesNotice(callback: (notice: PreferencesNotice) => void): Unsubscribe;
}

/** A request's payload (`undefined`: it carries none) and its reply. */
interface Request<P, R> {
  readonly payload: P;
  readonly reply: R;
}

/**
 * What each request carries (once its payload check passed) and what it answers. A channel
 * missing here, or in PAYLOAD_VALIDATORS, or in the main process's handler table, does not compile.
 */
export interface InvokeContract {
  [InvokeChannel.openScenario]: Request<undefined, OpenedFile | null>;
  [InvokeChannel.openRecentFile]: Request<string, OpenedFile>;
  /** The dropped file's path, looked up by the preload. */
  [InvokeChannel.openDroppedFile]: Request<string, OpenedFile>;
  [InvokeChannel.saveScenario]: Request<SaveScenarioRequest, SaveReply>;
  [InvokeChannel.saveScenarioAs]: Request<SaveScenarioRequest, SavedFile | null>;
  [InvokeChannel.exportResults]: Request<ExportRequest, SavedFile | null>;
  [InvokeChannel.getPreferences]: Request<undefined, UserPreferences>;
  [InvokeChannel.setPreferences]: Request<PreferencesPatch, UserPreferences>;
  [InvokeChannel.getRecentFiles]: Request<undefined, string[]>;
  [InvokeChannel.listDrafts]: Request<undefined, Draft[]>;
  [InvokeChannel.setDraft]: Request<DraftRequest, DraftWriteResult>;
  [InvokeChannel.clearDraft]: Request<string, void>;
  [InvokeChannel.setDocumentState]: Request<DocumentState, void>;
  [InvokeChannel.confirmClose]: Request<boolean, void>;
  [InvokeChannel.openExternal]: Request<string, void>;
  [InvokeChannel.openRuns]: Request<undefined, OpenedFile | null>;
  /** The dropped file's path, looked up by the preload. */
  [InvokeChannel.openDroppedRuns]: Request<string, OpenedFile>;
}

export type Payload<C extends InvokeChannel> = InvokeContract[C]['payload'];
export type Reply<C extends InvokeChannel> = InvokeContract[C]['reply'];
/** The arguments a request is sent with: none, or its one payload. */
export type InvokeArgs<C extends InvokeChannel> = Payload<C> extends undefined ? [] : [payload: Payload<C>];

/** Returns the payload typed, or throws PayloadError naming `request`. */
export type PayloadValidator<C extends InvokeChannel> = (value: unknown, request: string) => Payload<C>;

/** The check each request's payload passes before its host does anything with it. */
export const PAYLOAD_VALIDATORS: { readonly [C in InvokeChannel]: PayloadValidator<C> } = {
  [InvokeChannel.openScenario]: payloads.noPayload,
  [InvokeChannel.openRecentFile]: payloads.filePath,
  [InvokeChannel.openDroppedFile]: payloads.filePath,
  [InvokeChannel.saveScenario]: payloads.saveScenarioRequest,
  [InvokeChannel.saveScenarioAs]: payloads.saveScenarioRequest,
  [InvokeChannel.exportResults]: payloads.exportRequest,
  [InvokeChannel.getPreferences]: payloads.noPayload,
  [InvokeChannel.setPreferences]: checkPreferencesPatch,
  [InvokeChannel.getRecentFiles]: payloads.noPayload,
  [InvokeChannel.listDrafts]: payloads.noPayload,
  [InvokeChannel.setDraft]: payloads.draftRequest,
  [InvokeChannel.clearDraft]: payloads.draftId,
  [InvokeChannel.setDocumentState]: payloads.documentState,
  [InvokeChannel.confirmClose]: payloads.flag,
  [InvokeChannel.openExternal]: payloads.url,
  [InvokeChannel.openRuns]: payloads.noPayload,
  [InvokeChannel.openDroppedRuns]: payloads.filePath,
};

/** The DesktopApi method a channel serves, such as `saveScenario`: how errors name the request. */
export function requestName(channel: InvokeChannel): string {
  return Object.entries(InvokeChannel).find(([, value]) => value === channel)?.[0] ?? channel;
}

/** Checks a request's payload with its channel's validator: the typed payload, or PayloadError. */
export function checkPayload<C extends InvokeChannel>(channel: C, value: unknown): Payload<C> {
  const validate: PayloadValidator<C> = PAYLOAD_VALIDATORS[channel];
  return validate(value, requestName(channel));
}
