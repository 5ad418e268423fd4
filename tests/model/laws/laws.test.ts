import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScienceError } from '../../../src/model/errors';
import { chinchillaLaw } from '../../../src/model/laws/chinchilla';
import { kaplanLaw } from '../../../src/model/laws/kaplan';
import { findLawPreset, LAW_PRESETS, lawFromPreset } from '../../../src/model/laws/presets';
import { excessOf } from '../../../src/model/optimum/compute-optimal';
import { logUniform } from '../../support/arbitraries';
import { expectRelativelyClose } from '../../support/close';

describe('Chinchilla-form laws', () => {
  it('gives the loss of a 70B model on 1T tokens that Sardana et al. call 1.947', () => {
    const law = lawFromPreset('sardana2024');
    expect(law.loss(70e9, 1e12)).toBeCloseTo(1.947, 3);
    expectRelativelyClose(law.loss(70e9, 1e12), 1.69 + 406.4 / 70e9 ** 0.336 + 410.7 / 1e12 ** 0.283, 1e-15);
  });

  it('reads the Muennighoff C4 fit from its logarithms', () => {
    const { constants } = lawFromPreset('muennighoff2023') as ReturnType<typeof chinchillaLaw>;
    expectRelativelyClose(constants.E, 1.8692, 1e-4);
    expectRelativelyClose(constants.A, 521.2, 1e-3);
    expectRelativelyClose(constants.B, 1488.2, 1e-3);
  });

  it('maps loss to excess over E and back', () => {
    const law = lawFromPreset('besiroglu2024');
    expect(law.excessForLoss(2.5)).toBeCloseTo(2.5 - 1.8172, 14);
    expect(law.lossForExcess(law.excessForLoss(2.5))).toBeCloseTo(2.5, 14);
  });

  it('refuses a target at or below E with a message naming the law', () => {
    const law = lawFromPreset('sardana2024');
    expect(() => law.excessForLoss(1.5)).toThrow(
      '1.5 is below the irreducible loss E = 1.69 of law sardana2024',
    );
    expect(() => law.excessForLoss(1.69)).toThrow(
      '1.69 equals the irreducible loss E = 1.69 of law sardana2024',
    );
    expect(() => law.excessForLoss(Number.NaN)).toThrow(ScienceError);
    expect(() => law.excessForLoss(Number.POSITIVE_INFINITY)).toThrow('finite');
  });

  it('rejects constants outside their domain', () => {
    const meta = { id: 'custom', label: 'custom', source: 'test' };
    expect(() => chinchillaLaw({ E: 1, A: -1, B: 1, alpha: 0.3, beta: 0.3 }, meta)).toThrow('A must be');
    expect(() => chinchillaLaw({ E: -1, A: 1, B: 1, alpha: 0.3, beta: 0.3 }, meta)).toThrow('E must be');
    expect(() => chinchillaLaw({ E: 1, A: 1, B: 1, alpha: 0, beta: 0.3 }, meta)).toThrow('alpha must be');
    expect(() => kaplanLaw({ alphaN: 0.076, alphaD: Number.NaN, Nc: 1, Dc: 1 }, meta)).toThrow(
      'alphaD must be',
    );
  });

  it('has its excess equal to a·N^−α + b·D^−β', () => {
    fc.assert(
      fc.property(logUniform(1e6, 1e14), logUniform(1e8, 1e16), (params, tokens) => {
        const law = lawFromPreset('hoffmann2022');
        expectRelativelyClose(
          law.loss(params, tokens) - law.floor,
          excessOf(law.terms, { params, tokens }),
          1e-12,
        );
      }),
    );
  });
});

describe('the Kaplan-form law', () => {
  const law = lawFromPreset('kaplan2020');

  it('evaluates Eq. 1.5 of Kaplan et al. 2020', () => {
    const expected = ((8.8e13 / 1e9) ** (0.076 / 0.095) + 5.4e13 / 1e10) ** 0.095;
    expectRelativelyClose(law.loss(1e9, 1e10), expected, 1e-15);
    expect(law.loss(1e9, 1e10)).toBeCloseTo(2.4838, 4);
  });

  it('is separable in L^(1/α_D) with a = N_c^(α_N/α_D), α = α_N/α_D, b = D_c, β = 1', () => {
    expectRelativelyClose(law.terms.a, 8.8e13 ** 0.8, 1e-14);
    expectRelativelyClose(law.terms.alpha, 0.8, 1e-14);
    expect(law.terms.b).toBe(5.4e13);
    expect(law.terms.beta).toBe(1);
    fc.assert(
      fc.property(logUniform(1e6, 1e14), logUniform(1e8, 1e16), (params, tokens) => {
        expectRelativelyClose(
          law.excessForLoss(law.loss(params, tokens)),
          excessOf(law.terms, { params, tokens }),
          1e-12,
        );
      }),
    );
  });

  it('maps an excess back to its loss', () => {
    expectRelativelyClose(law.lossForExcess(law.excessForLoss(2.7)), 2.7, 1e-15);
  });

  it('has a loss floor of 0', () => {
    expect(law.floor).toBe(0);
    expect(() => law.excessForLoss(0)).toThrow('0 equals the loss floor = 0 of law kaplan2020');
    expect(() => law.excessForLoss(-1)).toThrow('is below the loss floor');
  });
});

describe('the preset table', () => {
  it('cites a source for every preset and has unique ids', () => {
    const ids = LAW_PRESETS.map((preset) => preset.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'hoffmann2022',
        'hoffmann2022-unrounded',
        'sardana2024',
        'besiroglu2024',
        'muennighoff2023',
        'sardana2024-mpt',
        'kaplan2020',
      ]),
    );
    for (const preset of LAW_PRESETS) expect(preset.source).toMatch(/\d{4}/);
  });

  it('names the unknown preset and the known ones', () => {
    expect(findLawPreset('nope')).toBeUndefined();
    expect(() => lawFromPreset('nope')).toThrow(/unknown law preset "nope" \(known: sardana2024, /);
  });
});
