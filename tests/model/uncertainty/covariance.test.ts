import { describe, expect, it } from 'vitest';
import {
  covarianceProblems,
  covarianceSquareRoot,
  type LawCovariance,
} from '../../../src/model/uncertainty/covariance';
import { findLawPreset } from '../../../src/model/laws/presets';

const DIAGONAL: LawCovariance = [
  [0.04, 0, 0, 0, 0],
  [0, 0.09, 0, 0, 0],
  [0, 0, 1e-4, 0, 0],
  [0, 0, 0, 2.5e-4, 0],
  [0, 0, 0, 0, 4e-4],
];

/** A copy of a matrix with entries replaced: [[row, column, value], …]. */
function withEntries(matrix: LawCovariance, changes: readonly [number, number, number][]): number[][] {
  const copy = matrix.map((row) => [...row]);
  for (const [i, j, value] of changes) {
    const row = copy[i];
    if (row) row[j] = value;
  }
  return copy;
}

function product(root: readonly (readonly number[])[]): number[][] {
  return root.map((a) => root.map((b) => a.reduce((sum, x, k) => sum + x * (b[k] ?? 0), 0)));
}

describe('checking a law covariance over (ln A, ln B, ln E, α, β)', () => {
  it('accepts a diagonal covariance and Epoch’s bootstrap covariance of besiroglu2024', () => {
    expect(covarianceProblems(DIAGONAL)).toEqual([]);
    const besiroglu = findLawPreset('besiroglu2024');
    expect(besiroglu?.form === 'chinchilla' && besiroglu.covariance).toBeTruthy();
    if (besiroglu?.form === 'chinchilla' && besiroglu.covariance) {
      expect(covarianceProblems(besiroglu.covariance)).toEqual([]);
    }
  });

  it('refuses another shape', () => {
    expect(covarianceProblems([[1]])).toEqual([
      { message: 'expected a 5×5 matrix over (ln A, ln B, ln E, α, β)' },
    ]);
  });

  it('names each non-finite entry', () => {
    expect(covarianceProblems(withEntries(DIAGONAL, [[2, 3, Number.POSITIVE_INFINITY]]))).toEqual([
      { row: 2, column: 3, message: 'Infinity is not a finite number' },
    ]);
  });

  it('refuses a negative variance, naming the parameter', () => {
    expect(covarianceProblems(withEntries(DIAGONAL, [[3, 3, -1e-4]]))).toEqual([
      { row: 3, column: 3, message: 'the variance of α is -0.0001; a variance must not be negative' },
    ]);
  });

  it('accepts asymmetry from printing 7 significant digits (< 1e-6 relative) and names the lower entry beyond it', () => {
    expect(
      covarianceProblems(
        withEntries(DIAGONAL, [
          [0, 1, 1.234567e-2],
          [1, 0, 1.2345674e-2],
        ]),
      ),
    ).toEqual([]);
    const problems = covarianceProblems(
      withEntries(DIAGONAL, [
        [0, 1, 0.01],
        [1, 0, 0.011],
      ]),
    );
    expect(problems).toEqual([
      {
        row: 1,
        column: 0,
        message: '0.011 differs from [0][1] = 0.01; a covariance is symmetric (relative tolerance 0.000001)',
      },
    ]);
  });

  it('names the entry whose correlation is beyond ±1', () => {
    // sd(ln A) = 0.2, sd(α) ≈ 0.0158: a covariance of 0.004 is a correlation of 1.26.
    const problems = covarianceProblems(
      withEntries(DIAGONAL, [
        [0, 3, 0.004],
        [3, 0, 0.004],
      ]),
    );
    expect(problems).toEqual([
      {
        row: 0,
        column: 3,
        message:
          '0.004 makes the correlation of ln A and α 1.26, beyond ±1: the matrix is not positive semi-definite',
      },
    ]);
  });

  it('refuses a matrix with every correlation within ±1 but a negative eigenvalue (three correlations of −0.9)', () => {
    const negative = withEntries(DIAGONAL, [
      [0, 0, 1],
      [1, 1, 1],
      [2, 2, 1],
      [0, 1, -0.9],
      [1, 0, -0.9],
      [0, 2, -0.9],
      [2, 0, -0.9],
      [1, 2, -0.9],
      [2, 1, -0.9],
    ]);
    const problems = covarianceProblems(negative);
    expect(problems).toHaveLength(1);
    // Eigenvalue 1 + 2·(−0.9) = −0.8 along (1, 1, 1)/√3.
    expect(problems[0]?.message).toBe(
      'not positive semi-definite: eigenvalue -0.800 (largest 1.90) along 0.58·ln A + 0.58·ln B + 0.58·ln E',
    );
  });

  it('accepts a singular covariance (α held fixed, ln A and ln B perfectly correlated) and its square root S reproduces it, S·Sᵀ = C', () => {
    const singular = [
      [0.04, 0.06, 0, 0, 0],
      [0.06, 0.09, 0, 0, 0],
      [0, 0, 1e-4, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 4e-4],
    ];
    expect(covarianceProblems(singular)).toEqual([]);
    const back = product(covarianceSquareRoot(singular));
    singular.forEach((row, i) =>
      row.forEach((value, j) => expect(Math.abs((back[i]?.[j] ?? 0) - value)).toBeLessThan(1e-15)),
    );
    // α's row of S is zero: α never moves.
    expect(covarianceSquareRoot(singular)[3]?.every((x) => Math.abs(x) < 1e-15)).toBe(true);
  });
});
