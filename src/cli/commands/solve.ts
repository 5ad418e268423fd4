import {
  MAX_DRAWS,
  MAX_SEED,
  solveWithUncertainty,
  type Problem,
  type Solution,
  type UncertaintySummary,
} from '../../model';
import { formatCount, formatLoss, formatPercent } from '../../format/quantity';
import {
  baselineLabel,
  candidateNotes,
  candidateTableHeader,
  candidateTableRows,
  FOOTPRINT_TABLE_HEADER,
  footprintTableRows,
  warningLines,
} from '../../report/candidates';
import { toCsv } from '../../report/csv';
import { dataLimitCost, headline } from '../../report/headline';
import { SOLUTION_CSV_HEADER, solutionCsvRows, solutionReport } from '../../report/solution-report';
import { textTable } from '../../report/text-table';
import {
  UNCERTAINTY_CSV_COLUMNS,
  UNCERTAINTY_TABLE_HEADER,
  uncertaintyCsvCells,
  uncertaintyHeadline,
  uncertaintyReport,
  uncertaintyTableRows,
} from '../../report/uncertainty';
import { uncertainProblemFromScenario, type Scenario } from '../../scenario';
import { choiceOption, parseArgs, type ParsedArgs } from '../args';
import { FORMATS_TABLE_JSON_CSV, json, type Output } from '../output';
import { solveScenarioFile } from '../scenario-files';
import { InputError, UsageError } from '../usage-error';
import { describeTarget, solveOrExplain } from './shared';

export const DEFAULT_DRAWS = 4000;
/** A fixed default seed, so that the same file gives the same percentiles; --seed varies them. */
export const DEFAULT_SEED = 1;

export const SOLVE_HELP = `Usage: tradeoff solve FILE... [--format table|json|csv] [--uncertainty [--draws N] [--seed S]]

Solves each scenario file: the lifetime-optimal model (minimum training + inference FLOPs or cost
at the target loss) beside the Chinchilla-optimal model and each baseline (tokens-per-parameter
ratios, or Kaplan et al. 2020's allocation).

  --format table   a table for people (default)
  --format json    one object per file (an array when several files are given)
  --format csv     one row per candidate, all files under one header

  --uncertainty    also draw the law's constants from their covariance (law.covariance, or a preset
                   that publishes one: besiroglu2024), solve each draw and report the 10th, 50th and
                   90th percentiles of every candidate (JSON: "uncertainty"; CSV: more columns)
  --draws N        draws, 1 to ${MAX_DRAWS.toLocaleString('en-US')} (default ${DEFAULT_DRAWS})
  --seed S         seed of the draws, 0 to ${MAX_SEED} (default ${DEFAULT_SEED}); the same seed gives the same draws`;

interface UncertaintyOptions {
  readonly draws: number;
  readonly seed: number;
}

interface Solved {
  readonly file: string;
  readonly scenario: Scenario;
  readonly problem: Problem;
  readonly solution: Solution;
  readonly uncertainty: UncertaintySummary | null;
}

export async function runSolve(argv: readonly string[], output: Output): Promise<void> {
  const args = parseArgs(argv, { options: ['format', 'draws', 'seed'], flags: ['uncertainty'] });
  const format = choiceOption(args, 'format', FORMATS_TABLE_JSON_CSV, 'table');
  const drawing = uncertaintyOptions(args);
  if (args.positionals.length === 0) throw new UsageError('solve needs at least one scenario file');
  const solved: Solved[] = [];
  for (const file of args.positionals) {
    const { scenario, problem, solution } = await solveScenarioFile(file);
    const uncertainty = drawing && drawUncertainty(file, scenario, problem, drawing);
    solved.push({ file, scenario, problem, solution, uncertainty });
  }
  if (format === 'json') {
    const reports = solved.map(({ file, scenario, problem, solution, uncertainty }) => ({
      file,
      ...solutionReport(scenario.name, problem.law, problem.demand, solution),
      ...(uncertainty ? { uncertainty: uncertaintyReport(uncertainty) } : {}),
    }));
    output.out(json(reports.length === 1 ? reports[0] : reports));
  } else if (format === 'csv') {
    const rows = solved.flatMap(({ scenario, problem, solution, uncertainty }) => {
      const rows = solutionCsvRows(scenario.name, problem.law, solution);
      // Each candidate's row gains its percentiles; the candidate id is the row's fourth cell.
      return uncertainty
        ? rows.map((row) => [...row, ...uncertaintyCsvCells(uncertainty, String(row[3]))])
        : rows;
    });
    const header = drawing ? [...SOLUTION_CSV_HEADER, ...UNCERTAINTY_CSV_COLUMNS] : SOLUTION_CSV_HEADER;
    output.out(toCsv(header, rows).trimEnd());
  } else {
    output.out(solved.map(solutionTable).join('\n\n'));
  }
}

/** --draws and --seed, which only --uncertainty takes; null without --uncertainty. */
function uncertaintyOptions(args: ParsedArgs): UncertaintyOptions | null {
  if (!args.flags.has('uncertainty')) {
    const stray = ['draws', 'seed'].filter((name) => args.options.has(name));
    if (stray.length > 0)
      throw new UsageError(`${stray.map((name) => `--${name}`).join(' and ')} need --uncertainty`);
    return null;
  }
  return {
    draws: wholeNumberOption(args, 'draws', 1, MAX_DRAWS, DEFAULT_DRAWS),
    seed: wholeNumberOption(args, 'seed', 0, MAX_SEED, DEFAULT_SEED),
  };
}

function wholeNumberOption(
  args: ParsedArgs,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const text = args.options.get(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(
      `--${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')} (got "${text}")`,
    );
  }
  return value;
}

function drawUncertainty(
  file: string,
  scenario: Scenario,
  problem: Problem,
  options: UncertaintyOptions,
): UncertaintySummary {
  const resolved = uncertainProblemFromScenario(scenario, problem);
  if (!resolved.ok) throw new InputError(`${file}: --uncertainty: ${resolved.reason}`);
  return solveOrExplain(file, () => solveWithUncertainty(resolved.uncertain, options));
}

function solutionTable({ file, scenario, problem, solution, uncertainty }: Solved): string {
  const { law, demand } = problem;
  return [
    scenario.name,
    `  ${headline(solution)}`,
    '',
    `  file       ${file}`,
    `  law        ${law.id}: ${law.source}`,
    `  target     ${describeTarget(scenario)}${scenario.target && 'loss' in scenario.target ? '' : ` → loss ${formatLoss(solution.targetLoss, 6)}`}`,
    `  demand     ${formatCount(demand.inputTokens)} input + ${formatCount(demand.outputTokens)} output tokens`,
    `  objective  ${solution.objective === 'cost' ? 'lifetime cost (US dollars)' : 'lifetime FLOPs'}`,
    '',
    textTable(candidateTableHeader(solution), candidateTableRows(solution)),
    ...candidateNotes(solution).map((note) => `  ${note}`),
    '',
    textTable(FOOTPRINT_TABLE_HEADER, footprintTableRows(solution)),
    ...(solution.withoutDataLimit
      ? [
          '',
          `  the data limit costs ${formatPercent(dataLimitCost(solution, solution.withoutDataLimit))} more than unlimited data ` +
            `(optimum with unlimited data: ${formatCount(solution.withoutDataLimit.params)} params on ${formatCount(solution.withoutDataLimit.tokens)} tokens)`,
        ]
      : []),
    ...(solution.unreachableBaselines.length > 0
      ? [
          '',
          `  out of reach with this much unique data: ${solution.unreachableBaselines.map(baselineLabel).join(', ')}`,
        ]
      : []),
    ...(solution.warnings.length > 0
      ? ['', 'warnings', ...warningLines(solution).map((line) => `  ! ${line}`)]
      : []),
    ...(uncertainty
      ? [
          '',
          `uncertainty  ${uncertaintyHeadline(uncertainty, law.id)}`,
          '',
          textTable(UNCERTAINTY_TABLE_HEADER, uncertaintyTableRows(uncertainty)),
          `  each draw solved anew; optimum saves: share of the lifetime ${solution.objective === 'cost' ? 'cost' : 'FLOPs'} the lifetime optimum saves against the candidate; wins: share of draws in which it saves any`,
        ]
      : []),
  ].join('\n');
}
