import { ScienceError } from '../../model';
import { parseScenarioText, type Scenario } from '../../scenario';

/** What a worker answers about a scenario: its computed value, or why there is none. */
export type Computed<T> =
  { readonly kind: 'done'; readonly value: T } | { readonly kind: 'failed'; readonly message: string };

/**
 * The scenario a worker was sent as text (workers receive plain data only), or the format's first
 * complaint about it, "path: message".
 */
export function scenarioFromRequest(
  text: string,
): { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly message: string } {
  const parsed = parseScenarioText(text);
  if (parsed.ok) return { ok: true, scenario: parsed.scenario };
  const first = parsed.issues[0];
  return {
    ok: false,
    message: `${first?.path ? `${first.path}: ` : ''}${first?.message ?? 'invalid scenario'}`,
  };
}

/** `compute` run on the scenario sent as text; the engine's refusal becomes its message. */
export function computeOnScenario<T>(text: string, compute: (scenario: Scenario) => T): Computed<T> {
  const parsed = scenarioFromRequest(text);
  if (!parsed.ok) return { kind: 'failed', message: parsed.message };
  try {
    return { kind: 'done', value: compute(parsed.scenario) };
  } catch (error) {
    if (error instanceof ScienceError) return { kind: 'failed', message: error.message };
    throw error;
  }
}
