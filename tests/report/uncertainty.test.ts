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

/**
 * Four draws: three solved, one with the target out of reach; the 1,875 baseline reaches the target
 * in none. The point answer's plans: in the first draw the optimum's is cheaper, in the second a
 * tie, in the third the optimum's size cannot reach the target.
 */
const outcomes: DrawOutcome[] = [
  {
    kind: 'solved',
    lifetimeOptimal: model(1e9, 90),
    chinchillaOptimal: model(2e9, 100),
    baselines: [model(2e9, 100), null],
    plans: {
      lifetimeOptimal: model(1e9, 90),
      chinchillaOptimal: model(2e9, 100),
      baselines: [model(2e9, 100), null],
    },
  },
  {
    kind: 'solved',
    lifetimeOptimal: model(3e9, 80),
    chinchillaOptimal: model(4e9, 80),
    baselines: [model(4e9, 80), null],
    plans: {
      lifetimeOptimal: model(3e9, 85),
      chinchillaOptimal: model(4e9, 85),
      baselines: [model(4e9, 85), null],
    },
  },
  {
    kind: 'solved',
    lifetimeOptimal: model(5e9, 70),
    chinchillaOptimal: model(6e9, 75),
    baselines: [model(6e9, 75), null],
    plans: { lifetimeOptimal: null, chinchillaOptimal: model(6e9, 75), baselines: [model(6e9, 75), null] },
  },
  { kind: 'unreachable' },
];
const summary = summarizeDraws(outcomes, { seed: 3, objective: 'cost', baselines: [20, 1875] });

describe('the uncertainty report', () => {
  it('summarises solved draws: percentiles by linear interpolation, win shares without ties, shares of all draws', () => {
    expect(summary).toMatchObject({
      draws: 4,
      seed: 3,
      solved: 3,
      unreachableShare: 1 / 4,
      outOfRangeShare: 0,
      optimumFallsShortShare: 1 / 3,
    });
    // Three values 1e9, 3e9, 5e9: p10 = 1e9 + 0.2·2e9, p50 = 3e9, p90 = 3e9 + 0.8·2e9.
    expect(summary.lifetimeOptimal?.params).toEqual({ p10: 1.4e9, p50: 3e9, p90: 4.6e9 });
    // The optimum's plan is cheaper in the first draw, ties in the second and falls short in the third.
    expect(summary.beatsShare).toEqual({ chinchilla: 1 / 3, 'baseline-20': 1 / 3 });
    // Savings 0.1 and 0 (the tie) where both plans reach the target: p90 = 0.09.
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
      '1.4B / 3B / 4.6B',
      '28B / 60B / 92B',
      '20 / 20 / 20',
      '3.12e20 / 1.08e21 / 2.62e21',
      '$72 / $80 / $88',
      '—',
      '—',
    ]);
    expect(rows[1]?.slice(-2)).toEqual(['1.0 % / 5.0 % / 9.0 %', '33 %']);
    expect(rows[3]?.slice(0, 2)).toEqual(['1,875 tokens/param', 'reaches the target in no draw']);
    expect(uncertaintyHeadline(summary, 'besiroglu2024')).toBe(
      '4 draws of law besiroglu2024 (seed 3); target unreachable in 25.0 % of draws; a model of the optimum’s size cannot reach the target in 33.3 % of solved draws',
    );
  });

  it('gives CSV cells for each drawn candidate and empty ones for a candidate that is not drawn', () => {
    const cells = uncertaintyCsvCells(summary, 'chinchilla');
    expect(cells).toHaveLength(UNCERTAINTY_CSV_COLUMNS.length);
    expect(cells.slice(0, 5)).toEqual([4, 3, 3, 1 / 4, 2.4e9]);
    expect(cells.at(-1)).toBe(1 / 3);
    expect(uncertaintyCsvCells(summary, 'without-test-time').every((cell) => cell === null)).toBe(true);
    expect(uncertaintyCsvCells(summary, 'baseline-1875').slice(2, 5)).toEqual([0, 1 / 4, null]);
  });
});
