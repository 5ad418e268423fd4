/**
 * Shape checks for everything the page sends. The page is treated as untrusted input: a bug or
 * an injected script must get a clear error, never a half-applied request.
 */
import {
  checkGpuList,
  MAX_SCENARIO_BYTES,
  validateScenario,
  type Scenario,
  type ScenarioIssue,
} from '../../src/scenario';
import {
  EXPORT_KINDS,
  THEMES,
  type DocumentState,
  type DraftRequest,
  type ExportRequest,
  type PreferencesPatch,
  type SaveScenarioRequest,
} from '../../src/shared/ipc';
import { PRESET_ID_PATTERN } from './preferences';

const MAX_PATH_LENGTH = 4096;
const MAX_TITLE_LENGTH = 200;
const MAX_EXPORT_BYTES = 50 * 1024 * 1024;
const MAX_URL_LENGTH = 2048;
const MAX_ISSUES_SHOWN = 5;

export class PayloadError extends Error {
  constructor(request: string, problem: string) {
    super(`Invalid ${request} request: ${problem}`);
    this.name = 'PayloadError';
  }
}

type Fields = Record<string, unknown>;

function record(request: string, value: unknown, allowed: readonly string[]): Fields {
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

export function filePath(request: string, value: unknown): string {
  const result = text(request, 'path', value, MAX_PATH_LENGTH);
  if (result === '' || result.includes('\0'))
    throw new PayloadError(request, '"path" must be a non-empty file path');
  return result;
}

function optionalPath(request: string, value: unknown): string | null {
  return value === null ? null : filePath(request, value);
}

/** The first few issues, each with its JSON path. */
function describeIssues(issues: readonly ScenarioIssue[]): string {
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

export function saveScenarioRequest(request: string, value: unknown): SaveScenarioRequest {
  const fields = record(request, value, ['path', 'scenario']);
  return { path: optionalPath(request, fields.path), scenario: scenario(request, fields.scenario) };
}

export function draftRequest(value: unknown): DraftRequest {
  const request = 'setDraft';
  const fields = record(request, value, ['path', 'scenario', 'form']);
  return {
    path: optionalPath(request, fields.path),
    scenario: scenario(request, fields.scenario),
    ...(fields.form === undefined ? {} : { form: text(request, 'form', fields.form, MAX_SCENARIO_BYTES) }),
  };
}

export function exportRequest(value: unknown): ExportRequest {
  const request = 'exportResults';
  const fields = record(request, value, ['suggestedName', 'content', 'kind']);
  const kind = EXPORT_KINDS.find((k) => k === fields.kind);
  if (!kind) throw new PayloadError(request, `"kind" must be one of ${EXPORT_KINDS.join(', ')}`);
  return {
    suggestedName: text(request, 'suggestedName', fields.suggestedName, 255),
    content: text(request, 'content', fields.content, MAX_EXPORT_BYTES),
    kind,
  };
}

export function preferencesPatch(value: unknown): PreferencesPatch {
  const request = 'setPreferences';
  const fields = record(request, value, ['theme', 'defaultLaw', 'defaultHardware', 'customGpus']);
  const patch: { -readonly [K in keyof PreferencesPatch]: PreferencesPatch[K] } = {};
  if (fields.theme !== undefined) {
    const theme = THEMES.find((t) => t === fields.theme);
    if (!theme) throw new PayloadError(request, `"theme" must be one of ${THEMES.join(', ')}`);
    patch.theme = theme;
  }
  for (const key of ['defaultLaw', 'defaultHardware'] as const) {
    const id = fields[key];
    if (id === undefined) continue;
    if (id !== null && (typeof id !== 'string' || !new RegExp(PRESET_ID_PATTERN).test(id))) {
      throw new PayloadError(request, `"${key}" must be a preset id or null`);
    }
    patch[key] = id;
  }
  if (fields.customGpus !== undefined) {
    const gpus = checkGpuList(fields.customGpus, 'customGpus');
    if (!gpus.ok) throw new PayloadError(request, describeIssues(gpus.issues));
    patch.customGpus = gpus.gpus;
  }
  return patch;
}

export function documentState(value: unknown): DocumentState {
  const request = 'setDocumentState';
  const fields = record(request, value, ['title', 'dirty']);
  if (typeof fields.dirty !== 'boolean') throw new PayloadError(request, '"dirty" must be a boolean');
  return { title: text(request, 'title', fields.title, MAX_TITLE_LENGTH), dirty: fields.dirty };
}

export function flag(request: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new PayloadError(request, 'expected true or false');
  return value;
}

export function url(value: unknown): string {
  return text('openExternal', 'url', value, MAX_URL_LENGTH);
}
