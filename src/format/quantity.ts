/**
 * Numbers as people type and read them: "70B", "1.4T", "2,000,000", "7e10" in; "24.2B params",
 * "4.82e23 FLOPs", "$1.23M" out. Shared by the command line and the app.
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

const SCALE_NAMES: readonly [number, string][] = [
  [1e18, 'Q'],
  [1e15, 'P'],
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** A count with a short scale suffix and three significant digits: 24.2B, 2.66T, 950. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e21) return formatScientific(value);
  for (const [scale, name] of SCALE_NAMES) {
    if (magnitude >= scale * 0.9995) return `${trimZeros((value / scale).toPrecision(3))}${name}`;
  }
  if (magnitude < 0.01 && magnitude > 0) return formatScientific(value);
  return trimZeros(value.toPrecision(3));
}

/** Scientific notation with three significant digits, as papers print FLOPs: 4.82e23. */
export function formatScientific(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const [mantissa, exponent] = value.toExponential(2).split('e');
  return `${mantissa}e${Number(exponent)}`;
}

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

/** A ratio such as tokens per parameter: 3 significant digits, no exponent below a million. */
export function formatRatio(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value >= 1000 ? WHOLE_NUMBER.format(Math.round(value)) : trimZeros(value.toPrecision(3));
}

function trimZeros(text: string): string {
  return text.includes('e') || !text.includes('.') ? text : text.replace(/\.?0+$/, '');
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
