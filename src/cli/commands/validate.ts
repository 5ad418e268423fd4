import { parseArgs } from '../args';
import type { Output } from '../output';
import { solveScenarioFile } from '../scenario-files';
import { InputError, UsageError } from '../usage-error';

export const VALIDATE_HELP = `Usage: tradeoff validate FILE...

Checks each scenario file exactly as solve does (it solves it) and names every problem with its JSON
path. Exits 1 if any file is invalid.`;

export async function runValidate(argv: readonly string[], output: Output): Promise<void> {
  const args = parseArgs(argv, {});
  if (args.positionals.length === 0) throw new UsageError('validate needs at least one scenario file');
  const problems: string[] = [];
  for (const file of args.positionals) {
    try {
      const { scenario } = await solveScenarioFile(file);
      output.out(`${file}: valid ("${scenario.name}")`);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new InputError(problems.join('\n'));
}
