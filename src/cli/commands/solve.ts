import {
  MAX_DRAWS,
  MAX_SEED,
  solveWithUncertainty,
  type PlanEvaluation,
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
import { PLANS_NOTE, PLANS_TABLE_HEADER, plansTableRows } from '../../report/plans';
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
import { SENSITIVITY_TABLE_HEADER, sensitivityNotes, sensitivityTableRows } from '../../report/sensitivity';
import { uncertainProblemFromScenario, type Scenario } from '../../scenario';
import { sensitivity as sensitivityOf, SWING, type Sensitivity } from '../../scenario/sensitivity';
import { choiceOption, parseArgs, type ParsedArgs } from '../args';
import { FORMATS_TABLE_JSON_CSV, json, type Output } from '../output';
import { solveScenarioFile } from '../scenario-files';
import { InputError, UsageError } from '../usage-error';
import { describeTarget, solveOrExplain } from './shared';

export const DEFAULT_DRAWS = 4000;
/** A fixed default seed, so that the same file gives the same percentiles; --seed varies them. */
export const DEFAULT_SEED = 1;

export const SOLVE_HELP = `Usage: tradeoff solve FILE... [--format table|json|csv] [--uncertainty [--draws N] [--seed S]] [--sensitivity]

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
  --seed S         seed of the draws, 0 to ${MAX_SEED} (default ${DEFAULT_SEED}); the same seed gives the same draws
  --sensitivity    also solve with each input (demand, prices, MFUs, the target's loss above the
                   floor, each law constant) moved by ±${100 * SWING} %, and report the optimum's size and
                   lifetime objective there and the elasticities at the scenario (JSON: "sensitivity";
                   table and json formats only)`;

interface UncertaintyOptions {
  readonly draws: number;
  readonly seed: number;
}

interface Solved {
  readonly file: string;
  readonly scenario: Scenario;
  readonly problem: Problem;
  readonly solution: Solution;
  readonly plans: readonly PlanEvaluation[];
  readonly uncertainty: UncertaintySummary | null;
  readonly sensitivity: Sensitivity | null;
}

export async function runSolve(argv: readonly string[], output: Output): Promise<void> {
  const args = parseArgs(argv, {
    options: ['format', 'draws', 'seed'],
    flags: ['uncertainty', 'sensitivity'],
  });
  const format = choiceOption(args, 'format', FORMATS_TABLE_JSON_CSV, 'table');
  const drawing = uncertaintyOptions(args);
  const moving = args.flags.has('sensitivity');
  if (moving && format === 'csv') {
    throw new UsageError(
      '--sensitivity has one row per input, not per candidate: use --format table or json',
    );
  }
  if (args.positionals.length === 0) throw new UsageError('solve needs at least one scenario file');
  const solved: Solved[] = [];
  for (const file of args.positionals) {
    const { scenario, problem, solution, plans } = await solveScenarioFile(file);
    const uncertainty = drawing && drawUncertainty(file, scenario, problem, drawing);
    const sensitivity = moving ? solveOrExplain(file, () => sensitivityOf(scenario)) : null;
    solved.push({ file, scenario, problem, solution, plans, uncertainty, sensitivity });
  }
  if (format === 'json') {
    const reports = solved.map(({ file, scenario, problem, solution, plans, uncertainty, sensitivity }) => ({
      file,
      ...solutionReport(scenario.name, problem.law, problem.demand, solution),
      ...(plans.length > 0 ? { plans } : {}),
      ...(uncertainty ? { uncertainty: uncertaintyReport(uncertainty) } : {}),
      ...(sensitivity ? { sensitivity } : {}),
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

function solutionTable({
  file,
  scenario,
  problem,
  solution,
  plans,
  uncertainty,
  sensitivity,
}: Solved): string {
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
    ...(plans.length > 0
      ? ['', textTable(PLANS_TABLE_HEADER, plansTableRows(plans, solution.objective)), `  ${PLANS_NOTE}`]
      : []),
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
          `  percentiles: each draw solved anew; optimum’s size saves: share of the lifetime ${solution.objective === 'cost' ? 'cost' : 'FLOPs'} a model of the lifetime optimum’s size saves against one of the candidate’s size, both trained to the draw’s target; wins: share of draws in which it is the cheaper`,
        ]
      : []),
    ...(sensitivity
      ? [
          '',
          `sensitivity  the optimum with one input moved by ±${100 * SWING} %; elasticity: d ln y / d ln x at the scenario`,
          '',
          textTable(SENSITIVITY_TABLE_HEADER, sensitivityTableRows(sensitivity, solution.objective)),
          ...sensitivityNotes(sensitivity).map((note) => `  no answer: ${note}`),
        ]
      : []),
  ].join('\n');
}
