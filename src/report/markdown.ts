import type { Problem, Solution, UncertaintySummary } from '../model';
import { formatLoss } from '../format/quantity';
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
