import type { FitOptions } from '../model/fit';

/**
 * The options of a fit as people type them (the command line's flags, the app's fit dialog), and
 * the one rule each must meet; each host says the rule in its own words around `expected`.
 */
export interface FitOptionRule {
  /** The command line's flag, without its dashes. */
  readonly flag: string;
  readonly check: (value: number) => boolean;
  /** What the value must be, to finish "… must be ". */
  readonly expected: string;
}

const isPositive = (value: number) => Number.isFinite(value) && value > 0;

export const FIT_OPTION_RULES = {
  huberDelta: { flag: 'huber-delta', check: isPositive, expected: 'a positive number' },
  dropHighestLoss: {
    flag: 'drop-highest-loss',
    check: (value) => Number.isInteger(value) && value >= 0,
    expected: 'a whole number, 0 or more',
  },
  maxTokensPerParam: { flag: 'max-tokens-per-param', check: isPositive, expected: 'a positive number' },
  resamples: {
    flag: 'bootstrap',
    check: (value) => value === 0 || (Number.isInteger(value) && value >= 2 && value <= 1e6),
    expected: '0 or a whole number from 2 to 1,000,000',
  },
  seed: { flag: 'seed', check: (value) => Number.isSafeInteger(value), expected: 'a whole number' },
} as const satisfies Record<string, FitOptionRule>;

export type FitOptionName = keyof typeof FIT_OPTION_RULES;

/** A typed option that breaks its rule; the message ("must be …") follows the option's name. */
export class FitOptionError extends Error {
  override readonly name = 'FitOptionError';
  constructor(
    readonly option: FitOptionName,
    readonly text: string,
  ) {
    super(`must be ${FIT_OPTION_RULES[option].expected} (got "${text}")`);
  }
}

/** The option's value, or undefined when left blank; FitOptionError when it breaks its rule. */
export function parseFitOption(option: FitOptionName, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !FIT_OPTION_RULES[option].check(value)) throw new FitOptionError(option, text);
  return value;
}

/** FitOptions with only the options that were given. */
export function fitOptions(given: {
  readonly huberDelta?: number | undefined;
  readonly dropHighestLoss?: number | undefined;
  readonly maxTokensPerParam?: number | undefined;
}): FitOptions {
  return {
    ...(given.huberDelta !== undefined ? { huberDelta: given.huberDelta } : {}),
    ...(given.dropHighestLoss !== undefined ? { dropHighestLoss: given.dropHighestLoss } : {}),
    ...(given.maxTokensPerParam !== undefined ? { maxTokensPerParam: given.maxTokensPerParam } : {}),
  };
}
