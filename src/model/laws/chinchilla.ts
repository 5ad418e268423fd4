import { requirePositive, requireNonNegative } from '../errors';
import { requireAboveFloor } from './floor';
import type { LawCovariance } from '../uncertainty/covariance';
import type { ChinchillaConstants, ChinchillaLaw, LawMeta } from './types';

/**
 * The Chinchilla form L(N, D) = E + A/N^α + B/D^β (Hoffmann et al. 2022, arXiv 2203.15556, Eq. 2).
 * Its excess over E is already separable, so a = A, b = B. A covariance of the constants, when
 * given, travels with the law (checked where it is read: scenario/sections.ts, or a preset's test).
 */
export function chinchillaLaw(
  constants: ChinchillaConstants,
  meta: LawMeta,
  covariance?: LawCovariance,
): ChinchillaLaw {
  const { E, A, B, alpha, beta } = constants;
  requireNonNegative(E, 'E');
  requirePositive(A, 'A');
  requirePositive(B, 'B');
  requirePositive(alpha, 'alpha');
  requirePositive(beta, 'beta');
  const floorName = 'the irreducible loss E';
  return {
    ...meta,
    form: 'chinchilla',
    constants,
    ...(covariance ? { covariance } : {}),
    terms: { a: A, alpha, b: B, beta },
    floor: E,
    floorName,
    loss: (params, tokens) => E + A * params ** -alpha + B * tokens ** -beta,
    excessForLoss: (loss) => {
      requireAboveFloor(loss, floorName, E, meta.id);
      return loss - E;
    },
    lossForExcess: (excess) => E + excess,
  };
}
