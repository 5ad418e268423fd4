import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findLawPreset, LAW_PRESETS } from '../../src/model';
import { lawsCsvRows, LAWS_CSV_HEADER, lawsNotes } from '../../src/report/across-laws';
import { parseScenarioText, solveScenario, type Scenario } from '../../src/scenario';
import { acrossLaws, type LawComparison } from '../../src/scenario/across-laws';
import { example } from '../support/cli';

function scenarioOf(name: string): Scenario {
  const parsed = parseScenarioText(readFileSync(example(name), 'utf8'));
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.scenario;
}

const chatbot = scenarioOf('sardana-70b-chatbot');

function okResult(comparison: LawComparison, lawId: string) {
  const result = comparison.laws.find((law) => law.lawId === lawId)?.result;
  if (!result?.ok) throw new Error(`${lawId} has no answer`);
  return result;
}

describe('one scenario under every published law', () => {
  const comparison = acrossLaws(chatbot);

  it('solves the scenario’s own law exactly as the scenario, and every preset once', () => {
    expect(comparison.laws.map((law) => law.lawId)).toEqual(LAW_PRESETS.map((preset) => preset.id));
    expect(comparison.laws.filter((law) => law.own).map((law) => law.lawId)).toEqual(['sardana2024']);
    const { solution } = solveScenario(chatbot);
    const own = okResult(comparison, 'sardana2024');
    expect(own.targetLoss).toBe(1.947);
    expect(own.lifetimeOptimal.params).toBe(solution.lifetimeOptimal.params);
    expect(own.lifetimeOptimal.totalCost).toBe(solution.lifetimeOptimal.totalCost);
  });

  it('carries a loss target over as the own law’s Chinchilla-optimal size, whose loss each law gives: E + A·N^−α·(α+β)/β', () => {
    const carried = solveScenario(chatbot).solution.chinchillaOptimal.params;
    expect(comparison.target).toEqual({ computeOptimalParams: carried });
    expect(carried / 34.1e9).toBeCloseTo(1, 2); // Sardana et al.'s Chinchilla-style model
    for (const id of ['hoffmann2022', 'besiroglu2024', 'sardana2024-mpt']) {
      const preset = findLawPreset(id);
      if (preset?.form !== 'chinchilla') throw new Error(`${id} is a Chinchilla-form preset`);
      const { E, A, alpha, beta } = preset.constants;
      const result = okResult(comparison, id);
      // At the compute-optimal point A·N^−α is the share β/(α+β) of the excess (docs/science.md §2).
      expect(result.targetLoss).toBeCloseTo(E + (A * carried ** -alpha * (alpha + beta)) / beta, 10);
      expect(result.chinchillaOptimal.params / carried).toBeCloseTo(1, 9);
    }
  });

  it('keeps a reference-model target as it is: each law gives its own loss of Chinchilla 70B on 1.4T tokens', () => {
    const reasoning = scenarioOf('reasoning-assistant');
    expect(reasoning.target).toEqual({ model: { params: 70e9, tokens: 1.4e12 } });
    const byLaw = acrossLaws(reasoning);
    expect(byLaw.target).toEqual(reasoning.target);
    const preset = findLawPreset('besiroglu2024');
    if (preset?.form !== 'chinchilla') throw new Error('besiroglu2024 is a Chinchilla-form preset');
    const { E, A, B, alpha, beta } = preset.constants;
    expect(okResult(byLaw, 'besiroglu2024').targetLoss).toBeCloseTo(
      E + A / 70e9 ** alpha + B / 1.4e12 ** beta,
      12,
    );
  });

  it('puts a custom law (a fitted one, say) first, as this scenario’s law', () => {
    const custom: Scenario = {
      ...chatbot,
      law: { form: 'chinchilla', E: 1.5, A: 300, B: 900, alpha: 0.3, beta: 0.3 },
    };
    const byLaw = acrossLaws(custom);
    expect(byLaw.laws[0]).toMatchObject({ label: 'this scenario’s law', own: true, form: 'chinchilla' });
    expect(byLaw.laws.slice(1).every((law) => !law.own)).toBe(true);
    expect(byLaw.laws).toHaveLength(LAW_PRESETS.length + 1);
  });

  it('writes a law without an answer as its reason, in the CSV and the notes', () => {
    const refused: LawComparison = {
      target: { loss: 1.5 },
      laws: [
        {
          lawId: 'x',
          label: 'x',
          form: 'chinchilla',
          own: false,
          result: { ok: false, reason: 'target.loss: below E' },
        },
      ],
    };
    const [row] = lawsCsvRows(refused);
    expect(row).toHaveLength(LAWS_CSV_HEADER.length);
    expect(row?.at(-1)).toBe('target.loss: below E');
    expect(lawsNotes(refused)).toEqual(['x: target.loss: below E']);
  });
});
