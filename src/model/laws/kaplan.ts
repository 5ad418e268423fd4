import { requirePositive } from '../errors';
import { requireAboveFloor } from './floor';
import type { KaplanConstants, KaplanLaw, LawMeta } from './types';

/**
 * The Kaplan form L(N, D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D (Kaplan et al. 2020, arXiv 2001.08361,
 * Eq. 1.5). Raising both sides to 1/α_D gives a separable excess
 *   L^(1/α_D) = N_c^(α_N/α_D) · N^−(α_N/α_D) + D_c · D^−1,
 * so a = N_c^(α_N/α_D), α = α_N/α_D, b = D_c, β = 1, and the loss floor is 0.
 */
export function kaplanLaw(constants: KaplanConstants, meta: LawMeta): KaplanLaw {
  const { alphaN, alphaD, Nc, Dc } = constants;
  requirePositive(alphaN, 'alphaN');
  requirePositive(alphaD, 'alphaD');
  requirePositive(Nc, 'Nc');
  requirePositive(Dc, 'Dc');
  const exponentRatio = alphaN / alphaD;
  const floorName = 'the loss floor';
  return {
    ...meta,
    form: 'kaplan',
    constants,
    terms: { a: Nc ** exponentRatio, alpha: exponentRatio, b: Dc, beta: 1 },
    floor: 0,
    floorName,
    loss: (params, tokens) => ((Nc / params) ** exponentRatio + Dc / tokens) ** alphaD,
    excessForLoss: (loss) => {
      requireAboveFloor(loss, floorName, 0, meta.id);
      return loss ** (1 / alphaD);
    },
    lossForExcess: (excess) => excess ** alphaD,
  };
}
