import { describe, expect, it } from 'vitest';
import { lowestReachableLoss } from '../../../src/model/data/data-constrained';
import { costAgainstUniqueData, leastSufficientUniqueTokens } from '../../../src/model/optimum/data-value';
import { lawFromPreset } from '../../../src/model/laws/presets';
import { solve } from '../../../src/model/optimum/solve';
import { logSpace } from '../../../src/model/numerics/grid';
import type { Problem } from '../../../src/model/problem';
import { expectRelativelyClose } from '../../support/close';
import { H100_CHINCHILLA_QUALITY } from '../../support/problems';

const law = lawFromPreset('sardana2024');
const problem: Problem = { ...H100_CHINCHILLA_QUALITY, baselines: [] };

describe('what unique data is worth', () => {
  it('finds the least unique data from which the target is reachable at all', () => {
    const least = leastSufficientUniqueTokens(problem);
    expectRelativelyClose(lowestReachableLoss(law, least), problem.targetLoss, 1e-9);
    expect(lowestReachableLoss(law, least * 0.99)).toBeGreaterThan(problem.targetLoss);
    expect(() => leastSufficientUniqueTokens({ ...problem, targetLoss: law.floor + 1e-12 })).toThrow(
      /no amount of unique data reaches loss/,
    );
  });

  it('never raises the lifetime cost as unique data grows, and approaches unlimited data', () => {
    const least = leastSufficientUniqueTokens(problem);
    const amounts = [least * 0.5, ...logSpace(least * 1.01, least * 1e4, 12)];
    const points = costAgainstUniqueData(problem, amounts);
    expect(points).toHaveLength(12); // the amount below the least sufficient is left out
    for (let i = 1; i < points.length; i++) {
      expect(points[i]?.lifetimeOptimal.totalCost).toBeLessThanOrEqual(
        (points[i - 1]?.lifetimeOptimal.totalCost ?? 0) * (1 + 1e-9),
      );
    }
    const unlimited = solve(problem).lifetimeOptimal.totalCost;
    expectRelativelyClose(points.at(-1)?.lifetimeOptimal.totalCost ?? NaN, unlimited, 1e-3);
  });
});
