import { readFileSync, statSync } from 'node:fs';
import { MAX_SCENARIO_BYTES, parseScenarioText, type Scenario } from '../scenario';
import { InputError } from './usage-error';

/** Reads and validates a scenario file, turning every problem into one InputError naming file and field. */
export function loadScenarioFile(file: string): Scenario {
  let text: string;
  try {
    if (statSync(file).size > MAX_SCENARIO_BYTES) {
      throw new InputError(`${file}: larger than ${MAX_SCENARIO_BYTES} bytes; not a scenario file`);
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (error as Error).message;
    throw new InputError(`${file}: ${reason}`);
  }
  const result = parseScenarioText(text);
  if (result.ok) return result.scenario;
  throw new InputError(
    result.issues
      .map((issue) => `${file}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`)
      .join('\n'),
  );
}
