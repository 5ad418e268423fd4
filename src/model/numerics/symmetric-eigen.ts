/**
 * Eigenvalues and eigenvectors of a small real symmetric matrix by the cyclic Jacobi method
 * (Golub & Van Loan, Matrix Computations, 4th ed., §8.5.2–8.5.3; Press et al., Numerical Recipes,
 * 3rd ed., §11.1). Each rotation zeroes one off-diagonal pair; the sweeps converge quadratically and
 * the method is accurate for every eigenvalue, zero ones included, which is what a covariance's
 * positive semi-definiteness check and its square root need. Meant for the 5×5 law covariance:
 * O(n³) per sweep, a handful of sweeps.
 */

export interface SymmetricEigen {
  /** Eigenvalues, ascending. */
  readonly values: readonly number[];
  /** `vectors[k]` is the unit eigenvector of `values[k]`. */
  readonly vectors: readonly (readonly number[])[];
}

/** Off-diagonal mass relative to the whole matrix at which the sweeps stop (near double precision). */
const JACOBI_RELATIVE_TOLERANCE = 1e-15;
/** Cyclic Jacobi needs under 10 sweeps for small matrices; 50 is a safe ceiling. */
const JACOBI_MAX_SWEEPS = 50;

/**
 * Diagonalises a symmetric matrix (only its upper triangle is read; the caller checks symmetry).
 * Throws on a non-square or non-finite matrix.
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): SymmetricEigen {
  const n = matrix.length;
  const a = matrix.map((row, i) => {
    if (row.length !== n) throw new Error(`row ${i} has ${row.length} entries; the matrix must be ${n}×${n}`);
    return row.map((value, j) => {
      if (!Number.isFinite(value)) throw new Error(`entry [${i}][${j}] is not finite`);
      return j >= i ? value : (matrix[j]?.[i] ?? value);
    });
  });
  const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  const at = (m: number[][], i: number, j: number): number => m[i]?.[j] ?? 0;
  const set = (m: number[][], i: number, j: number, value: number): void => {
    const row = m[i];
    if (row) row[j] = value;
  };
  const total = Math.hypot(...a.flat());
  for (let sweep = 0; sweep < JACOBI_MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += at(a, i, j) ** 2;
    if (Math.sqrt(off) <= JACOBI_RELATIVE_TOLERANCE * total) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = at(a, p, q);
        if (apq === 0) continue;
        // The rotation angle that zeroes a[p][q] (Golub & Van Loan Alg. 8.5.1, the smaller root).
        const theta = (at(a, q, q) - at(a, p, p)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = at(a, k, p);
          const akq = at(a, k, q);
          set(a, k, p, c * akp - s * akq);
          set(a, k, q, s * akp + c * akq);
        }
        for (let k = 0; k < n; k++) {
          const apk = at(a, p, k);
          const aqk = at(a, q, k);
          set(a, p, k, c * apk - s * aqk);
          set(a, q, k, s * apk + c * aqk);
        }
        for (let k = 0; k < n; k++) {
          const vkp = at(v, k, p);
          const vkq = at(v, k, q);
          set(v, k, p, c * vkp - s * vkq);
          set(v, k, q, s * vkp + c * vkq);
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, k) => k).sort((x, y) => at(a, x, x) - at(a, y, y));
  return {
    values: order.map((k) => at(a, k, k)),
    vectors: order.map((k) => v.map((row) => row[k] ?? 0)),
  };
}
