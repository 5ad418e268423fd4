import { ScienceError } from '../errors';
import type { ChinchillaConstants } from '../laws/types';
import { COVARIANCE_SIZE, covarianceProblems, covarianceSquareRoot, type LawCovariance } from './covariance';
import { standardNormals } from './normal';

/** The most draws one call makes: beyond it, percentiles gain nothing a user would see. */
export const MAX_DRAWS = 1_000_000;
/** The generator keeps 32 bits of its seed (pure-rand's xoroshiro128plus(seed) takes seed | 0). */
export const MAX_SEED = 2 ** 32 - 1;

/** A law's constants as the point the covariance is centred on: (ln A, ln B, ln E, α, β). */
export function logParameters(constants: ChinchillaConstants): number[] {
  return [
    Math.log(constants.A),
    Math.log(constants.B),
    Math.log(constants.E),
    constants.alpha,
    constants.beta,
  ];
}

/**
 * `count` laws drawn from the multivariate normal N(θ̂, C) over θ = (ln A, ln B, ln E, α, β)
 * centred on the given constants: θ = θ̂ + S·z with S·Sᵀ = C (covarianceSquareRoot) and z standard
 * normal (standardNormals, seeded), then (A, B, E, α, β) = (e^θ₁, e^θ₂, e^θ₃, θ₄, θ₅). The same
 * seed gives the same draws; draw i depends only on the seed and i's position, so a caller may
 * solve them in chunks. A draw may have α ≤ 0 or β ≤ 0 when the covariance is wide; solving it
 * then fails and is counted (solve-draws.ts), not hidden.
 */
export function drawLaws(
  constants: ChinchillaConstants,
  covariance: LawCovariance,
  count: number,
  seed: number,
): ChinchillaConstants[] {
  if (!(Number.isInteger(count) && count >= 1 && count <= MAX_DRAWS)) {
    throw new ScienceError(
      'invalid-argument',
      `the number of draws must be a whole number from 1 to ${MAX_DRAWS} (got ${count})`,
    );
  }
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED)) {
    throw new ScienceError(
      'invalid-argument',
      `the seed must be a whole number from 0 to ${MAX_SEED} (got ${seed})`,
    );
  }
  const problem = covarianceProblems(covariance)[0];
  if (problem) throw new ScienceError('invalid-argument', `covariance: ${problem.message}`);
  const root = covarianceSquareRoot(covariance);
  const centre = logParameters(constants);
  const z = standardNormals(seed, count * COVARIANCE_SIZE);
  return Array.from({ length: count }, (_, draw) => {
    const theta = centre.map((mean, i) => {
      let value = mean;
      for (let k = 0; k < COVARIANCE_SIZE; k++)
        value += (root[i]?.[k] ?? 0) * (z[draw * COVARIANCE_SIZE + k] ?? 0);
      return value;
    });
    const [lnA = 0, lnB = 0, lnE = 0, alpha = 0, beta = 0] = theta;
    return { A: Math.exp(lnA), B: Math.exp(lnB), E: Math.exp(lnE), alpha, beta };
  });
}
