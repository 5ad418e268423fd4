import { PAPERS, type LossLaw, type Solution } from '../model';
import { formatCount, formatDollars, formatPercent, formatRatio, formatScientific } from '../format/quantity';
import { serializeScenario, type Scenario } from '../scenario';
import { labelledCandidates } from './candidates';

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * A self-contained Markdown report of one scenario: what was asked, what the engine found, and
 * where every number comes from, so that it can be shared without the app.
 */
export function markdownReport(
  scenario: Scenario,
  law: LossLaw,
  solution: Solution,
  generatedAt: Date = new Date(),
): string {
  const metric = solution.objective === 'cost' ? 'totalCost' : 'totalFlops';
  const rows = labelledCandidates(solution).map(({ label, candidate: c, saving }) => [
    label,
    formatCount(c.params),
    formatCount(c.tokens),
    formatRatio(c.tokensPerParam),
    formatScientific(c.trainingFlops),
    formatScientific(c.inferenceFlops),
    formatDollars(c.trainingCost),
    formatDollars(c.inferenceCost),
    formatDollars(c.totalCost),
    saving ? formatPercent(saving[metric]) : '—',
  ]);
  const optimum = solution.lifetimeOptimal;
  return [
    `# ${scenario.name}`,
    '',
    `Tradeoff Explorer report, ${generatedAt.toISOString().slice(0, 10)}.`,
    ...(scenario.notes ? ['', scenario.notes] : []),
    '',
    '## Result',
    '',
    `At target loss ${solution.targetLoss.toPrecision(6)} (law \`${law.id}\`), the model with the lowest lifetime ` +
      `${solution.objective === 'cost' ? 'cost' : 'FLOPs'} has ${formatCount(optimum.params)} parameters trained on ` +
      `${formatCount(optimum.tokens)} tokens (${formatRatio(optimum.tokensPerParam)} tokens per parameter). ` +
      `It saves ${formatPercent(solution.savings.chinchillaOptimal[metric])} against the Chinchilla-optimal model.`,
    '',
    markdownTable(
      [
        'candidate',
        'params',
        'tokens',
        'tokens/param',
        'training FLOPs',
        'inference FLOPs',
        'training $',
        'inference $',
        'total $',
        'optimum saves',
      ],
      rows,
    ),
    '',
    '## Scenario',
    '',
    '```json',
    serializeScenario(scenario).trimEnd(),
    '```',
    '',
    '## Sources',
    '',
    `- Scaling law \`${law.id}\`: ${law.source}.`,
    ...PAPERS.map((paper) => `- ${paper.citation}, "${paper.title}", ${paper.url}: ${paper.usedFor}.`),
    '',
  ].join('\n');
}
