import { symmetricEigen } from '../numerics/symmetric-eigen';

/**
 * The uncertainty of a Chinchilla-form law's constants: a 5×5 covariance over
 * (ln A, ln B, ln E, α, β), the parameterisation in which Hoffmann et al. 2022 (App. D.2) and
 * Besiroglu et al. 2024 fit the law (a = ln A, b = ln B, e = ln E in the log-sum-exp objective) and
 * in which their bootstrap estimates are close to normal; A, B and E stay positive in every draw.
 */
export type LawCovariance = readonly (readonly number[])[];

/** The order of the covariance's rows and columns. */
export const COVARIANCE_PARAMETERS = ['ln A', 'ln B', 'ln E', 'α', 'β'] as const;
export const COVARIANCE_SIZE = COVARIANCE_PARAMETERS.length;

/**
 * Largest relative asymmetry |c_ij − c_ji| / max(|c_ij|, |c_ji|, √(c_ii·c_jj)) accepted. A matrix
 * printed to 7 significant digits (as the and numpy's are) is symmetric to about 5e-7.
 */
export const SYMMETRY_RELATIVE_TOLERANCE = 1e-6;
/**
 * Most negative eigenvalue accepted, relative to the largest: rounding a PSD matrix's entries to
 * 7 significant digits moves its eigenvalues by about 1e-7 of its norm, so a singular covariance
 * (a parameter held fixed, or a bootstrap with fewer resamples than parameters) must still pass.
 */
export const PSD_RELATIVE_TOLERANCE = 1e-6;

/** One problem with a covariance: the entry it is about (row, column), or the matrix as a whole. */
export interface CovarianceProblem {
  readonly row?: number;
  readonly column?: number;
  readonly message: string;
}

const name = (i: number): string => COVARIANCE_PARAMETERS[i] ?? `#${i}`;
const entry = (matrix: LawCovariance, i: number, j: number): number => matrix[i]?.[j] ?? Number.NaN;

/**
 * What is wrong with a covariance, in reading order: its shape, non-finite entries, negative
 * variances, asymmetry, a correlation beyond ±1, then a negative eigenvalue. Empty when it is a
 * valid (symmetric, positive semi-definite) covariance.
 */
export function covarianceProblems(matrix: LawCovariance): CovarianceProblem[] {
  if (matrix.length !== COVARIANCE_SIZE || matrix.some((row) => row.length !== COVARIANCE_SIZE)) {
    return [
      {
        message: `expected a ${COVARIANCE_SIZE}×${COVARIANCE_SIZE} matrix over (${COVARIANCE_PARAMETERS.join(', ')})`,
      },
    ];
  }
  const problems: CovarianceProblem[] = [];
  matrix.forEach((row, i) =>
    row.forEach((value, j) => {
      if (!Number.isFinite(value))
        problems.push({ row: i, column: j, message: `${value} is not a finite number` });
    }),
  );
  if (problems.length > 0) return problems;
  for (let i = 0; i < COVARIANCE_SIZE; i++) {
    const variance = entry(matrix, i, i);
    if (variance < 0) {
      problems.push({
        row: i,
        column: i,
        message: `the variance of ${name(i)} is ${variance}; a variance must not be negative`,
      });
    }
  }
  if (problems.length > 0) return problems;
  for (let i = 0; i < COVARIANCE_SIZE; i++) {
    for (let j = i + 1; j < COVARIANCE_SIZE; j++) {
      const upper = entry(matrix, i, j);
      const lower = entry(matrix, j, i);
      const scale = Math.max(
        Math.abs(upper),
        Math.abs(lower),
        Math.sqrt(entry(matrix, i, i) * entry(matrix, j, j)),
      );
      if (Math.abs(upper - lower) > SYMMETRY_RELATIVE_TOLERANCE * scale) {
        problems.push({
          row: j,
          column: i,
          message: `${lower} differs from [${i}][${j}] = ${upper}; a covariance is symmetric (relative tolerance ${SYMMETRY_RELATIVE_TOLERANCE})`,
        });
      }
    }
  }
  if (problems.length > 0) return problems;
  // A correlation beyond ±1 is the commonest way to break semi-definiteness; name its entry.
  for (let i = 0; i < COVARIANCE_SIZE; i++) {
    for (let j = i + 1; j < COVARIANCE_SIZE; j++) {
      const bound = Math.sqrt(entry(matrix, i, i) * entry(matrix, j, j));
      const covariance = entry(matrix, i, j);
      if (Math.abs(covariance) > bound * (1 + PSD_RELATIVE_TOLERANCE)) {
        const correlation = bound > 0 ? (covariance / bound).toPrecision(3) : 'undefined (a zero variance)';
        problems.push({
          row: i,
          column: j,
          message: `${covariance} makes the correlation of ${name(i)} and ${name(j)} ${correlation}, beyond ±1: the matrix is not positive semi-definite`,
        });
      }
    }
  }
  if (problems.length > 0) return problems;
  const { values, vectors } = symmetricEigen(matrix);
  const largest = Math.max(...values);
  const smallest = values[0] ?? 0;
  if (smallest < -PSD_RELATIVE_TOLERANCE * Math.max(largest, 0)) {
    problems.push({
      message: `not positive semi-definite: eigenvalue ${smallest.toPrecision(3)} (largest ${largest.toPrecision(3)}) along ${direction(vectors[0] ?? [])}`,
    });
  }
  return problems;
}

/** An eigenvector as the parameters it mostly moves, e.g. "0.71·ln A − 0.70·α". */
function direction(vector: readonly number[]): string {
  return vector
    .map((weight, i) => ({ weight, i }))
    .filter(({ weight }) => Math.abs(weight) >= 0.2)
    .map(
      ({ weight, i }, k) =>
        `${k === 0 ? (weight < 0 ? '−' : '') : weight < 0 ? ' − ' : ' + '}${Math.abs(weight).toFixed(2)}·${name(i)}`,
    )
    .join('');
}

/**
 * A square root S of a valid covariance C (S·Sᵀ = C) from its eigendecomposition,
 * S = V·diag(√max(λ, 0)): unlike a Cholesky factor it exists for a singular C (zero eigenvalues,
 * e.g. a parameter held fixed), and eigenvalues within PSD_RELATIVE_TOLERANCE below zero (rounding)
 * count as zero. Rows of S are in the order of COVARIANCE_PARAMETERS.
 */
export function covarianceSquareRoot(matrix: LawCovariance): number[][] {
  const { values, vectors } = symmetricEigen(matrix);
  const roots = values.map((value) => Math.sqrt(Math.max(value, 0)));
  return Array.from({ length: COVARIANCE_SIZE }, (_, i) =>
    vectors.map((vector, k) => (vector[i] ?? 0) * (roots[k] ?? 0)),
  );
}
