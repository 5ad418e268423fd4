import fc from 'fast-check';

/** Numbers spread evenly in log10 between `min` and `max`, as scaling quantities are. */
export function logUniform(min: number, max: number): fc.Arbitrary<number> {
  return fc
    .double({ min: Math.log10(min), max: Math.log10(max), noNaN: true, noDefaultInfinity: true })
    .map((exponent) => 10 ** exponent);
}
