/**
 * Shape checks for everything the page sends, shared by both hosts (the desktop app's IPC
 * handlers and the browser version's API). The page is treated as untrusted input: a bug or an
 * injected script must get a clear error, never a half-applied request. Each check takes the
 * value and the request's name (for the message) and returns the value typed, or throws
 * PayloadError. Which check guards which request is listed in ipc.ts (PAYLOAD_VALIDATORS).
 * Pure: no Node, no DOM.
 */
import { MAX_SCENARIO_BYTES, validateScenario, type Scenario, type ScenarioIssue } from '../scenario';
import {
  EXPORT_KINDS,
  isDraftId,
  isFilePath,
  MAX_EXPORT_CHARS,
  MAX_FILE_NAME_LENGTH,
  MAX_PATH_LENGTH,
  MAX_TITLE_LENGTH,
} from './documents';
import type { DocumentState, DraftRequest, ExportRequest, SaveScenarioRequest } from './ipc';

const MAX_URL_LENGTH = 2048;
const MAX_ISSUES_SHOWN = 5;

export class PayloadError extends Error {
  constructor(request: string, problem: string) {
    super(`Invalid ${request} request: ${problem}`);
    this.name = 'PayloadError';
  }
}

type Fields = Record<string, unknown>;

/** A plain object with no fields but `allowed`. */
export function record(request: string, value: unknown, allowed: readonly string[]): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PayloadError(request, 'expected an object');
  }
  const unknownKey = Object.keys(value).find((key) => !allowed.includes(key));
  if (unknownKey !== undefined) throw new PayloadError(request, `unexpected field "${unknownKey}"`);
  return value as Fields;
}

function text(request: string, field: string, value: unknown, maxLength: number): string {
  if (typeof value !== 'string') throw new PayloadError(request, `"${field}" must be a string`);
  if (value.length > maxLength)
    throw new PayloadError(request, `"${field}" is longer than ${maxLength} characters`);
  return value;
}

/** The first few issues, each with its JSON path. */
export function describeIssues(issues: readonly ScenarioIssue[]): string {
  const shown = issues
    .slice(0, MAX_ISSUES_SHOWN)
    .map((issue) => `${issue.path || '(root)'}: ${issue.message}`);
  const more = issues.length > MAX_ISSUES_SHOWN ? ` (and ${issues.length - MAX_ISSUES_SHOWN} more)` : '';
  return `${shown.join('; ')}${more}`;
}

function scenario(request: string, value: unknown): Scenario {
  const result = validateScenario(value);
  if (result.ok) return result.scenario;
  throw new PayloadError(request, `the scenario is not valid: ${describeIssues(result.issues)}`);
}

function optionalPath(value: unknown, request: string): string | null {
  return value === null ? null : filePath(value, request);
}

/** Requests that carry nothing. */
export function noPayload(value: unknown, request: string): undefined {
  if (value !== undefined) throw new PayloadError(request, 'expected no arguments');
  return undefined;
}

export function filePath(value: unknown, request: string): string {
  const result = text(request, 'path', value, MAX_PATH_LENGTH);
  if (!isFilePath(result)) throw new PayloadError(request, '"path" must be a non-empty file path');
  return result;
}

export function saveScenarioRequest(value: unknown, request: string): SaveScenarioRequest {
  const fields = record(request, value, ['path', 'scenario']);
  return { path: optionalPath(fields.path, request), scenario: scenario(request, fields.scenario) };
}

/** A document's draft id: only a short, safe charset, so it never names a path. */
export function draftId(value: unknown, request: string): string {
  if (!isDraftId(value)) {
    throw new PayloadError(request, '"id" must be 1 to 64 letters, digits, "-" or "_"');
  }
  return value;
}

export function draftRequest(value: unknown, request: string): DraftRequest {
  const fields = record(request, value, ['id', 'path', 'scenario', 'form']);
  return {
    id: draftId(fields.id, request),
    path: optionalPath(fields.path, request),
    scenario: scenario(request, fields.scenario),
    ...(fields.form === undefined ? {} : { form: text(request, 'form', fields.form, MAX_SCENARIO_BYTES) }),
  };
}

export function exportRequest(value: unknown, request: string): ExportRequest {
  const fields = record(request, value, ['suggestedName', 'content', 'kind']);
  const kind = EXPORT_KINDS.find((k) => k === fields.kind);
  if (!kind) throw new PayloadError(request, `"kind" must be one of ${EXPORT_KINDS.join(', ')}`);
  return {
    suggestedName: text(request, 'suggestedName', fields.suggestedName, MAX_FILE_NAME_LENGTH),
    content: text(request, 'content', fields.content, MAX_EXPORT_CHARS),
    kind,
  };
}

export function documentState(value: unknown, request: string): DocumentState {
  const fields = record(request, value, ['title', 'dirty']);
  if (typeof fields.dirty !== 'boolean') throw new PayloadError(request, '"dirty" must be a boolean');
  return { title: text(request, 'title', fields.title, MAX_TITLE_LENGTH), dirty: fields.dirty };
}

export function flag(value: unknown, request: string): boolean {
  if (typeof value !== 'boolean') throw new PayloadError(request, 'expected true or false');
  return value;
}

/** Only the shape: whether the link may be opened is isSafeExternalUrl's call. */
export function url(value: unknown, request: string): string {
  return text(request, 'url', value, MAX_URL_LENGTH);
}
