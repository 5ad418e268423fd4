import { FileTooLargeError, NotRegularFileError, NotTextError, readTextFile } from '../files/read-text-file';
import {
  MAX_SCENARIO_BYTES,
  parseScenarioText,
  solveScenario,
  type Scenario,
  type SolvedScenario,
} from '../scenario';
import { NOT_UTF8_TEXT } from '../shared/utf8-text';
import { solveOrExplain } from './commands/shared';
import { InputError } from './usage-error';

/**
 * Reads and validates a scenario file through the same bounded reader as the desktop app, turning
 * every problem into one InputError naming the file and the field.
 */
export async function loadScenarioFile(file: string): Promise<Scenario> {
  let text: string;
  try {
    ({ text } = await readTextFile(file, MAX_SCENARIO_BYTES));
  } catch (error) {
    throw new InputError(`${file}: ${describeReadError(error)}`);
  }
  const result = parseScenarioText(text);
  if (result.ok) return result.scenario;
  throw new InputError(
    result.issues
      .map((issue) => `${file}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`)
      .join('\n'),
  );
}

/**
 * Reads, validates and solves a scenario file: what `solve` prints and what `validate` checks, one
 * pipeline, so a file that validates also solves and a refusal reads the same from both.
 */
export async function solveScenarioFile(file: string): Promise<SolvedScenario & { scenario: Scenario }> {
  const scenario = await loadScenarioFile(file);
  return { scenario, ...solveOrExplain(file, () => solveScenario(scenario)) };
}

/** Why a file could not be read, without repeating its name (the caller puts the path first). */
function describeReadError(error: unknown): string {
  if (error instanceof NotRegularFileError) return `not a regular file (${error.kind}); not a scenario file`;
  if (error instanceof FileTooLargeError) {
    return `larger than ${MAX_SCENARIO_BYTES.toLocaleString('en-US')} bytes; not a scenario file`;
  }
  if (error instanceof NotTextError) return `${NOT_UTF8_TEXT}; not a scenario file`;
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'not a regular file (a folder); not a scenario file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
