import { limitFor } from './limits';
import type { ScenarioIssue } from './types';

/** Which numbers a field accepts. */
export type NumberDomain =
  | 'positive' // (0, ∞)
  | 'non-negative' // [0, ∞)
  | 'fraction' // (0, 1]: utilisations
  | 'at-least-one'; // [1, ∞): multipliers such as k

const DOMAIN_TEXT: Record<NumberDomain, string> = {
  positive: 'must be above 0',
  'non-negative': 'must not be negative',
  fraction: 'is outside (0, 1]',
  'at-least-one': 'must be at least 1',
};

function inDomain(value: number, domain: NumberDomain): boolean {
  if (domain === 'positive') return value > 0;
  if (domain === 'non-negative') return value >= 0;
  if (domain === 'at-least-one') return value >= 1;
  return value > 0 && value <= 1;
}

/** A number as a limit's refusal shows it: large ones as powers of ten ("1e16", not 17 digits). */
function readable(value: number): string {
  return Math.abs(value) >= 1e6 ? value.toExponential().replace('e+', 'e') : String(value);
}

export type JsonObject = Record<string, unknown>;

export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}" (text)`;
  if (typeof value === 'object') return 'an object';
  return `${String(value)} (${typeof value})`;
}

/**
 * Reads fields out of untrusted JSON while collecting one precise, path-named issue per problem,
 * so that a file with several mistakes reports all of them at once.
 */
export class FieldReader {
  readonly issues: ScenarioIssue[] = [];

  report(path: string, message: string): undefined {
    this.issues.push({ path, message });
    return undefined;
  }

  object(value: unknown, path: string): JsonObject | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as JsonObject;
    return this.report(path, `expected an object, got ${describeValue(value)}`);
  }

  /** Reports every key of `object` that is not in `allowed`, suggesting the nearest allowed key. */
  onlyKeys(object: JsonObject, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(object)) {
      if (allowed.includes(key)) continue;
      const hint = nearestKey(key, allowed);
      this.report(
        childPath(path, key),
        `unknown field${hint ? ` (did you mean "${hint}"?)` : ''}; allowed here: ${allowed.join(', ')}`,
      );
    }
  }

  number(
    object: JsonObject,
    path: string,
    key: string,
    domain: NumberDomain,
    fallback?: number,
  ): number | undefined {
    const at = childPath(path, key);
    const value = object[key];
    if (value === undefined) {
      return fallback ?? this.report(at, 'missing; a number is required here');
    }
    return this.checkNumber(value, at, domain);
  }

  checkNumber(value: unknown, at: string, domain: NumberDomain): number | undefined {
    if (typeof value !== 'number') return this.report(at, `expected a number, got ${describeValue(value)}`);
    if (!Number.isFinite(value)) return this.report(at, `${value} is not a finite number`);
    if (!inDomain(value, domain)) return this.report(at, `${value} ${DOMAIN_TEXT[domain]}`);
    return this.withinLimit(value, at);
  }

  /** Refuses a number beyond its field's range (limits.ts), naming the range and why. */
  private withinLimit(value: number, at: string): number | undefined {
    const limit = limitFor(at);
    if (!limit) return value;
    if (value > limit.max)
      return this.report(
        at,
        `${readable(value)} is above the limit of ${readable(limit.max)} (${limit.why})`,
      );
    if (limit.min !== undefined && value < limit.min)
      return this.report(
        at,
        `${readable(value)} is below the limit of ${readable(limit.min)} (${limit.why})`,
      );
    return value;
  }

  flag(object: JsonObject, path: string, key: string, fallback: boolean): boolean | undefined {
    const value = object[key];
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    return this.report(childPath(path, key), `expected true or false, got ${describeValue(value)}`);
  }

  text(object: JsonObject, path: string, key: string, fallback: string): string | undefined {
    const value = object[key];
    if (value === undefined) return fallback;
    if (typeof value === 'string') return value;
    return this.report(childPath(path, key), `expected text, got ${describeValue(value)}`);
  }

  choice<T extends string>(
    object: JsonObject,
    path: string,
    key: string,
    options: readonly T[],
    fallback?: T,
  ): T | undefined {
    const at = childPath(path, key);
    const value = object[key];
    if (value === undefined)
      return fallback ?? this.report(at, `missing; one of ${quoteAll(options)} is required`);
    if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
    return this.report(at, `${describeValue(value)} is not one of ${quoteAll(options)}`);
  }
}

export function quoteAll(options: readonly string[]): string {
  return options.map((option) => `"${option}"`).join(', ');
}

/** The allowed key closest to a mistyped one (case-insensitive edit distance ≤ 2), if any. */
function nearestKey(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of allowed) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
