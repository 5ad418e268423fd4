/**
 * Rules for documents that the desktop app (electron/main) and the browser version
 * (src/renderer/lib/web-api.ts) both follow, kept here once: file names and extensions, size
 * limits, the file types offered when saving, Open Recent, the window or tab title and the crash
 * draft's stored form. Pure: no Node, no DOM.
 */
import {
  DEFAULT_NAME,
  MAX_SCENARIO_BYTES,
  SCENARIO_EXTENSION,
  scenarioSizeProblem,
  serializeScenario,
  utf8ByteLength,
  type Scenario,
} from '../scenario';
import type { DocumentState, Draft } from './ipc';

export const APP_NAME = 'Tradeoff Explorer';

// ---------------------------------------------------------------------------------------------
// Limits

/** The longest file path the page may name, and the longest kept in Open Recent. */
export const MAX_PATH_LENGTH = 4096;
/** The longest file name common file systems allow. */
export const MAX_FILE_NAME_LENGTH = 255;
/** Exports are text the page builds (tables, reports); anything longer is a bug. */
export const MAX_EXPORT_CHARS = 50 * 1024 * 1024;
export const MAX_TITLE_LENGTH = 200;
export const MAX_RECENT_FILES = 10;

/** A path the page may name: non-empty, bounded, and without the NUL that truncates C strings. */
export function isFilePath(value: unknown): value is string {
  return (
    typeof value === 'string' && value !== '' && value.length <= MAX_PATH_LENGTH && !value.includes('\0')
  );
}

// ---------------------------------------------------------------------------------------------
// File types and names

export const EXPORT_KINDS = ['csv', 'md'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** What a save dialog or the browser's save picker offers for one kind of file. */
export interface FileType {
  /** With its dot: the save filter's extension, and what saved names are made to end in. */
  readonly extension: string;
  readonly mimeType: string;
  /** Shown in the dialog's list of types. */
  readonly description: string;
}

export const SCENARIO_FILE_TYPE: FileType = {
  extension: '.json',
  mimeType: 'application/json',
  description: `Tradeoff scenario (*${SCENARIO_EXTENSION})`,
};

export const EXPORT_FILE_TYPES: Readonly<Record<ExportKind, FileType>> = {
  csv: { extension: '.csv', mimeType: 'text/csv', description: 'CSV table' },
  md: { extension: '.md', mimeType: 'text/markdown', description: 'Markdown' },
};

const UNTITLED_EXPORT = 'results';

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

/**
 * Gives a name or path the expected extension, which Linux save dialogs and browsers do not add:
 * `run` → `run.tradeoff.json`, and `run.json` → `run.tradeoff.json` rather than
 * `run.json.tradeoff.json`; a name that already ends in it (any case) is kept.
 */
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
export function baseName(filePath: string): string {
  return filePath.split(/[\\/]/).pop() ?? filePath;
}

/** The name a scenario is first saved under: its own name, made safe. */
export function scenarioFileName(scenarioName: string): string {
  return safeFileName(scenarioName, DEFAULT_NAME) + SCENARIO_EXTENSION;
}

/** The name an existing document is saved under again: its file name, with the scenario extension. */
export function documentFileName(documentPath: string): string {
  return withExtension(safeFileName(baseName(documentPath), DEFAULT_NAME), SCENARIO_EXTENSION);
}

/** The name an export is offered under: only the file name of the suggestion, made safe. */
export function exportFileName(suggestedName: string, kind: ExportKind): string {
  return withExtension(
    safeFileName(baseName(suggestedName), UNTITLED_EXPORT),
    EXPORT_FILE_TYPES[kind].extension,
  );
}

/**
 * The text a scenario is saved as. Refused before anything is written (or a location asked for)
 * when it is larger than a scenario file may be: the app must never save what it would not open.
 */
export function scenarioFileText(scenario: Scenario): string {
  const text = serializeScenario(scenario);
  const problem = scenarioSizeProblem(utf8ByteLength(text));
  if (problem !== null) throw new Error(`the scenario is too large to save: ${problem}; shorten its notes`);
  return text;
}

/**
 * Refuses, before reading it, a dropped or picked file that cannot be a scenario. Any `.json`
 * passes: scenario files renamed by hand or by a download keep working.
 */
export function checkScenarioFileName(fileName: string): void {
  if (!fileName.toLowerCase().endsWith('.json')) {
    throw new Error(`${fileName} is not a scenario file (*${SCENARIO_EXTENSION})`);
  }
}

/** Puts `entry` first, drops earlier entries `same` as it, keeps at most `max`. */
export function pushRecent(
  list: readonly string[],
  entry: string,
  same: (a: string, b: string) => boolean = (a, b) => a === b,
  max = MAX_RECENT_FILES,
): string[] {
  return [entry, ...list.filter((existing) => !same(existing, entry))].slice(0, max);
}

/**
 * The window or tab title for a document. `markDirty` puts a dot before the name of a document
 * with unsaved changes (macOS shows them in the close button instead).
 */
export function documentTitle({ title, dirty }: DocumentState, markDirty = true): string {
  return title ? `${markDirty && dirty ? '• ' : ''}${title} — ${APP_NAME}` : APP_NAME;
}

// ---------------------------------------------------------------------------------------------
// The crash draft

/** Identifies a stored draft; anything else found where a draft is kept is discarded. */
export const DRAFT_FORMAT = 'tradeoff-draft';
/**
 * The most a stored draft may hold, in UTF-8 bytes: a scenario and the fields as typed, each up to
 * MAX_SCENARIO_BYTES characters and JSON-escaped inside the envelope.
 */
export const MAX_DRAFT_BYTES = MAX_SCENARIO_BYTES * 4 + 1024;

export class DraftTooLargeError extends Error {
  constructor() {
    super(`the unsaved scenario is larger than a draft can hold (${MAX_DRAFT_BYTES} bytes)`);
    this.name = 'DraftTooLargeError';
  }
}

/** What a host hands over to keep: the serialised scenario and, optionally, the fields as typed. */
export interface DraftContent {
  readonly path: string | null;
  readonly text: string;
  readonly form?: string;
}

/**
 * The text a draft is stored as. Only what `parseDraft` reads back is written: the fields as
 * typed are dropped first when the draft would not fit, and a scenario too large to ever be read
 * back is refused with DraftTooLargeError.
 */
export function draftBody(draft: DraftContent, now: Date): string {
  if (draft.path !== null && !isFilePath(draft.path)) throw new Error('a draft’s path must be a file path');
  if (draft.text.length > MAX_SCENARIO_BYTES) throw new DraftTooLargeError();
  const form = draft.form !== undefined && draft.form.length <= MAX_SCENARIO_BYTES ? draft.form : undefined;
  const stored = {
    format: DRAFT_FORMAT,
    path: draft.path,
    text: draft.text,
    form,
    savedAt: now.toISOString(),
  };
  const fits = (body: string): boolean => utf8Length(body) <= MAX_DRAFT_BYTES;
  let body = `${JSON.stringify(stored)}\n`;
  // The last valid scenario matters most: the fields as typed go first when both do not fit.
  if (!fits(body)) body = `${JSON.stringify({ ...stored, form: undefined })}\n`;
  if (!fits(body)) throw new DraftTooLargeError();
  return body;
}

/** A stored draft read back, or null when the text is not a draft of ours or is damaged. */
export function parseDraft(raw: string): Draft | null {
  if (utf8Length(raw) > MAX_DRAFT_BYTES) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { format, path, text, form, savedAt } = value as Record<string, unknown>;
  if (format !== DRAFT_FORMAT || typeof text !== 'string' || typeof savedAt !== 'string') return null;
  if (path !== null && !isFilePath(path)) return null;
  if (text.length > MAX_SCENARIO_BYTES || Number.isNaN(Date.parse(savedAt))) return null;
  if (form !== undefined && (typeof form !== 'string' || form.length > MAX_SCENARIO_BYTES)) return null;
  return { path, text, ...(form === undefined ? {} : { form }), savedAt };
}

/** The length of `text` in UTF-8, as written to a file: the scenario engine's one rule. */
export const utf8Length = utf8ByteLength;
