/**
 * How counts and FLOPs are written, in the engine's own messages and everywhere else (the app,
 * the command line and the report re-export these through src/format/quantity.ts): short scales
 * people read without a glossary (K, M, B, T; never P or Q) and scientific notation beyond them.
 */

/** The short scales people read without a glossary; P and Q are not among them. */
const SCALE_NAMES: readonly [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** Counts from here on read as 1.2e15 rather than 1,200T. */
const LARGEST_SUFFIXED = 999.5e12;

/** A count with a short scale suffix and three significant digits: 24.2B, 2.66T, 950, 1.2e15. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const magnitude = Math.abs(value);
  if (magnitude >= LARGEST_SUFFIXED) return formatScientific(value);
  for (const [scale, name] of SCALE_NAMES) {
    if (magnitude >= scale * 0.9995) return `${trimZeros((value / scale).toPrecision(3))}${name}`;
  }
  if (magnitude < 0.01 && magnitude > 0) return formatScientific(value);
  return trimZeros(value.toPrecision(3));
}

/** Scientific notation with three significant digits, as papers print FLOPs: 4.82e23, 1e23, 2.5e-3. */
export function formatScientific(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const [mantissa = '', exponent] = value.toExponential(2).split('e');
  return `${trimZeros(mantissa)}e${Number(exponent)}`;
}

/** Drops trailing zeros of a fixed-point number: "24.0" → "24", "2.50" → "2.5"; scientific text is left as is. */
export function trimZeros(text: string): string {
  return text.includes('e') || !text.includes('.') ? text : text.replace(/\.?0+$/, '');
}
