import { describe, expect, it } from 'vitest';
import { summarizeDraws, type DrawOutcome } from '../../src/model';
import {
  UNCERTAINTY_CSV_COLUMNS,
  UNCERTAINTY_TABLE_HEADER,
  uncertaintyCsvCells,
  uncertaintyHeadline,
  uncertaintyReport,
  uncertaintyTableRows,
} from '../../src/report/uncertainty';

const model = (params: number, cost: number) => ({
  params,
  tokens: 20 * params,
  tokensPerParam: 20,
  totalFlops: 120 * params * params,
  totalCost: cost,
});

/** Three draws: two solved (the 1,875 baseline out of reach in one), one with the target out of reach. */
const outcomes: DrawOutcome[] = [
  {
    kind: 'solved',
    lifetimeOptimal: model(1e9, 90),
    chinchillaOptimal: model(2e9, 100),
    baselines: [model(2e9, 100), null],
  },
  {
    kind: 'solved',
    lifetimeOptimal: model(3e9, 80),
    chinchillaOptimal: model(4e9, 80),
    baselines: [model(4e9, 80), null],
  },
  { kind: 'unreachable' },
];
const summary = summarizeDraws(outcomes, { seed: 3, objective: 'cost', baselines: [20, 1875] });

describe('the uncertainty report', () => {
  it('summarises solved draws: percentiles by linear interpolation, win shares without ties, shares of all draws', () => {
    expect(summary).toMatchObject({
      draws: 3,
      seed: 3,
      solved: 2,
      unreachableShare: 1 / 3,
      outOfRangeShare: 0,
    });
    // Two values 1e9 and 3e9: p10 = 1e9 + 0.1·2e9, p50 = 2e9, p90 = 2.8e9.
    expect(summary.lifetimeOptimal?.params).toEqual({ p10: 1.2e9, p50: 2e9, p90: 2.8e9 });
    // The optimum is cheaper in the first draw and ties in the second.
    expect(summary.beatsShare).toEqual({ chinchilla: 0.5, 'baseline-20': 0.5 });
    // Savings 0.1 and 0 (the tie): p90 = 0.09.
    expect(summary.saving['chinchilla']?.p90).toBeCloseTo(0.09, 12);
    expect(summary.baselines[1]).toEqual({ rule: 1875, draws: 0 });
  });

  it('labels each baseline in the JSON', () => {
    expect(uncertaintyReport(summary).baselines.map((b) => b.label)).toEqual([
      '20 tokens/param',
      '1,875 tokens/param',
    ]);
  });

  it('prints one table row per candidate, saying when a baseline reaches the target in no draw', () => {
    const rows = uncertaintyTableRows(summary);
    expect(rows.map((row) => row.length)).toEqual(rows.map(() => UNCERTAINTY_TABLE_HEADER.length));
    expect(rows[0]).toEqual([
      'Lifetime-optimal',
      '1.2B / 2B / 2.8B',
      '24B / 40B / 56B',
      '20 / 20 / 20',
      '2.16e20 / 6e20 / 9.84e20',
      '$81 / $85 / $89',
      '—',
      '—',
    ]);
    expect(rows[1]?.slice(-2)).toEqual(['1.0 % / 5.0 % / 9.0 %', '50 %']);
    expect(rows[3]?.slice(0, 2)).toEqual(['1,875 tokens/param', 'reaches the target in no draw']);
    expect(uncertaintyHeadline(summary, 'besiroglu2024')).toBe(
      '3 draws of law besiroglu2024 (seed 3); target unreachable in 33.3 % of draws',
    );
  });

  it('gives CSV cells for each drawn candidate and empty ones for a candidate that is not drawn', () => {
    const cells = uncertaintyCsvCells(summary, 'chinchilla');
    expect(cells).toHaveLength(UNCERTAINTY_CSV_COLUMNS.length);
    expect(cells.slice(0, 5)).toEqual([3, 3, 2, 1 / 3, 2.2e9]);
    expect(cells.at(-1)).toBe(0.5);
    expect(uncertaintyCsvCells(summary, 'without-test-time').every((cell) => cell === null)).toBe(true);
    expect(uncertaintyCsvCells(summary, 'baseline-1875').slice(2, 5)).toEqual([0, 1 / 3, null]);
  });
});
