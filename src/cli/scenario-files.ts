import {
  MAX_SCENARIO_BYTES,
  parseScenarioText,
  solveScenario,
  type Scenario,
  type SolvedScenario,
} from '../scenario';
import { solveOrExplain } from './commands/shared';
import { readInputFile } from './input-file';
import { InputError } from './usage-error';

/**
 * Reads and validates a scenario file through the same bounded reader as the desktop app, turning
 * every problem into one InputError naming the file and the field.
 */
export async function loadScenarioFile(file: string): Promise<Scenario> {
  const text = await readInputFile(file, MAX_SCENARIO_BYTES, 'scenario file');
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
