import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findLawPreset } from '../../src/model';
import { parseScenarioText, solveScenario, type Scenario } from '../../src/scenario';
import { ELASTICITY_STEP, sensitivity, SWING } from '../../src/scenario/sensitivity';
import { example } from '../support/cli';

function scenarioOf(name: string): Scenario {
  const parsed = parseScenarioText(readFileSync(example(name), 'utf8'));
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.scenario;
}

const chatbot = scenarioOf('sardana-70b-chatbot');
const result = sensitivity(chatbot);
const row = (id: string) => {
  const found = result.rows.find((r) => r.id === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
};
const elasticity = (id: string) => {
  const found = row(id).elasticity;
  if (!found) throw new Error(`no elasticity for ${id}`);
  return found;
};
/** A central difference with step h is exact to ~h²/6 of the third log-derivative: 1e-4 is ample. */
const SLOPE_TOLERANCE = 1e-4;

describe('the sensitivity of the optimum to each input', () => {
  it('moves each input by ±25 % and solves the scenario so moved (re-derived by hand for the training price)', () => {
    const { low, high } = row('training.pricePerHour');
    for (const [moved, factor] of [
      [low, 1 - SWING],
      [high, 1 + SWING],
    ] as const) {
      const { solution } = solveScenario({
        ...chatbot,
        training: { ...chatbot.training, pricePerHour: chatbot.training.pricePerHour * factor },
      });
      expect(moved).toEqual({
        ok: true,
        outcome: { params: solution.lifetimeOptimal.params, objective: solution.lifetimeOptimal.totalCost },
      });
    }
    expect(result.base.params / 20.5e9).toBeCloseTo(1, 1); // Sardana et al.'s 20.5B
  });

  it('obeys the homogeneity of cost in prices: price elasticities of cost sum to 1 and of size to 0', () => {
    const training = elasticity('training.pricePerHour');
    const inference = elasticity('inference.pricePerHour');
    expect(training.objective + inference.objective).toBeCloseTo(1, 6);
    expect(training.params + inference.params).toBeCloseTo(0, 6);
    // A rate is price / MFU: the training MFU moves the answer exactly opposite to its price.
    expect(elasticity('training.mfu').params).toBeCloseTo(-training.params, 6);
    expect(elasticity('training.mfu').objective).toBeCloseTo(-training.objective, 6);
  });

  it('obeys the envelope theorem: the cost elasticity to the training price is the optimum’s training share of cost', () => {
    const { solution } = solveScenario(chatbot);
    const { trainingCost, totalCost } = solution.lifetimeOptimal;
    expect(Math.abs(elasticity('training.pricePerHour').objective - trainingCost / totalCost)).toBeLessThan(
      SLOPE_TOLERANCE,
    );
  });

  it('with no demand, gives the Chinchilla optimum’s closed-form elasticities: 1/α to A, −1/α to the target’s excess, (1/α)·E/(L − E) to E', () => {
    const idle: Scenario = { ...chatbot, demand: { inputTokens: 0, outputTokens: 0 } };
    const idleResult = sensitivity(idle);
    const preset = findLawPreset('sardana2024');
    if (!preset || preset.form !== 'chinchilla') throw new Error('sardana2024 is a Chinchilla-form preset');
    const { alpha, E } = preset.constants;
    const slope = (id: string) => idleResult.rows.find((r) => r.id === id)?.elasticity?.params ?? Number.NaN;
    // N* = (A(α+β)/(βΔ))^(1/α) with Δ = L − E (Hoffmann et al. 2022; docs/science.md §2).
    expect(Math.abs(slope('law.A') - 1 / alpha)).toBeLessThan(SLOPE_TOLERANCE);
    expect(Math.abs(slope('target') + 1 / alpha)).toBeLessThan(SLOPE_TOLERANCE);
    expect(Math.abs(slope('law.E') - E / (alpha * (1.947 - E)))).toBeLessThan(0.01 * slope('law.E'));
    // No demand, no inference bill: the inference price moves nothing.
    expect(Math.abs(slope('inference.pricePerHour'))).toBeLessThan(1e-9);
  });

  it('says why a moved input has no answer, in the format’s words (an MFU above 1, a floor above the target)', () => {
    const busy = sensitivity({ ...chatbot, training: { ...chatbot.training, mfu: 0.9 } });
    const mfu = busy.rows.find((r) => r.id === 'training.mfu');
    expect(mfu?.low.ok).toBe(true);
    expect(mfu?.high).toEqual({ ok: false, reason: expect.stringMatching(/^training\.mfu: /) });
    // 0.9 · e^0.01 is still an MFU: the elasticity is there.
    expect(mfu?.elasticity).not.toBeNull();
    expect(row('law.E').high).toEqual({
      ok: false,
      reason: expect.stringContaining('below the irreducible loss E'),
    });
    expect(0.9 * Math.exp(ELASTICITY_STEP)).toBeLessThan(1);
  });

  it('leaves out prices and MFUs when the objective is FLOPs, and the decode MFU under a roofline', () => {
    const flops = sensitivity({ ...chatbot, objective: 'flops' });
    expect(flops.rows.map((r) => r.id)).toEqual([
      'demand',
      'target',
      'law.E',
      'law.A',
      'law.B',
      'law.alpha',
      'law.beta',
    ]);
    const roofline = sensitivity(scenarioOf('data-limited-roofline'));
    const ids = roofline.rows.map((r) => r.id);
    expect(ids).toContain('inference.decode.bandwidthEfficiency');
    expect(ids).not.toContain('inference.decodeMfu');
  });
});
