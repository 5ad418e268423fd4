import path from 'node:path';
import { bootstrapFit, fitLaw, type BootstrapSummary, type LawFit } from '../../model/fit';
import {
  FIT_OPTION_RULES,
  FitOptionError,
  fitOptions,
  parseFitOption,
  type FitOptionName,
} from '../../fit/fit-options';
import { lawSection } from '../../fit/law-section';
import { resampleIndices } from '../../fit/resample-indices';
import { parseRunsCsv, RunsCsvError, type CsvRun } from '../../fit/runs-csv';
import { writeFileAtomic } from '../../files/write-file-atomic';
import { MAX_RUNS_CSV_BYTES } from '../../shared/runs-file';
import { formatCount, formatSignificant } from '../../format/quantity';
import { textTable } from '../../report/text-table';
import { choiceOption, parseArgs, type ParsedArgs } from '../args';
import { readInputFile } from '../input-file';
import { json, type Output } from '../output';
import { InputError, UsageError } from '../usage-error';
import { solveOrExplain } from './shared';

export const FIT_HELP = `Usage: tradeoff fit RUNS.csv [options]

Fits a Chinchilla-form law L = E + A/N^α + B/D^β to your finished training runs (Hoffmann et al.
2022, Approach 3, as replicated by Besiroglu et al. 2024): the Huber loss of the log-loss residuals,
minimised by L-BFGS from 4,500 starts. The CSV has one row per run and a header naming parameters
(params, parameters, N), training tokens (tokens, D) or FLOPs (flops, C; then D = C/6N) and the
final loss (loss, final loss, smoothed loss); other columns are ignored. Cells accept 150M, 1.5T.

  --huber-delta X              δ of the Huber loss (default 1e-3)
  --drop-highest-loss K        leave out the K runs of highest loss (Besiroglu et al. leave out 5)
  --max-tokens-per-param R     leave out runs on more than R tokens per parameter
  --bootstrap N                N bootstrap refits for standard errors and intervals (default 0)
  --seed S                     the bootstrap's seed, a whole number (default 0)
  --format table|json          output format (default table)
  --write-law FILE             write the fitted law, ready for a scenario's "law" field`;

function numberOption(args: ParsedArgs, option: FitOptionName): number | undefined {
  try {
    return parseFitOption(option, args.options.get(FIT_OPTION_RULES[option].flag));
  } catch (error) {
    if (error instanceof FitOptionError)
      throw new UsageError(`--${FIT_OPTION_RULES[option].flag} ${error.message}`);
    throw error;
  }
}

async function readRuns(file: string): Promise<CsvRun[]> {
  const text = await readInputFile(file, MAX_RUNS_CSV_BYTES, 'runs file');
  try {
    return parseRunsCsv(text);
  } catch (error) {
    if (error instanceof RunsCsvError) throw new InputError(`${file}: ${error.message}`);
    throw error;
  }
}

export function fitJson(
  fit: LawFit,
  bootstrap: BootstrapSummary | null,
  lines: readonly number[],
): Record<string, unknown> {
  return {
    runs: fit.runs.length,
    law: fit.law,
    objective: fit.objective,
    bootstrap,
    fittedRange: fit.fittedRange,
    residuals: fit.residuals.map((run, i) => ({ line: lines[i], ...run })),
  };
}

function fitTable(
  file: string,
  fit: LawFit,
  bootstrap: BootstrapSummary | null,
  lines: readonly number[],
): string {
  const names = ['E', 'A', 'B', 'alpha', 'beta'] as const;
  const rows: string[][] = [['fit', ...names.map((name) => formatSignificant(fit.law[name]))]];
  if (bootstrap) {
    rows.push(['std. error', ...names.map((name) => formatSignificant(bootstrap.standardErrors[name], 2))]);
    for (const level of ['80', '95'] as const) {
      rows.push([
        `${level} % interval`,
        ...names.map((name) =>
          bootstrap.intervals[name][level].map((v) => formatSignificant(v, 3)).join('–'),
        ),
      ]);
    }
  }
  const [nLow, nHigh] = fit.fittedRange.params;
  const [dLow, dHigh] = fit.fittedRange.tokens;
  const worst = fit.residuals
    .map((run, i) => ({ ...run, line: lines[i] }))
    .sort((x, y) => Math.abs(y.residual) - Math.abs(x.residual))
    .slice(0, 3);
  return [
    `${path.basename(file)}: ${fit.runs.length} runs, Huber δ ${fit.huberDelta}, objective ${fit.objective.toExponential(3)} (sum over runs)`,
    '',
    textTable(['', 'E', 'A', 'B', 'α', 'β'], rows),
    ...(bootstrap
      ? [
          `Bootstrap: ${bootstrap.resamples} resamples${bootstrap.unconverged > 0 ? `, ${bootstrap.unconverged} stopped before converging` : ''}.`,
        ]
      : []),
    '',
    `Fitted on ${formatCount(nLow)}–${formatCount(nHigh)} parameters and ${formatCount(dLow)}–${formatCount(dHigh)} tokens.`,
    `Largest residuals (ln predicted − ln observed): ${worst.map((run) => `line ${run.line} ${run.residual >= 0 ? '+' : ''}${run.residual.toFixed(4)}`).join(', ')}`,
    ...(fit.converged
      ? []
      : ['Warning: the best fit stopped before converging; treat its constants with care.']),
  ].join('\n');
}

export async function runFit(argv: readonly string[], output: Output): Promise<void> {
  const args = parseArgs(argv, {
    options: [
      'huber-delta',
      'drop-highest-loss',
      'max-tokens-per-param',
      'bootstrap',
      'seed',
      'format',
      'write-law',
    ],
  });
  if (args.positionals.length !== 1) throw new UsageError('fit takes exactly one CSV file of runs');
  const file = args.positionals[0] as string;
  const format = choiceOption(args, 'format', ['table', 'json'] as const, 'table');
  const huberDelta = numberOption(args, 'huberDelta');
  const dropHighestLoss = numberOption(args, 'dropHighestLoss');
  const maxTokensPerParam = numberOption(args, 'maxTokensPerParam');
  const resamples = numberOption(args, 'resamples') ?? 0;
  const seed = numberOption(args, 'seed') ?? 0;
  const writeLaw = args.options.get('write-law');

  const csvRuns = await readRuns(file);
  const fit: LawFit = solveOrExplain(file, () =>
    fitLaw(csvRuns, fitOptions({ huberDelta, dropHighestLoss, maxTokensPerParam })),
  );
  // The fit keeps the selected runs themselves, so their lines are found by identity.
  const lines = fit.runs.map((run) => (run as CsvRun).line);
  const bootstrap =
    resamples > 0 ? bootstrapFit(fit, resampleIndices(seed, resamples, fit.runs.length)) : null;
  if (writeLaw !== undefined) {
    try {
      await writeFileAtomic(writeLaw, `${json(lawSection(fit, bootstrap))}\n`);
    } catch (error) {
      throw new InputError(`${writeLaw}: cannot write the law (${(error as Error).message})`);
    }
  }
  output.out(
    format === 'json' ? json(fitJson(fit, bootstrap, lines)) : fitTable(file, fit, bootstrap, lines),
  );
}
