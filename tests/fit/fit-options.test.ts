import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FitOptionError, fitOptions, parseFitOption } from '../../src/fit/fit-options';

describe('parseFitOption', () => {
  it('reads what each option accepts, and leaves an absent one undefined', () => {
    expect(parseFitOption('huberDelta', '1e-3')).toBe(0.001);
    expect(parseFitOption('dropHighestLoss', '5')).toBe(5);
    expect(parseFitOption('dropHighestLoss', '0')).toBe(0);
    expect(parseFitOption('maxTokensPerParam', '100')).toBe(100);
    expect(parseFitOption('resamples', '0')).toBe(0);
    expect(parseFitOption('resamples', '1000000')).toBe(1e6);
    expect(parseFitOption('seed', '-3')).toBe(-3);
    expect(parseFitOption('seed', undefined)).toBeUndefined();
  });

  it.each([
    ['huberDelta', '0', 'must be a positive number (got "0")'],
    ['huberDelta', ' ', 'must be a positive number (got " ")'],
    ['dropHighestLoss', '2.5', 'must be a whole number, 0 or more (got "2.5")'],
    ['dropHighestLoss', '-1', 'must be a whole number, 0 or more (got "-1")'],
    ['maxTokensPerParam', 'Infinity', 'must be a positive number (got "Infinity")'],
    ['resamples', '1', 'must be 0 or a whole number from 2 to 1,000,000 (got "1")'],
    ['resamples', '1000001', 'must be 0 or a whole number from 2 to 1,000,000 (got "1000001")'],
    ['seed', '1e20', 'must be a whole number (got "1e20")'],
  ] as const)('refuses %s = "%s"', (option, text, message) => {
    expect(() => parseFitOption(option, text)).toThrow(new FitOptionError(option, text));
    expect(() => parseFitOption(option, text)).toThrow(message);
  });

  it('never lets through a count that is not whole', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (value) => {
        let parsed: number | undefined;
        try {
          parsed = parseFitOption('dropHighestLoss', String(value));
        } catch (error) {
          expect(error).toBeInstanceOf(FitOptionError);
          return;
        }
        expect(Number.isInteger(parsed) && (parsed as number) >= 0).toBe(true);
      }),
    );
  });
});

describe('fitOptions', () => {
  it('keeps only the options that were given', () => {
    expect(fitOptions({ huberDelta: undefined, dropHighestLoss: 5, maxTokensPerParam: undefined })).toEqual({
      dropHighestLoss: 5,
    });
    expect(fitOptions({})).toEqual({});
  });
});
