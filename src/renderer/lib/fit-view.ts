/** The fit dialog's words and numbers: what it shows of a fit and its bootstrap, formatted. */
import type { BootstrapSummary, FittedRange } from '../../model/fit';
import { START_GRID } from '../../model/fit';
import type { FitReport } from '../../fit/fit-job';
import { formatCount, formatSignificant } from '../../format/quantity';

const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** How many starts the full fit tries: the size of the engine's start grid. */
export const START_COUNT = Object.values(START_GRID).reduce((count, values) => count * values.length, 1);

export const FITTING_TEXT = `Fitting ${WHOLE.format(START_COUNT)} starts…`;

/** "312 / 1,000": the bootstrap's refits done out of those asked for. */
export function progressText(done: number, total: number): string {
  return `${WHOLE.format(done)} / ${WHOLE.format(total)}`;
}

export interface ConstantRow {
  /** The constant's key in a law ("alpha"), for test ids. */
  readonly key: 'E' | 'A' | 'B' | 'alpha' | 'beta';
  /** As the law editor labels it ("α"). */
  readonly symbol: string;
  /** 4 significant digits, as the command line's table. */
  readonly value: string;
  /** The bootstrap's standard error (2 digits), or '' without a bootstrap. */
  readonly standardError: string;
  /** The 80 % interval (10th–90th percentile, 3 digits), or '' without a bootstrap. */
  readonly interval80: string;
}

const CONSTANTS = [
  ['E', 'E'],
  ['A', 'A'],
  ['B', 'B'],
  ['alpha', 'α'],
  ['beta', 'β'],
] as const;

export function constantRows(
  law: Readonly<Record<ConstantRow['key'], number>>,
  bootstrap: BootstrapSummary | null,
): ConstantRow[] {
  return CONSTANTS.map(([key, symbol]) => ({
    key,
    symbol,
    value: formatSignificant(law[key]),
    standardError: bootstrap ? formatSignificant(bootstrap.standardErrors[key], 2) : '',
    interval80: bootstrap
      ? bootstrap.intervals[key]['80'].map((bound) => formatSignificant(bound, 3)).join(' – ')
      : '',
  }));
}

/** "42 of 47 runs (5 left out)", or "47 runs" when all were used. */
export function runsUsedText(report: FitReport): string {
  const used = report.fit.runs.length;
  const dropped = report.rowCount - used;
  return dropped === 0
    ? `${WHOLE.format(used)} runs`
    : `${WHOLE.format(used)} of ${WHOLE.format(report.rowCount)} runs (${WHOLE.format(dropped)} left out)`;
}

/** "150M–6.9B parameters, 1.51B–1.38T tokens". */
export function fittedRangeText({ params, tokens }: FittedRange): string {
  return `${formatCount(params[0])}–${formatCount(params[1])} parameters, ${formatCount(tokens[0])}–${formatCount(tokens[1])} tokens`;
}

/** "2.345e-3 (Huber δ 0.001, summed over the runs)". */
export function objectiveText(report: FitReport): string {
  return `${report.fit.objective.toExponential(3)} (Huber δ ${report.fit.huberDelta}, summed over the runs)`;
}
