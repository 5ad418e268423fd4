import { UsageError } from './usage-error';

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly options: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
}

/**
 * Splits argv into positionals, `--name value` / `--name=value` options and boolean `--flags`,
 * accepting only the names a command declares so that a typo is a usage error, not silently ignored.
 */
export function parseArgs(
  argv: readonly string[],
  spec: { readonly options?: readonly string[]; readonly flags?: readonly string[] },
): ParsedArgs {
  const allowedOptions = new Set(spec.options ?? []);
  const allowedFlags = new Set(spec.flags ?? []);
  const positionals: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name = '', inlineValue] = arg.slice(2).split(/=(.*)/s, 2);
    if (allowedFlags.has(name)) {
      if (inlineValue !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
    } else if (allowedOptions.has(name)) {
      const value = inlineValue ?? argv[++i];
      if (value === undefined || (inlineValue === undefined && value.startsWith('--'))) {
        throw new UsageError(`--${name} needs a value`);
      }
      options.set(name, value);
    } else {
      const known = [...allowedOptions, ...allowedFlags].map((n) => `--${n}`).join(', ');
      throw new UsageError(`unknown option --${name}${known ? ` (this command takes ${known})` : ''}`);
    }
  }
  return { positionals, options, flags };
}

/** An option restricted to a list of choices, with a default. */
export function choiceOption<T extends string>(
  args: ParsedArgs,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const value = args.options.get(name);
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${choices.join(', ')} (got "${value}")`);
}
