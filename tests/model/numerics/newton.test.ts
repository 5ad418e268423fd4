import { describe, expect, it } from 'vitest';
import { monotoneNewton, NEWTON_MAX_ITERATIONS } from '../../../src/model/numerics/newton';

describe('monotone Newton iteration', () => {
  it('finds √2 from the right of the root of x² − 2', () => {
    expect(monotoneNewton(2, (x) => (x * x - 2) / (2 * x), 'sqrt')).toBeCloseTo(Math.SQRT2, 15);
  });

  it('stops at its iteration limit with an explained error instead of looping', () => {
    let calls = 0;
    const stubborn = () => {
      calls++;
      return 1;
    };
    expect(() => monotoneNewton(0, stubborn, 'the test solve')).toThrow(
      `the test solve did not converge within ${NEWTON_MAX_ITERATIONS} steps`,
    );
    expect(calls).toBe(NEWTON_MAX_ITERATIONS);
  });

  it('stops at once on a non-finite step', () => {
    expect(() => monotoneNewton(1, () => Number.NaN, 'the NaN solve')).toThrow(
      expect.objectContaining({ code: 'no-convergence' }) as Error,
    );
  });
});
