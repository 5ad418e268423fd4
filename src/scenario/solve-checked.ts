import { ScienceError } from '../model';
import { solveScenario, type SolvedScenario } from './solve-scenario';
import type { Scenario } from './types';
import { validateScenario } from './validate';

/** A scenario built in code solved, or why not, in the words a file would get. */
export type CheckedSolve =
  { readonly ok: true; readonly solved: SolvedScenario } | { readonly ok: false; readonly reason: string };

/**
 * Validates a scenario built in code (an input moved by the sensitivity, another law for the
 * comparison) as the format validates a file, then solves it: a value the format would refuse is
 * refused in its words (the first issue, with its path), and a scenario the engine cannot answer
 * gets the engine's explanation, so neither throws.
 */
export function solveChecked(scenario: Scenario): CheckedSolve {
  const checked = validateScenario(scenario);
  if (!checked.ok) {
    const issue = checked.issues[0];
    return { ok: false, reason: issue ? `${issue.path}: ${issue.message}` : 'refused' };
  }
  try {
    return { ok: true, solved: solveScenario(checked.scenario) };
  } catch (error) {
    if (error instanceof ScienceError) return { ok: false, reason: error.message };
    throw error;
  }
}
