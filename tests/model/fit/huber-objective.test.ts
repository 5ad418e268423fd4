import { describe, expect, it } from 'vitest';
import { HuberObjective } from '../../../src/model/fit/huber-objective';
import { sardanaRuns } from '../../support/runs';

const runs = sardanaRuns();
const columns = {
  params: runs.map((r) => r.params),
  tokens: runs.map((r) => r.tokens),
  loss: runs.map((r) => r.loss),
};

/** The objective written out plainly, as Sardana et al.'s huber_optimize.py computes it. */
function plainObjective(x: readonly number[], delta = 1e-3, weights?: readonly number[]): number {
  const [a, b, e, alpha, beta] = x as [number, number, number, number, number];
  return runs.reduce((sum, run, i) => {
    const terms = [a - alpha * Math.log(run.params), b - beta * Math.log(run.tokens), e];
    const top = Math.max(...terms);
    const r = top + Math.log(terms.reduce((s, t) => s + Math.exp(t - top), 0)) - Math.log(run.loss);
    const huber = Math.abs(r) <= delta ? (r * r) / 2 : delta * (Math.abs(r) - delta / 2);
    return sum + (weights?.[i] ?? 1) * huber;
  }, 0);
}

// Points in both Huber regimes, near the optimum and far from it, and where the direct sum
// overflows (a = 800) or underflows (every term below e^−800) so the max-shifted path is used.
const POINTS: readonly (readonly number[])[] = [
  [3.6, 4.9, 0.38, 0.18, 0.23],
  [6, 7, 0.5, 0.34, 0.28],
  [25, 0, -1, 2, 0],
  [0, 25, 1, 0, 2],
  [800, 5, 0.5, 0.3, 0.3],
  [-900, -900, -900, 0.3, 0.3],
  // B/N^β underflows (below e^−708) while B/D^β = B/N^β · (D/N)^−β still matters next to E = e^−700.
  [-694, -960, -700, 0.3, -10],
];

describe('HuberObjective', () => {
  const objective = new HuberObjective(columns);
  const gradient = new Float64Array(5);

  it('equals the plainly written objective at every test point, overflow and underflow included', () => {
    for (const x of POINTS) {
      const value = objective.evaluate(Float64Array.from(x), gradient);
      expect(value).toBeGreaterThan(0);
      expect(Math.abs(value / plainObjective(x) - 1)).toBeLessThan(1e-12);
    }
  });

  // Huber_δ is continuously differentiable but its second derivative jumps at |r| = δ, so a central
  // difference across such a kink is only first-order accurate: 1e-5 relative, not 1e-9.
  it('has the analytic gradient: it matches central differences to 1e-5 relative', () => {
    // The step balances the kinks (error ∝ h) against rounding of f (∝ f·ε/h): small near the
    // optimum, where f ≈ 6e-4 and the gradient is small; larger in the far points, where f is ~40 and
    // every residual is in the linear (kink-free) regime.
    for (const [index, x] of POINTS.entries()) {
      const relativeStep = index === 0 ? 1e-7 : 1e-6;
      objective.evaluate(Float64Array.from(x), gradient);
      for (let j = 0; j < 5; j++) {
        const h = index >= 4 ? 1e-4 : relativeStep * Math.max(1, Math.abs(x[j] as number));
        const up = x.map((v, k) => (k === j ? v + h : v));
        const down = x.map((v, k) => (k === j ? v - h : v));
        const numeric = (plainObjective(up) - plainObjective(down)) / (2 * h);
        const scale = Math.max(Math.abs(numeric), 1e-3 * Math.max(...Array.from(gradient, Math.abs)));
        expect(
          Math.abs((gradient[j] as number) - numeric) / scale,
          `at ${x.join(', ')}, component ${j}`,
        ).toBeLessThan(1e-5);
      }
    }
  });

  it('counts a run drawn k times k times (bootstrap multiplicities), and a run not drawn not at all', () => {
    const weighted = new HuberObjective(columns);
    const drawn = [0, 0, 0, 5, 9, 9, 46];
    weighted.setMultiplicities(drawn);
    const weights = runs.map((_, i) => drawn.filter((k) => k === i).length);
    for (const x of POINTS.slice(0, 4)) {
      expect(
        weighted.evaluate(Float64Array.from(x), gradient) / plainObjective(x, 1e-3, weights),
      ).toBeCloseTo(1, 12);
    }
  });

  it('gives, after each new set of multiplicities, the value and gradient of a table with the drawn rows copied', () => {
    // Successive resamples leave out different runs (and different sizes and token counts), so a
    // run or a distinct N or D skipped for one resample must count again in the next. The whole
    // table computes B/D^β from its 6 sizes and 12 ratios; the first and last copied tables, with
    // fewer distinct token counts than sizes plus ratios, from each D: so the two forms agree too.
    const weighted = new HuberObjective(columns);
    const draws = [
      [3, 3, 3, 4, 40, 41, 46], // only the smallest and the largest models
      Array.from({ length: 47 }, (_, i) => i), // every run once
      [10, 11, 12, 12, 30, 30, 30, 31], // other runs, other sizes
    ];
    const copiedGradient = new Float64Array(5);
    for (const drawn of draws) {
      weighted.setMultiplicities(drawn);
      const copied = new HuberObjective({
        params: drawn.map((i) => runs[i]?.params ?? NaN),
        tokens: drawn.map((i) => runs[i]?.tokens ?? NaN),
        loss: drawn.map((i) => runs[i]?.loss ?? NaN),
      });
      for (const x of POINTS) {
        const value = weighted.evaluate(Float64Array.from(x), gradient);
        expect(Math.abs(value / copied.evaluate(Float64Array.from(x), copiedGradient) - 1)).toBeLessThan(
          1e-12,
        );
        for (let j = 0; j < 5; j++) {
          const scale = Math.max(...Array.from(copiedGradient, Math.abs));
          expect(Math.abs((gradient[j] as number) - (copiedGradient[j] as number)) / scale).toBeLessThan(
            1e-12,
          );
        }
      }
    }
  });

  it('uses δ as given: a larger δ puts more residuals in the quadratic regime', () => {
    const wide = new HuberObjective(columns, 0.1);
    const x = POINTS[1] as number[];
    expect(wide.evaluate(Float64Array.from(x), gradient) / plainObjective(x, 0.1)).toBeCloseTo(1, 12);
  });

  it('predicts each run’s log loss as ln(E + A/N^α + B/D^β)', () => {
    const x = [Math.log(400), Math.log(410), Math.log(1.69), 0.34, 0.28];
    const run = runs[3] as (typeof runs)[number];
    const loss = 1.69 + 400 / run.params ** 0.34 + 410 / run.tokens ** 0.28;
    expect(objective.logPrediction(x, 3)).toBeCloseTo(Math.log(loss), 13);
    expect(objective.residual(x, 3)).toBeCloseTo(Math.log(loss) - Math.log(run.loss), 13);
  });
});
