import { describe, expect, it } from 'vitest';
import { compareLaws, computeSensitivity } from '../../../src/renderer/lib/compare/compare';
import { ScienceError } from '../../../src/model';
import { computeOnScenario } from '../../../src/renderer/lib/worker-scenario';
import { newScenario } from '../../../src/renderer/lib/new-scenario';
import { serializeScenario } from '../../../src/scenario';
import { acrossLaws } from '../../../src/scenario/across-laws';
import { sensitivity } from '../../../src/scenario/sensitivity';

const sardana = newScenario({ defaultLaw: null, defaultHardware: null });

describe('the comparison worker’s work', () => {
  it('is the engine’s comparison under every law, through the scenario’s text and back', () => {
    const answer = compareLaws({ scenario: serializeScenario(sardana) });
    expect(answer).toEqual({ kind: 'done', value: acrossLaws(sardana) });
    // Plain data, as a worker must send it.
    expect(structuredClone(answer)).toEqual(answer);
  });

  it('is the engine’s sensitivity of the scenario', () => {
    const answer = computeSensitivity({ scenario: serializeScenario(sardana) });
    expect(answer).toEqual({ kind: 'done', value: sensitivity(sardana) });
    expect(structuredClone(answer)).toEqual(answer);
  });

  it('names the field of a scenario the format refuses, instead of throwing', () => {
    // Written by hand: serializeScenario itself refuses to write an invalid scenario.
    const text = JSON.stringify({ ...sardana, training: { ...sardana.training, mfu: 1.5 } });
    for (const answer of [compareLaws({ scenario: text }), computeSensitivity({ scenario: text })]) {
      expect(answer.kind).toBe('failed');
      expect(answer.kind === 'failed' && answer.message).toMatch(/^training\.mfu: /);
    }
    expect(compareLaws({ scenario: '{ not json' })).toMatchObject({ kind: 'failed' });
  });

  it('passes on the engine’s refusal as its message, and lets a programming error through', () => {
    const text = serializeScenario(sardana);
    expect(
      computeOnScenario(text, () => {
        throw new ScienceError('out-of-range', 'the demand is too extreme to compute with');
      }),
    ).toEqual({ kind: 'failed', message: 'the demand is too extreme to compute with' });
    expect(() =>
      computeOnScenario(text, () => {
        throw new TypeError('a bug');
      }),
    ).toThrow('a bug');
  });
});
