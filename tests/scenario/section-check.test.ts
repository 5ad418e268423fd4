import { describe, expect, it } from 'vitest';
import { checkedDemand, checkedLaw, checkedTarget } from '../../src/scenario';

describe('one section checked on its own', () => {
  it('returns a valid section as the validator reads it', () => {
    expect(checkedLaw({ preset: 'sardana2024' }, 'law')).toEqual({ preset: 'sardana2024' });
    expect(checkedTarget({ model: { params: 7e10, tokens: 1.4e12 } }, 'target')).toEqual({
      model: { params: 7e10, tokens: 1.4e12 },
    });
    expect(
      checkedDemand(
        { requestsPerDay: 1e7, days: 365, inputTokensPerRequest: 1000, outputTokensPerRequest: 250 },
        'demand',
      ),
    ).toEqual({
      requestsPerDay: 1e7,
      days: 365,
      inputTokensPerRequest: 1000,
      outputTokensPerRequest: 250,
    });
  });

  it('returns nothing for a section with any issue, however small', () => {
    expect(checkedLaw({ preset: 'no-such-law' }, 'law')).toBeUndefined();
    expect(
      checkedLaw({ form: 'chinchilla', E: 1.69, A: 406.4, B: 410.7, alpha: 0.336 }, 'law'),
    ).toBeUndefined();
    expect(checkedTarget({ loss: -1 }, 'target')).toBeUndefined();
    expect(checkedTarget({ loss: 2, computeOptimalFlops: 1e24 }, 'target')).toBeUndefined();
    expect(checkedDemand({ requests: 1e10, inputTokensPerRequest: 1000 }, 'demand')).toBeUndefined();
    expect(checkedDemand({ inputTokens: 1e12, outputTokens: undefined }, 'demand')).toBeUndefined();
  });
});
