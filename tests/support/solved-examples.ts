import { readdirSync, readFileSync } from 'node:fs';
import { solve, type Problem, type Solution } from '../../src/model';
import { parseScenarioText, problemFromScenario, type Scenario } from '../../src/scenario';

const EXAMPLES = new URL('../../resources/scenarios/', import.meta.url);

/** The file names of the shipped example scenarios. */
export const EXAMPLE_FILES: readonly string[] = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.tradeoff.json'))
  .sort();

export interface Solved {
  readonly scenario: Scenario;
  readonly problem: Problem;
  readonly solution: Solution;
}

/** A scenario (file text or JSON object) parsed, resolved and solved; throws if it is invalid. */
export function solvedFrom(input: string | object): Solved {
  const parsed = parseScenarioText(typeof input === 'string' ? input : JSON.stringify(input));
  if (!parsed.ok) throw new Error(`scenario invalid: ${JSON.stringify(parsed)}`);
  const problem = problemFromScenario(parsed.scenario);
  return { scenario: parsed.scenario, problem, solution: solve(problem) };
}

/** The JSON of one shipped example. */
export function exampleJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(file, EXAMPLES), 'utf8')) as Record<string, unknown>;
}

export function solvedExample(file: string): Solved {
  return solvedFrom(exampleJson(file));
}
