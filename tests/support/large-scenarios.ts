/**
 * Large scenario files that say which version they are, for tests that interrupt saves: a torn
 * or mixed write cannot pass for any of them.
 */
import { parseScenarioText, serializeScenario } from '../../src/scenario';
import { valid } from './scenarios';

/** The text of version `n`: about 400 kB, with notes that differ from every other version's. */
export function largeScenarioText(n: number): string {
  return serializeScenario(
    valid({
      name: `version ${n}`,
      target: { loss: 2.5 },
      demand: { inputTokens: 1e12, outputTokens: 1e11 },
      notes: `${n} `.repeat(400_000 / (String(n).length + 1)),
    }),
  );
}

/** The version a file's text is, or null when it is not exactly one of largeScenarioText's. */
export function largeScenarioVersion(text: string): number | null {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) return null;
  const n = Number(/^version (\d+)$/.exec(parsed.scenario.name)?.[1]);
  return Number.isInteger(n) && text === largeScenarioText(n) ? n : null;
}
