import { SCENARIO_FORMAT, SCENARIO_VERSION, type Scenario } from './types';
import { validateScenario } from './validate';

/**
 * The file text of a scenario: pretty JSON in a fixed key order (so that saved files diff well and
 * compare equal), every default written out, and a trailing newline. The scenario is normalised
 * through the validator first, which also fixes the order of keys inside each section; an invalid
 * scenario is a programming error here, never written to disk.
 */
export function serializeScenario(scenario: Scenario): string {
  const result = validateScenario(scenario);
  if (!result.ok) {
    const first = result.issues[0];
    throw new Error(`cannot save an invalid scenario: ${first?.path}: ${first?.message}`);
  }
  const normal = result.scenario;
  const ordered = {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    name: normal.name,
    notes: normal.notes,
    law: normal.law,
    ...(normal.target ? { target: normal.target } : {}),
    demand: normal.demand,
    objective: normal.objective,
    ...(normal.gpus ? { gpus: normal.gpus } : {}),
    training: normal.training,
    inference: normal.inference,
    baselines: normal.baselines,
    ...(normal.testTime ? { testTime: normal.testTime } : {}),
    energy: normal.energy,
    ...(normal.data ? { data: normal.data } : {}),
    ...(normal.plans ? { plans: normal.plans } : {}),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
