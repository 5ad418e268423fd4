import {
  lawsCsvRows,
  LAWS_CSV_HEADER,
  lawsNotes,
  lawsTableRows,
  LAWS_TABLE_HEADER,
} from '../../report/across-laws';
import { toCsv } from '../../report/csv';
import { textTable } from '../../report/text-table';
import { acrossLaws } from '../../scenario/across-laws';
import { choiceOption, parseArgs } from '../args';
import { FORMATS_TABLE_JSON_CSV, json, type Output } from '../output';
import { loadScenarioFile } from '../scenario-files';
import { UsageError } from '../usage-error';
import { describeTarget, solveOrExplain } from './shared';

export const LAWS_HELP = `Usage: tradeoff laws FILE [--format table|json|csv]

Solves one scenario under every scaling-law preset (and under its own law, when it gives custom
constants, e.g. a law fitted with tradeoff fit), to show how far the published laws disagree. The
laws are fitted on different data, so a target given as a loss is carried over as the model that
reaches it under the scenario's own law (its Chinchilla-optimal size), whose loss each law gives;
a target given as a model or a budget is carried over as it is.`;

export async function runLaws(argv: readonly string[], output: Output): Promise<void> {
  const args = parseArgs(argv, { options: ['format'] });
  const format = choiceOption(args, 'format', FORMATS_TABLE_JSON_CSV, 'table');
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0) throw new UsageError('laws needs exactly one scenario file');
  const scenario = await loadScenarioFile(file);
  const comparison = solveOrExplain(file, () => acrossLaws(scenario));
  if (format === 'json') {
    output.out(json({ file, name: scenario.name, objective: scenario.objective, ...comparison }));
  } else if (format === 'csv') {
    output.out(toCsv(LAWS_CSV_HEADER, lawsCsvRows(comparison)).trimEnd());
  } else {
    const carried =
      comparison.target && scenario.target && 'loss' in scenario.target
        ? ` (under the other laws: ${describeTarget({ ...scenario, target: comparison.target })})`
        : '';
    output.out(
      [
        scenario.name,
        `  file       ${file}`,
        `  target     ${describeTarget(scenario)}${carried}`,
        `  objective  ${scenario.objective === 'cost' ? 'lifetime cost (US dollars)' : 'lifetime FLOPs'}`,
        '',
        textTable(LAWS_TABLE_HEADER, lawsTableRows(comparison, scenario.objective)),
        ...lawsNotes(comparison).map((note) => `  no answer: ${note}`),
      ].join('\n'),
    );
  }
}
