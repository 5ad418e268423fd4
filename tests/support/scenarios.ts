import type { GpuDefinition } from '../../src/model';
import { validateScenario, type Scenario } from '../../src/scenario';

/** A user's own GPU, as the preferences, the web API and the editor form tests use it. */
export const labGpu: GpuDefinition = {
  id: 'lab-gpu',
  label: 'Lab GPU',
  peakFlops: { bf16: 5e14, int8: 1e15 },
  memoryGB: 20,
  bandwidthTBs: 1.6,
  boardPowerW: 350,
};

/** Every issue of a scenario as "path: message", or [] when it is valid. */
export function issuesOf(value: unknown): string[] {
  const result = validateScenario(value);
  return result.ok ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message}`);
}

/** The validated scenario, or a thrown list of its issues. */
export function valid(value: unknown): Scenario {
  const result = validateScenario(value);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}
