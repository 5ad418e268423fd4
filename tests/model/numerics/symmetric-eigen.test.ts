import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../../src/model/numerics/symmetric-eigen';

/** V·diag(λ)·Vᵀ from an eigendecomposition. */
function reassemble(values: readonly number[], vectors: readonly (readonly number[])[]): number[][] {
  const n = values.length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) =>
      values.reduce((sum, value, k) => sum + value * (vectors[k]?.[i] ?? 0) * (vectors[k]?.[j] ?? 0), 0),
    ),
  );
}

describe('Jacobi eigendecomposition of a symmetric matrix', () => {
  it('gives the eigenvalues of [[2, 1], [1, 2]] (1 and 3) with unit eigenvectors (1, ∓1)/√2', () => {
    const { values, vectors } = symmetricEigen([
      [2, 1],
      [1, 2],
    ]);
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(3, 14);
    expect(Math.abs(vectors[0]?.[0] ?? 0)).toBeCloseTo(Math.SQRT1_2, 14);
    expect((vectors[0]?.[0] ?? 0) * (vectors[0]?.[1] ?? 0)).toBeCloseTo(-0.5, 14);
  });

  it('finds an exact zero eigenvalue of a rank-one matrix vvᵀ, v = (1, 2, 3), and the other, |v|² = 14', () => {
    const v = [1, 2, 3];
    const { values } = symmetricEigen(v.map((x) => v.map((y) => x * y)));
    expect(Math.abs(values[0] ?? 1)).toBeLessThan(1e-14);
    expect(Math.abs(values[1] ?? 1)).toBeLessThan(1e-14);
    expect(values[2]).toBeCloseTo(14, 13);
  });

  it('returns orthonormal eigenvectors that reassemble a 5×5 matrix to 1e-14 of its norm, eigenvalues ascending', () => {
    const matrix = [
      [4, 1, -2, 0.5, 0],
      [1, 3, 0.25, -1, 2],
      [-2, 0.25, 5, 0, -0.75],
      [0.5, -1, 0, 2, 0.1],
      [0, 2, -0.75, 0.1, 6],
    ];
    const { values, vectors } = symmetricEigen(matrix);
    expect([...values]).toEqual([...values].sort((a, b) => a - b));
    // The trace is the sum of the eigenvalues.
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(20, 12);
    const back = reassemble(values, vectors);
    matrix.forEach((row, i) =>
      row.forEach((value, j) => expect(Math.abs((back[i]?.[j] ?? 0) - value)).toBeLessThan(1e-13)),
    );
    vectors.forEach((a, p) =>
      vectors.forEach((b, q) => {
        const dot = a.reduce((sum, x, k) => sum + x * (b[k] ?? 0), 0);
        expect(dot).toBeCloseTo(p === q ? 1 : 0, 13);
      }),
    );
  });

  it('refuses a ragged or non-finite matrix with the entry named', () => {
    expect(() => symmetricEigen([[1, 2], [2]])).toThrow('row 1 has 1 entries; the matrix must be 2×2');
    expect(() =>
      symmetricEigen([
        [1, Number.NaN],
        [0, 1],
      ]),
    ).toThrow('entry [0][1] is not finite');
  });
});
