import { MAX_NESTING, scanJsonStructure } from './json-structure';
import type { ScenarioResult } from './types';
import { validateScenario } from './validate';

/** Scenario files are small; anything larger is not one, and reading it whole would stall the app. */
export const MAX_SCENARIO_BYTES = 1_000_000;

/** The length of `text` in UTF-8 as written to a file (a lone surrogate becomes U+FFFD, 3 bytes). */
export function utf8ByteLength(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/**
 * The one size rule for scenario files, applied when opening and before saving, so the app never
 * writes a file it would then refuse to open: why a file of `bytes` (UTF-8) is too large, or null
 * when it fits.
 */
export function scenarioSizeProblem(bytes: number): string | null {
  if (bytes <= MAX_SCENARIO_BYTES) return null;
  const format = (count: number): string => count.toLocaleString('en-US');
  return `${format(bytes)} bytes is more than the ${format(MAX_SCENARIO_BYTES)} bytes a scenario file may hold`;
}

/** Parses and validates the text of a `.tradeoff.json` file. */
export function parseScenarioText(text: string): ScenarioResult {
  const sizeProblem = scenarioSizeProblem(utf8ByteLength(text));
  if (sizeProblem !== null) {
    return { ok: false, issues: [{ path: '', message: `the file is too large: ${sizeProblem}` }] };
  }
  if (text.trim() === '') return { ok: false, issues: [{ path: '', message: 'the file is empty' }] };
  const structure = scanJsonStructure(text);
  if (structure.tooDeepAtLine !== undefined) {
    return {
      ok: false,
      issues: [
        {
          path: '',
          message: `nested more than ${MAX_NESTING} levels deep at line ${structure.tooDeepAtLine}; not a scenario`,
        },
      ],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      issues: [{ path: '', message: `not valid JSON: ${describeJsonError(text, error)}` }],
    };
  }
  if (structure.duplicates.length > 0) {
    return {
      ok: false,
      issues: structure.duplicates.map(({ key, path, firstLine, line }) => ({
        path,
        message: `the key ${JSON.stringify(key)} is repeated on line ${line} (first on line ${firstLine}); JSON readers keep only the last, so give it once`,
      })),
    };
  }
  return validateScenario(value);
}

/** JSON.parse's message with the line and column of the position it names, when it names one. */
function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return message;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`;
}
