/**
 * Numbers as people type and read them: "70B", "1.4T", "2,000,000", "7e10" in; "24.2B params",
 * "4.82e23 FLOPs", "$1.23M" out. Shared by the command line, the reports and the app.
 *
 * The one notation of every quantity shown to people (cards, chart axes and hovers, the CLI's
 * tables, the Markdown report, the headline) is decided here and nowhere else:
 * - parameters, tokens and other counts in K/M/B/T (`formatCount`); beyond 1,000T, where a planner
 *   would otherwise meet "P" or "Q", in scientific notation;
 * - FLOPs in scientific notation with the exponent written out as papers print it: 4.82e23
 *   (`formatScientific`), trailing zeros dropped so that axes read "1e23", not "1.00e23";
 * - money in US dollars with the same suffixes: $950, $1.23M, $4.1B (`formatDollars`);
 * - fractions as percentages (`formatPercent`) and ratios with three significant digits (`formatRatio`).
 * Machine-readable exports (CSV, JSON) keep full-precision numbers instead.
 */

const SUFFIXES: Readonly<Record<string, number>> = {
  K: 1e3,
  M: 1e6,
  B: 1e9,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  Q: 1e18,
};

/** What went wrong when text is not a quantity, phrased to follow the field's name. */
export class QuantityError extends Error {
  override readonly name = 'QuantityError';
}

/**
 * Parses a quantity: a plain or scientific number with optional thousands separators, optionally
 * followed by one of K, M, B (or G), T, P, Q (case-insensitive). Rejects anything else, including
 * NaN and infinities, with a message that says what was expected.
 */
export function parseQuantity(text: string): number {
  const trimmed = text.trim();
  const match = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?)\s*([kmbgtpq]?)$/i.exec(trimmed);
  const digits = match?.[1] ?? '';
  if (!match || !/\d/.test(digits)) {
    throw new QuantityError(`"${trimmed}" is not a number; write e.g. 70e9, 70B, 1.4T or 2,000,000`);
  }
  const value = Number(digits.replaceAll(',', '')) * (SUFFIXES[(match[2] ?? '').toUpperCase()] ?? 1);
  if (!Number.isFinite(value)) throw new QuantityError(`"${trimmed}" is too large to represent`);
  return value;
}

// Counts and FLOPs are written the same in the engine's own messages (its warnings) as everywhere
// else, so their rules live with the engine, which may import nothing from here.
export { formatCount, formatScientific } from '../model/notation';
import { formatCount, trimZeros } from '../model/notation';

/** US dollars with a scale suffix: $1.23M, $950, $4.1B. */
export function formatDollars(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const sign = value < 0 ? '−' : '';
  return `${sign}$${formatCount(Math.abs(value))}`;
}

/** A fraction as a percentage with two decimals: 0.04781 → "4.78 %". */
export function formatPercent(fraction: number, digits = 2): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(digits)} %`;
}

/** Whole numbers with thousands separators; one formatter, as building one per call is slow. */
const WHOLE_NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * A share in sentences, with two significant digits and at most two decimals: 0.1123 → "11 %",
 * 0.0478 → "4.8 %", 0.00123 → "0.12 %", 0.99996 → "99.99 %"; a headline needs the size of a
 * saving, not its fourth digit.
 */
export function formatShare(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  const percent = fraction * 100;
  const magnitude = Math.abs(percent);
  // A share short of all never reads as all: 99.996 % is "99.99 %", not "100 %".
  if (magnitude >= 99.5 && magnitude < 100) {
    return `${Math.sign(percent) * (Math.floor(magnitude * 100) / 100)} %`;
  }
  if (magnitude >= 9.95) return `${WHOLE_NUMBER.format(Math.round(percent))} %`;
  return `${percent.toFixed(magnitude >= 0.995 ? 1 : 2)} %`;
}

const INPUT_SUFFIXES: readonly [number, string][] = [
  [1e15, 'P'],
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
];

/**
 * A number as a person would type it into a field, and exactly: 7e10 → "70B", 1.4e12 → "1.4T",
 * 0.336 → "0.336"; a suffix is used only when it reads back to the very same number.
 */
export function formatQuantityInput(value: number): string {
  for (const [scale, suffix] of INPUT_SUFFIXES) {
    const scaled = value / scale;
    if (Math.abs(scaled) < 1 || Math.abs(scaled) >= 1e4) continue;
    const candidate = `${scaled}${suffix}`;
    if (candidate.length <= 7 && parseQuantity(candidate) === value) return candidate;
  }
  return String(value).replace('e+', 'e');
}

/** A loss (nats per token) to `digits` significant digits: 1.947, 2.1000. */
export function formatLoss(value: number, digits = 4): string {
  return Number.isFinite(value) ? value.toPrecision(digits) : '—';
}

const ENERGY_UNITS: readonly [number, string][] = [
  [1e9, 'TWh'],
  [1e6, 'GWh'],
  [1e3, 'MWh'],
  [1, 'kWh'],
];

/** Energy from kilowatt-hours, with the SI unit that reads best: 677 MWh, 1.26 GWh, 950 kWh. */
export function formatEnergy(kwh: number): string {
  if (!Number.isFinite(kwh)) return '—';
  for (const [scale, unit] of ENERGY_UNITS) {
    if (Math.abs(kwh) >= scale * 0.9995) return `${trimZeros((kwh / scale).toPrecision(3))} ${unit}`;
  }
  return `${trimZeros(kwh.toPrecision(3))} kWh`;
}

/** `digits` significant digits, with no trailing zeros: 35.388 → "35.39", 133.02 → "133". */
export function formatSignificant(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return '—';
  return Number(value.toPrecision(digits)).toString();
}

/** A ratio such as tokens per parameter: 3 significant digits, no exponent below a million. */
export function formatRatio(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value >= 1000 ? WHOLE_NUMBER.format(Math.round(value)) : trimZeros(value.toPrecision(3));
}
