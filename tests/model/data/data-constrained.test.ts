import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  baseParams,
  computeOptimalParamsForTokens,
  dataConstrainedLoss,
  dataConstrainedTokensForLoss,
  effectiveParams,
  effectiveTokens,
  epochs,
  lowestReachableLoss,
  maxEffectiveParams,
  maxEffectiveTokens,
  MUENNIGHOFF_REPETITION,
  tokensForEffectiveTokens,
} from '../../../src/model/data/data-constrained';
import { ScienceError } from '../../../src/model/errors';
import { LAW_PRESETS, lawFromPreset } from '../../../src/model/laws/presets';
import { minimizeInLogSpace } from '../../../src/model/numerics/minimize';
import { computeOptimalForBudget, tokensForParams } from '../../../src/model/optimum/compute-optimal';
import { logUniform } from '../../support/arbitraries';
import { expectPrinted, expectRelativelyClose } from '../../support/close';

const muennighoff = lawFromPreset('muennighoff2023');
const chinchillaPresets = fc.constantFrom(
  ...LAW_PRESETS.filter((preset) => preset.form === 'chinchilla').map((preset) => preset.id),
);
const allPresets = fc.constantFrom(...LAW_PRESETS.map((preset) => preset.id));

describe('the data-constrained law reproduces Muennighoff et al. 2023’s reference code (datablations README)', () => {
  it('has the published decay constants R_D* = 15.387756 and R_N* = 5.309743', () => {
    expect(MUENNIGHOFF_REPETITION.rDStar).toBe(15.387756);
    expect(MUENNIGHOFF_REPETITION.rNStar).toBe(5.309743);
  });

  it('L(6.34e9, 242e9, U = 25e9) = 2.2256440889984477 (Figure 1 right, the better model)', () => {
    expectRelativelyClose(dataConstrainedLoss(muennighoff, 6.34e9, 242e9, 25e9), 2.2256440889984477, 1e-14);
  });

  it('L(8.67e9, 178e9, U = 25e9) = 2.2269634075087867', () => {
    expectRelativelyClose(dataConstrainedLoss(muennighoff, 8.67e9, 178e9, 25e9), 2.2269634075087867, 1e-14);
  });

  it('takes U_N as the reference code’s D_to_N(U) = G · (U·G)^(β/α): 1.2747e9 parameters for 25e9 tokens', () => {
    expectRelativelyClose(computeOptimalParamsForTokens(muennighoff.terms, 25e9), 1274662941.3414571, 1e-14);
    expect(baseParams(muennighoff.terms, 6.34e9, 25e9)).toBe(
      computeOptimalParamsForTokens(muennighoff.terms, 25e9),
    );
  });

  it('finds the README’s optimum at the 8.67e9 × 178e9 budget: 227B tokens, 9.1 epochs, 6.8B parameters', () => {
    const budget = 8.67e9 * 178e9;
    const best = minimizeInLogSpace(
      (tokens) => dataConstrainedLoss(muennighoff, budget / tokens, tokens, 25e9),
      178e9 / 3,
      178e9 * 3,
      'iso-FLOP search',
    );
    expectPrinted(best.x, 3, '2.27e11');
    expectPrinted(epochs(best.x, 25e9), 2, '9.1');
    expectPrinted(budget / best.x, 2, '6.8e9');
    expect(best.value).toBeLessThan(dataConstrainedLoss(muennighoff, 6.34e9, 242e9, 25e9));
  });
});

describe('effective data and parameters', () => {
  it('counts 4 epochs as almost fresh data (93 %) and a 16th epoch at under 40 % of a fresh one', () => {
    const unique = 1e12;
    expect(effectiveTokens(4 * unique, unique) / (4 * unique)).toBeGreaterThan(0.93);
    const marginal = effectiveTokens(16.001 * unique, unique) - effectiveTokens(16 * unique, unique);
    expect(marginal / (0.001 * unique)).toBeLessThan(0.4);
    expect(marginal / (0.001 * unique)).toBeCloseTo(Math.exp(-15 / 15.387756), 4);
  });

  it('equals D up to one epoch, never exceeds D or U · (1 + R_D*), and grows with D', () => {
    fc.assert(
      fc.property(logUniform(1e6, 1e15), logUniform(1e-3, 1e4), logUniform(1, 10), (unique, ratio, more) => {
        const tokens = unique * ratio;
        const effective = effectiveTokens(tokens, unique);
        if (tokens <= unique) expect(effective).toBe(tokens);
        else expect(effective).toBeGreaterThanOrEqual(unique);
        expect(effective).toBeLessThanOrEqual(tokens * (1 + 1e-15));
        expect(effective).toBeLessThanOrEqual(maxEffectiveTokens(unique));
        expect(effectiveTokens(tokens * more, unique)).toBeGreaterThanOrEqual(effective);
      }),
    );
  });

  it('maxEffectiveTokens(U) = U · (1 + R_D*) and epochs = D / U', () => {
    expect(maxEffectiveTokens(25e9)).toBeCloseTo(25e9 * 16.387756, -1);
    expect(epochs(242e9, 25e9)).toBeCloseTo(9.68, 12);
    expect(epochs(1e12, Infinity)).toBe(0);
    expect(maxEffectiveTokens(Infinity)).toBe(Infinity);
  });

  it('inverts effective data back to training tokens', () => {
    fc.assert(
      fc.property(logUniform(1e6, 1e15), logUniform(1e-3, 1e3), (unique, ratio) => {
        const tokens = unique * ratio;
        const effective = effectiveTokens(tokens, unique);
        // dD'/dD = exp(−R_D/R_D*): near the wall D' hardly moves with D, so its rounding error
        // (ε·D') becomes a relative error ε·(D'/D)·exp(R_D/R_D*) in the recovered D.
        const repetitions = Math.max(0, ratio - 1);
        const tolerance =
          8 * Number.EPSILON * (effective / tokens) * Math.exp(repetitions / MUENNIGHOFF_REPETITION.rDStar) +
          1e-14;
        let recovered: number | undefined;
        try {
          recovered = tokensForEffectiveTokens(effective, unique);
        } catch (error) {
          // Far past the wall D' rounds to U · (1 + R_D*) itself, which is reported as unreachable.
          expect((error as ScienceError).code).toBe('unreachable');
          expect(effective).toBe(maxEffectiveTokens(unique));
        }
        if (recovered !== undefined) expectRelativelyClose(recovered, tokens, tolerance);
      }),
    );
    expect(() => tokensForEffectiveTokens(maxEffectiveTokens(25e9), 25e9)).toThrow(ScienceError);
  });

  it('discounts parameters beyond N_opt(U) and leaves the rest alone', () => {
    fc.assert(
      fc.property(allPresets, logUniform(1e6, 1e15), logUniform(1e-3, 1e3), (id, unique, ratio) => {
        const { terms } = lawFromPreset(id);
        const optimal = computeOptimalParamsForTokens(terms, unique);
        const params = optimal * ratio;
        const effective = effectiveParams(terms, params, unique);
        if (ratio <= 1) expect(effective).toBe(params);
        else {
          expect(effective).toBeLessThanOrEqual(params * (1 + 1e-15));
          expect(effective).toBeGreaterThanOrEqual(optimal * (1 - 1e-15));
        }
        expect(effective).toBeLessThanOrEqual(maxEffectiveParams(terms, unique) * (1 + 1e-15));
      }),
    );
  });

  it('takes N_opt(U) from the compute-optimal allocation (Hoffmann Eq. 4) for every law, α ≠ β too', () => {
    fc.assert(
      fc.property(allPresets, logUniform(1e18, 1e28), (id, flops) => {
        const { terms } = lawFromPreset(id);
        const optimum = computeOptimalForBudget(terms, flops);
        expectRelativelyClose(computeOptimalParamsForTokens(terms, optimum.tokens), optimum.params, 1e-11);
      }),
    );
  });
});

describe('the data-constrained loss', () => {
  it('never gets lower with less unique data (fixed N and D)', () => {
    fc.assert(
      fc.property(
        allPresets,
        logUniform(1e7, 1e13),
        logUniform(1e9, 1e15),
        logUniform(1e8, 1e16),
        logUniform(1, 1e3),
        (id, params, tokens, unique, less) => {
          const law = lawFromPreset(id);
          const more = dataConstrainedLoss(law, params, tokens, unique);
          const fewer = dataConstrainedLoss(law, params, tokens, unique / less);
          expect(fewer).toBeGreaterThanOrEqual(more);
          expect(more).toBeGreaterThanOrEqual(law.loss(params, tokens) * (1 - 1e-15));
        },
      ),
    );
  });

  it('equals the unconstrained law with unlimited unique data', () => {
    fc.assert(
      fc.property(allPresets, logUniform(1e6, 1e15), logUniform(1e6, 1e16), (id, params, tokens) => {
        const law = lawFromPreset(id);
        expectRelativelyClose(
          dataConstrainedLoss(law, params, tokens, Infinity),
          law.loss(params, tokens),
          1e-15,
        );
      }),
    );
  });

  it('equals the unconstrained law when U ≥ D and N ≤ N_opt(U)', () => {
    fc.assert(
      fc.property(
        chinchillaPresets,
        logUniform(1e8, 1e15),
        logUniform(1, 1e3),
        logUniform(1, 1e3),
        (id, unique, fewerTokens, fewerParams) => {
          const law = lawFromPreset(id);
          const tokens = unique / fewerTokens;
          const params = computeOptimalParamsForTokens(law.terms, unique) / fewerParams;
          expectRelativelyClose(
            dataConstrainedLoss(law, params, tokens, unique),
            law.loss(params, tokens),
            1e-15,
          );
        },
      ),
    );
  });

  it('never goes below the lowest loss U allows', () => {
    fc.assert(
      fc.property(
        allPresets,
        logUniform(1e6, 1e13),
        logUniform(1e6, 1e16),
        logUniform(1e8, 1e14),
        (id, params, tokens, unique) => {
          const law = lawFromPreset(id);
          // Equal in rounding only, once N and D are so far past N_opt(U) and U that both discounts saturate.
          expect(dataConstrainedLoss(law, params, tokens, unique)).toBeGreaterThanOrEqual(
            lowestReachableLoss(law, unique),
          );
        },
      ),
    );
    expect(lowestReachableLoss(muennighoff, Infinity)).toBe(muennighoff.floor);
  });
});

describe('training tokens for a loss with limited unique data', () => {
  it('reaches the target loss exactly (round trip through the law)', () => {
    fc.assert(
      fc.property(
        allPresets,
        logUniform(1e7, 1e13),
        logUniform(1e8, 1e15),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (id, params, unique, where) => {
          const law = lawFromPreset(id);
          // A target between the best this N can do with U and a loss it beats at one epoch.
          const best = law.lossForExcess(
            law.terms.a * effectiveParams(law.terms, params, unique) ** -law.terms.alpha +
              law.terms.b * maxEffectiveTokens(unique) ** -law.terms.beta,
          );
          const easy = dataConstrainedLoss(law, params, unique / 10, unique);
          fc.pre(easy > best * (1 + 1e-9));
          const target = best + where * (easy - best);
          const tokens = dataConstrainedTokensForLoss(law, params, unique, target);
          expect(Number.isFinite(tokens)).toBe(true);
          const share = (effectiveTokens(tokens, unique) / unique - 1) / MUENNIGHOFF_REPETITION.rDStar;
          expectRelativelyClose(
            dataConstrainedLoss(law, params, tokens, unique),
            target,
            1e-11 / Math.max(1e-3, 1 - share),
          );
        },
      ),
    );
  });

  it('agrees with the unconstrained engine when the data needed fits in one epoch', () => {
    fc.assert(
      fc.property(
        chinchillaPresets,
        logUniform(1e8, 1e12),
        logUniform(0.01, 1),
        (id, params, excessShare) => {
          const law = lawFromPreset(id);
          const { a, alpha } = law.terms;
          const excess = (a * params ** -alpha) / (1 - excessShare * 0.99);
          const loss = law.lossForExcess(excess);
          // The engine's answer for the same loss (E + Δ − E is not Δ to the last bit).
          const unlimited = tokensForParams(law.terms, law.excessForLoss(loss), params);
          expectRelativelyClose(dataConstrainedTokensForLoss(law, params, Infinity, loss), unlimited, 1e-12);
          const plenty = Math.max(unlimited, computeOptimalForBudget(law.terms, 1).tokens) * 10;
          fc.pre(params <= computeOptimalParamsForTokens(law.terms, plenty));
          expectRelativelyClose(dataConstrainedTokensForLoss(law, params, plenty, loss), unlimited, 1e-12);
        },
      ),
    );
  });

  it('needs more tokens for the Figure 1 models’ loss than 25e9 unique tokens hold, but reaches it by repetition', () => {
    const loss = dataConstrainedLoss(muennighoff, 6.34e9, 242e9, 25e9);
    expectRelativelyClose(dataConstrainedTokensForLoss(muennighoff, 6.34e9, 25e9, loss), 242e9, 1e-12);
  });

  it('flags targets no amount of repetition can reach, with typed unreachable errors', () => {
    const unreachable = expect.objectContaining({ code: 'unreachable' }) as Error;
    // At or below E.
    expect(() => dataConstrainedTokensForLoss(muennighoff, 1e10, 25e9, 1.8)).toThrow(unreachable);
    // 6.34e9 parameters with 25e9 unique tokens reach 2.1887 at D' = U · (1 + R_D*), so 2.18 is out of
    // reach for them, although a larger model could get down to 2.1559 with the same unique data.
    const floor = lowestReachableLoss(muennighoff, 25e9);
    expectPrinted(floor, 5, '2.1559');
    expect(() => dataConstrainedTokensForLoss(muennighoff, 6.34e9, 25e9, 2.18)).toThrow(
      /more than any repetition/,
    );
    expect(() => dataConstrainedTokensForLoss(muennighoff, 6.34e9, 25e9, 2.19)).not.toThrow();
    // Too few parameters for any data.
    expect(() => dataConstrainedTokensForLoss(muennighoff, 1e6, Infinity, 2.3)).toThrow(
      /cannot reach loss 2.3/,
    );
    // Too many parameters are worth at most N_opt(U)(1 + R_N*).
    expect(() => dataConstrainedTokensForLoss(muennighoff, 1e15, 1e9, floor)).toThrow(unreachable);
  });

  it('rejects impossible inputs with typed errors', () => {
    const invalid = expect.objectContaining({ code: 'invalid-argument' }) as Error;
    expect(() => effectiveTokens(1e9, 0)).toThrow(invalid);
    expect(() => effectiveTokens(1e9, Number.NaN)).toThrow(invalid);
    expect(() => effectiveTokens(-1, 1e9)).toThrow(invalid);
    expect(() => effectiveParams(muennighoff.terms, 0, 1e9)).toThrow(invalid);
    expect(() => dataConstrainedLoss(muennighoff, 1e9, 1e9, -5)).toThrow(invalid);
  });
});
