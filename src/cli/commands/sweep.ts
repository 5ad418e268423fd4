import { logSpace, sweepDemand } from '../../model';
import { parseQuantity, QuantityError } from '../../format/quantity';
import { toCsv } from '../../report/csv';
import { problemFromScenario } from '../../scenario';
import { choiceOption, parseArgs } from '../args';
import { json, type Output } from '../output';
import { loadScenarioFile } from '../scenario-files';
import { UsageError } from '../usage-error';
import { solveOrExplain } from './shared';

export const SWEEP_HELP = `Usage: tradeoff sweep FILE --demand FROM:TO:COUNT [--format csv|json]

The lifetime optimum of one scenario across COUNT log-spaced lifetime demands from FROM to TO
tokens (input + output, in the scenario's mix), e.g. --demand 1e9:1e16:50 or --demand 1B:10P:50.

  --format csv    one row per demand (default)
  --format json   an array of points`;

/** Parses FROM:TO:COUNT, where FROM and TO accept the same quantities as everywhere (1B, 2.5T, 1e12). */
export function parseDemandRange(text: string): { from: number; to: number; count: number } {
  const parts = text.split(':');
  if (parts.length !== 3)
    throw new UsageError(`--demand must be FROM:TO:COUNT, e.g. 1e9:1e16:50 (got "${text}")`);
  const [from, to, count] = parts.map((part, index) => {
    try {
      return parseQuantity(part ?? '');
    } catch (error) {
      if (error instanceof QuantityError)
        throw new UsageError(`--demand ${['FROM', 'TO', 'COUNT'][index]}: ${error.message}`);
      throw error;
    }
  }) as [number, number, number];
  if (!(from > 0) || from > to) {
    throw new UsageError(
      `--demand needs 0 < FROM ≤ TO, as demands are log-spaced (got ${from}:${to}); at zero demand the optimum is the Chinchilla-optimal model`,
    );
  }
  if (!Number.isInteger(count) || count < 1 || count > 100_000) {
    throw new UsageError(`--demand COUNT must be a whole number from 1 to 100000 (got ${count})`);
  }
  return { from, to, count };
}

const SWEEP_CSV_HEADER = [
  'demandTokens',
  'params',
  'tokens',
  'tokensPerParam',
  'k',
  'trainingFlops',
  'inferenceFlops',
  'totalFlops',
  'totalCost',
  'flopsSavedVsChinchilla',
  'costSavedVsChinchilla',
  'flopsSavedVsWithoutTestTime',
  'costSavedVsWithoutTestTime',
] as const;

export async function runSweep(argv: readonly string[], output: Output): Promise<void> {
  const args = parseArgs(argv, { options: ['demand', 'format'] });
  const format = choiceOption(args, 'format', ['csv', 'json'] as const, 'csv');
  if (args.positionals.length !== 1) throw new UsageError('sweep needs exactly one scenario file');
  const demandText = args.options.get('demand');
  if (demandText === undefined) throw new UsageError('sweep needs --demand FROM:TO:COUNT');
  const { from, to, count } = parseDemandRange(demandText);
  const file = args.positionals[0] ?? '';
  const scenario = await loadScenarioFile(file);
  const points = solveOrExplain(file, () =>
    sweepDemand(problemFromScenario(scenario), logSpace(from, to, count)),
  );
  if (format === 'json') {
    output.out(json(points));
    return;
  }
  const rows = points.map(
    ({ demandTokens, lifetimeOptimal: c, savingVsChinchilla: s, savingVsWithoutTestTime: t }) => [
      demandTokens,
      c.params,
      c.tokens,
      c.tokensPerParam,
      c.k,
      c.trainingFlops,
      c.inferenceFlops,
      c.totalFlops,
      c.totalCost,
      s.totalFlops,
      s.totalCost,
      t.totalFlops,
      t.totalCost,
    ],
  );
  output.out(toCsv(SWEEP_CSV_HEADER, rows).trimEnd());
}
