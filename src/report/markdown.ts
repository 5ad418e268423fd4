import type { Objective, Problem, Solution, UncertaintySummary } from '../model';
import { formatLoss, formatPercent } from '../format/quantity';
import type { LawComparison } from '../scenario/across-laws';
import type { Sensitivity } from '../scenario/sensitivity';
import { LAWS_TABLE_HEADER, lawsNotes, lawsTableRows } from './across-laws';
import { SENSITIVITY_TABLE_HEADER, sensitivityNotes, sensitivityTableRows } from './sensitivity';
import { serializeScenario, type Scenario } from '../scenario';
import { headline } from './headline';
import { candidateNotes, candidateTableHeader, candidateTableRows, warningLines } from './candidates';
import { reportSections, type ReportSection } from './sections';
import { solutionSources, sourceLine } from './sources';
import { UNCERTAINTY_TABLE_HEADER, uncertaintyHeadline, uncertaintyTableRows } from './uncertainty';

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function markdownSection({ title, lines, table }: ReportSection): string[] {
  return [
    `## ${title}`,
    '',
    ...lines.flatMap((text) => [text, '']),
    ...(table ? [markdownTable(table.header, table.rows), ''] : []),
  ];
}

function notesList(notes: readonly string[]): string[] {
  return notes.length > 0 ? [...notes.map((note) => `- ${note}`), ''] : [];
}

function sensitivitySection(result: Sensitivity, objective: Objective): string[] {
  return [
    '## Sensitivity',
    '',
    `The lifetime optimum with each input moved by ±${formatPercent(result.swing, 0)}, and the elasticities ` +
      'of its size and lifetime objective (d ln y / d ln x) at the scenario:',
    '',
    markdownTable(SENSITIVITY_TABLE_HEADER, sensitivityTableRows(result, objective)),
    '',
    ...notesList(sensitivityNotes(result)),
  ];
}

function lawsSection(comparison: LawComparison, objective: Objective): string[] {
  return [
    '## Under every published law',
    '',
    'The same scenario solved under every law preset (a loss target carried over as the model that ' +
      'reaches it under this scenario’s law):',
    '',
    markdownTable(LAWS_TABLE_HEADER, lawsTableRows(comparison, objective)),
    '',
    ...notesList(lawsNotes(comparison)),
  ];
}

/**
 * A self-contained Markdown report of one scenario: what was asked, what the engine found (with
 * its percentiles over the law's uncertainty, when given), and where every number comes from, so
 * that it can be shared without the app.
 */
export function markdownReport(
  scenario: Scenario,
  problem: Problem,
  solution: Solution,
  generatedAt: Date = new Date(),
  uncertainty: UncertaintySummary | null = null,
  comparisons: { readonly laws?: LawComparison | null; readonly sensitivity?: Sensitivity | null } = {},
): string {
  const { law } = problem;
  return [
    `# ${scenario.name}`,
    '',
    `**${headline(solution)}**`,
    '',
    `Tradeoff Explorer report, ${generatedAt.toISOString().slice(0, 10)}.`,
    ...(scenario.notes ? ['', scenario.notes] : []),
    '',
    '## Result',
    '',
    `Target loss ${formatLoss(solution.targetLoss, 6)} under law \`${law.id}\`; the candidates, with what the ` +
      `lifetime optimum saves on each in lifetime ${solution.objective === 'cost' ? 'cost' : 'FLOPs'}:`,
    '',
    markdownTable(candidateTableHeader(solution), candidateTableRows(solution)),
    '',
    ...candidateNotes(solution).flatMap((note) => [`- ${note}`]),
    ...(candidateNotes(solution).length > 0 ? [''] : []),
    ...reportSections(scenario, problem, solution).flatMap(markdownSection),
    ...(uncertainty
      ? [
          '## Uncertainty',
          '',
          `${uncertaintyHeadline(uncertainty, law.id)}.`,
          '',
          markdownTable(UNCERTAINTY_TABLE_HEADER, uncertaintyTableRows(uncertainty)),
          '',
        ]
      : []),
    ...(solution.warnings.length > 0
      ? [
          '## Warnings',
          '',
          'Where an answer leaves the evidence of its law or what is known to be possible:',
          '',
          ...warningLines(solution).map((line) => `- ${line}`),
          '',
        ]
      : []),
    ...(comparisons.sensitivity ? sensitivitySection(comparisons.sensitivity, solution.objective) : []),
    ...(comparisons.laws ? lawsSection(comparisons.laws, solution.objective) : []),
    '## Scenario',
    '',
    '```json',
    serializeScenario(scenario).trimEnd(),
    '```',
    '',
    '## Sources',
    '',
    'Every source the engine used for this solution:',
    '',
    ...solutionSources(scenario, law, solution).map((source) => `- ${sourceLine(source)}.`),
    '',
  ].join('\n');
}
