/**
 * Typed, explained failures of the science model. Every error the engine throws is one of these,
 * so callers (the command line, the app) can show the message as it is, without a stack trace.
 */
export type ScienceErrorCode =
  /** The target cannot be reached by this law at any size (e.g. a loss at or below E). */
  | 'unreachable'
  /** The answer exists mathematically but does not fit in a double (beyond ~1.8e308). */
  | 'out-of-range'
  /** An argument is not a finite number in the domain the formula needs. */
  | 'invalid-argument'
  /** An iteration did not reach its tolerance within its iteration limit. */
  | 'no-convergence';

export class ScienceError extends Error {
  override readonly name = 'ScienceError';
  constructor(
    readonly code: ScienceErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A number as messages print it: never "Infinity" or "NaN", which tell the user nothing. Finite
 * numbers print as given (or to `digits` significant digits).
 */
export function formatForMessage(value: number, digits?: number): string {
  if (Number.isNaN(value)) return 'not a number';
  if (value === Infinity) return 'beyond the largest double-precision number';
  if (value === -Infinity) return 'below the most negative double-precision number';
  return digits === undefined ? String(value) : value.toPrecision(digits);
}

/** Throws `invalid-argument` unless `value` is a finite number greater than zero. */
export function requirePositive(value: number, what: string): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new ScienceError(
      'invalid-argument',
      `${what} must be a finite number above 0 (got ${formatForMessage(value)})`,
    );
  }
  return value;
}

/** Throws `invalid-argument` unless `value` is a finite number at or above zero. */
export function requireNonNegative(value: number, what: string): number {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new ScienceError(
      'invalid-argument',
      `${what} must be a finite number ≥ 0 (got ${formatForMessage(value)})`,
    );
  }
  return value;
}

/** Throws `out-of-range` when a computed result overflowed or lost meaning. */
export function requireRepresentable(value: number, what: string): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new ScienceError('out-of-range', `${what} is beyond the range of double-precision numbers`);
  }
  return value;
}
