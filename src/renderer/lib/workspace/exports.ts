import { markdownReport } from '../../../report/markdown';
import { solutionCsv } from '../../../report/solution-report';
import type { DesktopApi, ExportKind } from '../../../shared/ipc';
import type { LawComparison } from '../../../scenario/across-laws';
import type { Sensitivity } from '../../../scenario/sensitivity';
import type { OnDemand } from './on-demand.svelte';
import type { LiveRanges } from './ranges.svelte';
import type { LiveResults } from './results.svelte';
import type { StatusLine } from './status.svelte';

export type ExportApi = Pick<DesktopApi, 'exportResults'>;

/** A file-name-safe stem for exports, from a document's title: "My plan: 70B" → "My-plan-70B". */
export function fileStem(title: string): string {
  const stem = title
    .replace(/\.tradeoff\.json$/i, '')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return stem || 'scenario';
}

/**
 * The results of the document as it is now, written out as a CSV table or a Markdown report (with
 * the ranges over the law's uncertainty, when it has them, and the comparisons computed for them)
 * and named after the document; nothing
 * while there are none (see LiveResults.exportable).
 */
export class Exports {
  constructor(
    private readonly api: ExportApi,
    private readonly status: StatusLine,
    private readonly live: LiveResults,
    private readonly title: () => string,
    private readonly ranges: Pick<LiveRanges, 'summaryFor'> | null = null,
    private readonly comparisons: {
      readonly laws: Pick<OnDemand<LawComparison>, 'valueFor'>;
      readonly sensitivity: Pick<OnDemand<Sensitivity>, 'valueFor'>;
    } | null = null,
  ) {}

  async csv(): Promise<void> {
    const results = this.live.exportable;
    if (!results) return;
    await this.write('csv', solutionCsv(results.scenario.name, results.problem.law, results.solution));
  }

  async report(): Promise<void> {
    const results = this.live.exportable;
    if (!results) return;
    // The report lists the ranges of these results, waiting for them if they are being computed.
    const uncertainty = (await this.ranges?.summaryFor(results)) ?? null;
    // And the comparisons whose panels were opened for them, waiting likewise.
    const laws = (await this.comparisons?.laws.valueFor(results)) ?? null;
    const sensitivity = (await this.comparisons?.sensitivity.valueFor(results)) ?? null;
    await this.write(
      'md',
      markdownReport(results.scenario, results.problem, results.solution, new Date(), uncertainty, {
        laws,
        sensitivity,
      }),
    );
  }

  private async write(kind: ExportKind, content: string): Promise<void> {
    await this.status.guard('Export', async () => {
      const saved = await this.api.exportResults({ suggestedName: fileStem(this.title()), content, kind });
      if (saved) this.status.report('info', `Exported ${saved.path}`);
    });
  }
}
