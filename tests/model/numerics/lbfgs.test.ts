import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LbfgsWorkspace, minimizeLbfgs, type ObjectiveWithGradient } from '../../../src/model/numerics/lbfgs';

/** The N-dimensional Rosenbrock function Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², minimum 0 at (1, …, 1). */
const rosenbrock: ObjectiveWithGradient = (x, g) => {
  g.fill(0);
  let f = 0;
  for (let i = 0; i + 1 < x.length; i++) {
    const a = x[i] as number;
    const b = x[i + 1] as number;
    f += 100 * (b - a * a) ** 2 + (1 - a) ** 2;
    g[i] = (g[i] as number) - 400 * a * (b - a * a) - 2 * (1 - a);
    g[i + 1] = (g[i + 1] as number) + 200 * (b - a * a);
  }
  return f;
};

/** ½ xᵀAx − bᵀx for a dense symmetric A (row-major), gradient Ax − b. */
function quadratic(matrix: readonly number[], b: readonly number[]): ObjectiveWithGradient {
  const n = b.length;
  return (x, g) => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      let row = 0;
      for (let j = 0; j < n; j++) row += (matrix[i * n + j] as number) * (x[j] as number);
      g[i] = row - (b[i] as number);
      f += 0.5 * (x[i] as number) * row - (b[i] as number) * (x[i] as number);
    }
    return f;
  };
}

/** Solves Ax = b by Gaussian elimination with partial pivoting (an independent reference). */
function solve(matrix: readonly number[], b: readonly number[]): number[] {
  const n = b.length;
  // The augmented matrix [A | b], row-major with n + 1 columns.
  const m = Array.from({ length: n }, (_, i) => [...matrix.slice(i * n, i * n + n), b[i] as number]);
  const get = (r: number, c: number) => (m[r] as number[])[c] as number;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(get(r, col)) > Math.abs(get(pivot, col))) pivot = r;
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    for (let r = col + 1; r < n; r++) {
      const factor = get(r, col) / get(col, col);
      const row = m[r] as number[];
      for (let c = col; c <= n; c++) row[c] = get(r, c) - factor * get(col, c);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = get(r, n);
    for (let c = r + 1; c < n; c++) sum -= get(r, c) * (x[c] as number);
    x[r] = sum / get(r, r);
  }
  return x;
}

describe('minimizeLbfgs on known problems', () => {
  it('finds (1, 1) on the 2-D Rosenbrock function from the classic start (−1.2, 1)', () => {
    const result = minimizeLbfgs(rosenbrock, [-1.2, 1], { gradientTolerance: 1e-10 });
    expect(result.converged).toBe(true);
    expect(result.reason).toBe('gradient');
    expect(result.gradNorm).toBeLessThanOrEqual(1e-10);
    expect(result.x[0]).toBeCloseTo(1, 9);
    expect(result.x[1]).toBeCloseTo(1, 9);
    expect(result.f).toBeLessThan(1e-20);
    // Nocedal & Wright report a few dozen iterations for quasi-Newton methods here, not hundreds.
    expect(result.iterations).toBeLessThan(60);
  });

  it('finds (1, …, 1) on the 20-D Rosenbrock function from (−1.2, 1, −1.2, 1, …)', () => {
    const start = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? -1.2 : 1));
    const result = minimizeLbfgs(rosenbrock, start, { gradientTolerance: 1e-9, maxIterations: 2000 });
    expect(result.converged).toBe(true);
    for (const value of result.x) expect(value).toBeCloseTo(1, 7);
  });

  it('finds the known minimiser of a convex quadratic: A = [[4, 1], [1, 3]], b = (1, 2) → (1/11, 7/11)', () => {
    const result = minimizeLbfgs(quadratic([4, 1, 1, 3], [1, 2]), [10, -10], { gradientTolerance: 1e-12 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1 / 11, 12);
    expect(result.x[1]).toBeCloseTo(7 / 11, 12);
  });

  it('solves an ill-conditioned quadratic (condition number 1e6) to its minimiser', () => {
    const n = 6;
    const diagonal = Array.from({ length: n }, (_, i) => 10 ** ((6 * i) / (n - 1))); // 1 … 1e6
    const matrix = Array.from({ length: n * n }, (_, k) =>
      k % (n + 1) === 0 ? (diagonal[k / (n + 1)] as number) : 0,
    );
    const b = diagonal.map((d, i) => d * (i + 1)); // minimiser (1, 2, …, n)
    const result = minimizeLbfgs(quadratic(matrix, b), new Array<number>(n).fill(0), {
      gradientTolerance: 1e-8,
      maxIterations: 500,
    });
    expect(result.converged).toBe(true);
    result.x.forEach((value, i) => expect(value).toBeCloseTo(i + 1, 8));
  });

  it('stops at once where the function is flat (zero gradient), and walks into the flat region from outside', () => {
    // f = (max(0, |x| − 1))² summed: flat (zero) on the cube [−1, 1]ⁿ.
    const flat: ObjectiveWithGradient = (x, g) => {
      let f = 0;
      x.forEach((value, i) => {
        const excess = Math.max(0, Math.abs(value) - 1);
        f += excess * excess;
        g[i] = 2 * excess * Math.sign(value);
      });
      return f;
    };
    const inside = minimizeLbfgs(flat, [0.5, -0.2]);
    expect(inside).toMatchObject({
      converged: true,
      reason: 'gradient',
      iterations: 0,
      evaluations: 1,
      f: 0,
    });
    const outside = minimizeLbfgs(flat, [5, -3], { gradientTolerance: 1e-12 });
    expect(outside.converged).toBe(true);
    expect(outside.f).toBeLessThan(1e-20);
    for (const value of outside.x) expect(Math.abs(value)).toBeLessThanOrEqual(1 + 1e-10);
  });

  it('keeps to the domain where f is finite: steps into NaN territory are shortened (f = x − ln x, minimum at 1)', () => {
    const f: ObjectiveWithGradient = (x, g) => {
      const v = x[0] as number;
      g[0] = 1 - 1 / v;
      return v - Math.log(v);
    };
    const result = minimizeLbfgs(f, [0.01], { gradientTolerance: 1e-12 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 10);
  });

  it('reports each limit as its reason, and a non-finite start without iterating', () => {
    const start = [-1.2, 1];
    expect(minimizeLbfgs(rosenbrock, start, { maxIterations: 3 })).toMatchObject({
      converged: false,
      reason: 'max-iterations',
      iterations: 3,
    });
    const byEvaluations = minimizeLbfgs(rosenbrock, start, { maxEvaluations: 5 });
    expect(byEvaluations.reason).toBe('max-evaluations');
    expect(byEvaluations.evaluations).toBeLessThanOrEqual(6);
    const nan = minimizeLbfgs((_x, g) => (g.fill(0), NaN), start);
    expect(nan).toMatchObject({
      converged: false,
      reason: 'non-finite-start',
      evaluations: 1,
      iterations: 0,
    });
  });

  it('stops with reason "line-search" when no step lowers f (here: a gradient of the wrong sign)', () => {
    const uphill: ObjectiveWithGradient = (x, g) => {
      g[0] = -2 * (x[0] as number);
      return (x[0] as number) ** 2;
    };
    const result = minimizeLbfgs(uphill, [1]);
    expect(result).toMatchObject({ converged: false, reason: 'line-search', iterations: 0, f: 1 });
    expect(result.x[0]).toBe(1);
  });

  it('converges below the rounding of f: |∇f| ≤ 1e-12 on a quadratic whose f is ~1e6 (approximate Wolfe)', () => {
    // Value-based line searches stall where f changes by less than its rounding (~1e-10 here),
    // i.e. at |∇f| ≈ 1e-5; the derivative-based test goes on to the tolerance.
    const offset = quadratic([4, 1, 1, 3], [1, 2]);
    const result = minimizeLbfgs((x, g) => 1e6 + offset(x, g), [10, -10], { gradientTolerance: 1e-12 });
    expect(result).toMatchObject({ converged: true, reason: 'gradient' });
    expect(result.x[0]).toBeCloseTo(1 / 11, 12);
  });

  it('stops with reason "stopped" after the first step at which stopWhen holds, and runs on unchanged when it never does', () => {
    const full = minimizeLbfgs(rosenbrock, [-1.2, 1], { gradientTolerance: 1e-10 });
    const seen: number[] = [];
    const stopped = minimizeLbfgs(rosenbrock, [-1.2, 1], {
      gradientTolerance: 1e-10,
      stopWhen: (x) => {
        seen.push(Math.max(Math.abs((x[0] as number) - 1), Math.abs((x[1] as number) - 1)));
        return (seen[seen.length - 1] as number) <= 1e-3;
      },
    });
    expect(stopped).toMatchObject({ reason: 'stopped', converged: false });
    // Asked once per accepted step, and stopped at the first that was near (1, 1).
    expect(seen).toHaveLength(stopped.iterations);
    expect(seen.slice(0, -1).every((distance) => distance > 1e-3)).toBe(true);
    expect(Math.abs((stopped.x[0] as number) - 1)).toBeLessThanOrEqual(1e-3);
    expect(stopped.evaluations).toBeLessThan(full.evaluations);
    const never = minimizeLbfgs(rosenbrock, [-1.2, 1], { gradientTolerance: 1e-10, stopWhen: () => false });
    expect(never).toEqual(full);
  });

  it('gives the same answer with a reused workspace, and returns its own copy of x', () => {
    const workspace = new LbfgsWorkspace(2);
    const first = minimizeLbfgs(rosenbrock, [-1.2, 1], {}, workspace);
    const second = minimizeLbfgs(quadratic([4, 1, 1, 3], [1, 2]), [3, 3], {}, workspace);
    const again = minimizeLbfgs(rosenbrock, [-1.2, 1], {}, workspace);
    expect(Array.from(again.x)).toEqual(Array.from(first.x));
    expect(second.x).not.toBe(workspace.x);
  });
});

describe('minimizeLbfgs on random symmetric positive-definite quadratics', () => {
  it('reaches the solution of Ax = b to 1e-6 relative, in dimensions 2 to 8', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 8 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n * n, maxLength: n * n }),
              fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
            ),
          ),
        ([n, m, b]) => {
          // A = MᵀM + 0.1 I is symmetric positive definite with eigenvalues ≥ 0.1.
          const matrix = Array.from({ length: n * n }, (_, k) => {
            const [i, j] = [Math.floor(k / n), k % n];
            let sum = i === j ? 0.1 : 0;
            for (let r = 0; r < n; r++) sum += (m[r * n + i] as number) * (m[r * n + j] as number);
            return sum;
          });
          const expected = solve(matrix, b);
          const result = minimizeLbfgs(quadratic(matrix, b), new Array<number>(n).fill(0), {
            gradientTolerance: 1e-10,
            maxIterations: 2000,
          });
          const scale = Math.max(1, ...expected.map(Math.abs));
          expect(result.converged).toBe(true);
          result.x.forEach((value, i) =>
            expect(Math.abs(value - (expected[i] as number)) / scale).toBeLessThan(1e-6),
          );
        },
      ),
      { numRuns: 200, seed: 20240101 },
    );
  });
});
