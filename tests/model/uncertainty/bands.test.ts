import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChinchillaConstants } from '../../../src/model/laws/types';
import { logSpace } from '../../../src/model/numerics/grid';
import { candidatesAlongIsoLoss, minimumParamsForTarget } from '../../../src/model/optimum/iso-loss';
import type { Problem } from '../../../src/model/problem';
import { solveWithBands, solveWithUncertainty } from '../../../src/model/uncertainty';
import { isoLossBands } from '../../../src/model/uncertainty/bands';
import { drawLaws } from '../../../src/model/uncertainty/draws';
import { BESIROGLU, BESIROGLU_COVARIANCE, uncertainSardanaExample } from '../../support/uncertain-problems';

const besiroglu = BESIROGLU;
const covariance = BESIROGLU_COVARIANCE;
const uncertain = uncertainSardanaExample;
const ZERO_COVARIANCE = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => 0));

/** The chart's span: from just above the point law's smallest feasible size to 100× it. */
function sizesOf(problem: Problem, count = 40): number[] {
  const smallest = minimumParamsForTarget(problem);
  return logSpace(smallest * 1.05, smallest * 100, count);
}

describe('bands along the iso-loss curve', () => {
  it('collapse exactly onto the point curve when every draw is the point law', () => {
    const drawn = uncertain();
    const sizes = sizesOf(drawn.problem);
    const bands = isoLossBands(drawn, Array<ChinchillaConstants>(7).fill(besiroglu.constants), sizes);
    const curve = candidatesAlongIsoLoss(drawn.problem, sizes);
    expect(curve).toHaveLength(sizes.length);
    expect(bands.draws).toBe(7);
    bands.points.forEach((point, i) => {
      const candidate = curve[i];
      expect(point.params).toBe(sizes[i]);
      expect(point.reachedShare).toBe(1);
      expect(point.objective).toEqual({
        p10: candidate?.totalCost,
        p50: candidate?.totalCost,
        p90: candidate?.totalCost,
      });
      expect(point.tokens).toEqual({
        p10: candidate?.tokens,
        p50: candidate?.tokens,
        p90: candidate?.tokens,
      });
    });
  });

  it('collapse onto the point curve (to rounding of e^ln A) when drawn from a zero covariance', () => {
    const drawn = uncertain({ objective: 'flops' });
    const sizes = sizesOf(drawn.problem, 12);
    const { bands } = solveWithBands(
      { ...drawn, problem: { ...drawn.problem, law: { ...besiroglu, covariance: ZERO_COVARIANCE } } },
      { draws: 50, seed: 3, sizes },
    );
    const curve = candidatesAlongIsoLoss(drawn.problem, sizes);
    expect(bands.objective).toBe('flops');
    bands.points.forEach((point, i) => {
      for (const p of [point.objective?.p10, point.objective?.p50, point.objective?.p90])
        expect(Math.abs((p ?? NaN) / (curve[i]?.totalFlops ?? NaN) - 1)).toBeLessThan(1e-12);
      for (const p of [point.tokens?.p10, point.tokens?.p50, point.tokens?.p90])
        expect(Math.abs((p ?? NaN) / (curve[i]?.tokens ?? NaN) - 1)).toBeLessThan(1e-12);
    });
  });

  it('match a re-derivation by hand for one size over four hand-made draws, one of which cannot reach the loss', () => {
    // FLOPs objective with demand T: a model of N params reaching L needs
    // D = (B / (L − E − A·N^−α))^(1/β) tokens and costs 6·N·D + 2·N·T FLOPs over its life.
    const loss = 2.1;
    const demand = { inputTokens: 3e12, outputTokens: 1e12 };
    const drawn = uncertain({ objective: 'flops', demand, targetLoss: loss }, { loss });
    const base = besiroglu.constants;
    const draws: ChinchillaConstants[] = [
      base,
      { ...base, E: base.E + 0.05 },
      { ...base, alpha: base.alpha * 1.05, B: base.B * 1.3 },
      { ...base, E: loss + 0.01 }, // the floor above the target: unreachable at any size
    ];
    const params = 30e9;
    const by = (c: ChinchillaConstants) => {
      const tokens = (c.B / (loss - c.E - c.A * params ** -c.alpha)) ** (1 / c.beta);
      return { tokens, flops: 6 * params * tokens + 2 * params * 4e12 };
    };
    const reached = draws.slice(0, 3).map(by);
    // Hyndman–Fan type 7 on three values: h = 2q, so p10 = v₀ + 0.2(v₁ − v₀), p90 = v₁ + 0.8(v₂ − v₁).
    const quantiles = (values: number[]) => {
      const [v0 = NaN, v1 = NaN, v2 = NaN] = [...values].sort((a, b) => a - b);
      return { p10: v0 + 0.2 * (v1 - v0), p50: v1, p90: v1 + 0.8 * (v2 - v1) };
    };
    const [point] = isoLossBands(drawn, draws, [params]).points;
    expect(point?.reachedShare).toBe(0.75);
    const tokens = quantiles(reached.map((r) => r.tokens));
    const flops = quantiles(reached.map((r) => r.flops));
    for (const q of ['p10', 'p50', 'p90'] as const) {
      expect(point?.tokens?.[q]).toBeCloseTo(tokens[q], -Math.log10(tokens[q]) + 9);
      expect(Math.abs((point?.objective?.[q] ?? NaN) / flops[q] - 1)).toBeLessThan(1e-9);
    }
  });

  it('re-evaluate a reference-model target under each draw: the reference size needs exactly its own tokens', () => {
    const reference = { params: 70e9, tokens: 1.4e12 };
    const drawn = uncertain({ objective: 'flops' }, { model: reference });
    const draws = drawLaws(besiroglu.constants, covariance, 40, 11);
    const [point] = isoLossBands(drawn, draws, [reference.params]).points;
    expect(point?.reachedShare).toBe(1);
    for (const q of ['p10', 'p50', 'p90'] as const)
      expect(Math.abs((point?.tokens?.[q] ?? NaN) / reference.tokens - 1)).toBeLessThan(1e-9);
  });

  it('leave out sizes no draw reaches, saying so', () => {
    const drawn = uncertain();
    const tooSmall = minimumParamsForTarget(drawn.problem) / 1e3;
    const [point] = isoLossBands(drawn, drawLaws(besiroglu.constants, covariance, 30, 2), [tooSmall]).points;
    expect(point).toEqual({ params: tooSmall, reachedShare: 0, objective: null, tokens: null });
  });

  it('share their drawn laws with the summary: the same seed gives the summary solveWithUncertainty gives', () => {
    const drawn = uncertain();
    const { summary } = solveWithBands(drawn, { draws: 60, seed: 9, sizes: sizesOf(drawn.problem, 5) });
    expect(summary).toEqual(solveWithUncertainty(drawn, { draws: 60, seed: 9 }));
  });

  it('are ordered and monotone for any seed and span (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.double({ min: 0.5, max: 3, noNaN: true }),
        fc.constantFrom<Problem['objective']>('cost', 'flops'),
        (seed, decades, objective) => {
          const drawn = uncertain({ objective });
          const smallest = minimumParamsForTarget(drawn.problem);
          const sizes = logSpace(smallest / 2, smallest * 10 ** decades, 15);
          const { points } = isoLossBands(drawn, drawLaws(besiroglu.constants, covariance, 40, seed), sizes);
          points.forEach((point, i) => {
            expect(point.reachedShare).toBeGreaterThanOrEqual(0);
            expect(point.reachedShare).toBeLessThanOrEqual(1);
            // A size that reaches the target under a law, every larger one reaches it too.
            if (i > 0) expect(point.reachedShare).toBeGreaterThanOrEqual(points[i - 1]?.reachedShare ?? 1);
            for (const band of [point.objective, point.tokens]) {
              if (!band) continue;
              expect(band.p10).toBeLessThanOrEqual(band.p50);
              expect(band.p50).toBeLessThanOrEqual(band.p90);
              expect(band.p10).toBeGreaterThan(0);
            }
            // Where every draw reaches the target, each draw's tokens fall with size, so every
            // percentile does.
            const previous = points[i - 1];
            if (previous?.reachedShare === 1 && point.tokens && previous.tokens)
              expect(point.tokens.p50).toBeLessThan(previous.tokens.p50);
          });
        },
      ),
      { numRuns: 25 },
    );
  });
});
