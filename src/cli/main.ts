import { readFileSync } from 'node:fs';
import { ScienceError } from '../model';
import { EXPLAIN_HELP, runExplain } from './commands/explain';
import { FIT_HELP, runFit } from './commands/fit';
import { LAWS_HELP, runLaws } from './commands/laws';
import { PRESETS_HELP, runPresets } from './commands/presets';
import { runSolve, SOLVE_HELP } from './commands/solve';
import { runSweep, SWEEP_HELP } from './commands/sweep';
import { runValidate, VALIDATE_HELP } from './commands/validate';
import type { Output } from './output';
import { escapeForTerminal } from './terminal-text';
import { InputError, UsageError } from './usage-error';

const COMMANDS: Readonly<
  Record<string, { run: (argv: readonly string[], output: Output) => void | Promise<void>; help: string }>
> = {
  solve: { run: runSolve, help: SOLVE_HELP },
  sweep: { run: runSweep, help: SWEEP_HELP },
  explain: { run: runExplain, help: EXPLAIN_HELP },
  validate: { run: runValidate, help: VALIDATE_HELP },
  presets: { run: runPresets, help: PRESETS_HELP },
  fit: { run: runFit, help: FIT_HELP },
  laws: { run: runLaws, help: LAWS_HELP },
};

export const MAIN_HELP = `Usage: tradeoff COMMAND [ARGS]

Tradeoff Explorer's command line: the lifetime-optimal language model for a scenario file
(training + inference cost at a target loss), beside the Chinchilla-optimal model and baselines.

Commands:
  solve FILE... [--format table|json|csv]          solve scenario files
        [--uncertainty [--draws N] [--seed S]]      …with percentiles over the law's uncertainty
  sweep FILE --demand FROM:TO:COUNT [--format csv|json]   the optimum across lifetime demands
  explain --params N --tokens D [--law PRESET]      what a given model is, and when it is optimal
  laws FILE [--format table|json|csv]               one scenario under every published law
  validate FILE...                                  check scenario files
  presets [--format table|json]                     scaling-law and GPU presets
  fit RUNS.csv [--bootstrap N] [--write-law FILE]   fit a law to your own training runs

Options: --help (also 'tradeoff help COMMAND'), --version
Exit status: 0 success, 1 invalid input, 2 usage error.`;

export const EXIT_OK = 0;
export const EXIT_INVALID_INPUT = 1;
export const EXIT_USAGE = 2;

function version(): string {
  const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return packageJson.version;
}

/**
 * Runs the command line and returns its exit status; never throws and never prints a stack trace.
 * Whatever it prints, on either stream, is escaped for the terminal first.
 */
export async function main(argv: readonly string[], terminal: Output): Promise<number> {
  const output: Output = {
    out: (text) => terminal.out(escapeForTerminal(text)),
    err: (text) => terminal.err(escapeForTerminal(text)),
  };
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h') {
      output.out(MAIN_HELP);
      return command === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (command === '--version' || command === '-v') {
      output.out(version());
      return EXIT_OK;
    }
    if (command === 'help') {
      const topic = rest[0];
      const entry = topic ? COMMANDS[topic] : undefined;
      output.out(entry ? entry.help : MAIN_HELP);
      return EXIT_OK;
    }
    const entry = COMMANDS[command];
    if (!entry) throw new UsageError(`unknown command "${command}"`);
    if (rest.includes('--help') || rest.includes('-h')) {
      output.out(entry.help);
      return EXIT_OK;
    }
    await entry.run(rest, output);
    return EXIT_OK;
  } catch (error) {
    return reportError(error, output);
  }
}

function reportError(error: unknown, output: Output): number {
  if (error instanceof UsageError) {
    output.err(`tradeoff: ${error.message}\nRun 'tradeoff --help' for usage.`);
    return EXIT_USAGE;
  }
  if (error instanceof InputError || error instanceof ScienceError) {
    output.err(error.message);
    return EXIT_INVALID_INPUT;
  }
  output.err(`tradeoff: internal error: ${error instanceof Error ? error.message : String(error)}`);
  return EXIT_INVALID_INPUT;
}
