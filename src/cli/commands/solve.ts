import type { Candidate, Problem, Solution } from '../../model';
import { formatCount, formatPercent } from '../../format/quantity';
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
import { SOLUTION_CSV_HEADER, solutionCsvRows, solutionReport } from '../../report/solution-report';
import { textTable } from '../../report/text-table';
import type { Scenario } from '../../scenario';
import { choiceOption, parseArgs } from '../args';
import { FORMATS_TABLE_JSON_CSV, json, type Output } from '../output';
import { solveScenarioFile } from '../scenario-files';
import { UsageError } from '../usage-error';
import { describeTarget } from './shared';

export const SOLVE_HELP = `Usage: tradeoff solve FILE... [--format table|json|csv]

Solves each scenario file: the lifetime-optimal model (minimum training + inference FLOPs or cost
at the target loss) beside the Chinchilla-optimal model and each baseline (tokens-per-parameter
ratios, or Kaplan et al. 2020's allocation).

  --format table   a table for people (default)
  --format json    one object per file (an array when several files are given)
  --format csv     one row per candidate, all files under one header`;

export async function runSolve(argv: readonly string[], output: Output): Promise<void> {
  const args = parseArgs(argv, { options: ['format'] });
  const format = choiceOption(args, 'format', FORMATS_TABLE_JSON_CSV, 'table');
  if (args.positionals.length === 0) throw new UsageError('solve needs at least one scenario file');
  const solved = [];
  for (const file of args.positionals) {
    solved.push({ file, ...(await solveScenarioFile(file)) });
  }
  if (format === 'json') {
    const reports = solved.map(({ file, scenario, problem, solution }) => ({
      file,
      ...solutionReport(scenario.name, problem.law, problem.demand, solution),
    }));
    output.out(json(reports.length === 1 ? reports[0] : reports));
  } else if (format === 'csv') {
    const rows = solved.flatMap(({ scenario, problem, solution }) =>
      solutionCsvRows(scenario.name, problem.law, solution),
    );
    output.out(toCsv(SOLUTION_CSV_HEADER, rows).trimEnd());
  } else {
    output.out(
      solved
        .map(({ file, scenario, problem, solution }) => solutionTable(file, scenario, problem, solution))
        .join('\n\n'),
    );
  }
}

function solutionTable(file: string, scenario: Scenario, problem: Problem, solution: Solution): string {
  const { law, demand } = problem;
  return [
    scenario.name,
    `  file       ${file}`,
    `  law        ${law.id}: ${law.source}`,
    `  target     ${describeTarget(scenario)}${scenario.target && 'loss' in scenario.target ? '' : ` → loss ${solution.targetLoss.toPrecision(6)}`}`,
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
  ].join('\n');
}

/** Extra lifetime cost (or FLOPs, per the objective) of the data limit, as a fraction. */
function dataLimitCost(solution: Solution, unlimited: Candidate): number {
  const metric = solution.objective === 'cost' ? 'totalCost' : 'totalFlops';
  return solution.lifetimeOptimal[metric] / unlimited[metric] - 1;
}
