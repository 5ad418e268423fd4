import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formFromScenario, scenarioFromForm, type ScenarioForm } from '../../src/renderer/lib/form';
import { restoreForm } from '../../src/renderer/lib/form-restore';
import { newScenario } from '../../src/renderer/lib/new-scenario';
import { DECODE_MODELS, DEMAND_KINDS, LAW_KINDS, TARGET_KINDS } from '../../src/scenario';
import { labGpu } from '../support/scenarios';

const base = formFromScenario({
  ...newScenario({ defaultLaw: null, defaultHardware: null }),
  gpus: [labGpu],
});

/** A copy of the form that went through JSON, as a draft stores it. */
function stored(form: ScenarioForm): unknown {
  return JSON.parse(JSON.stringify(form));
}

/** The form's keys and value types, recursively, with lists reduced to their entries' shapes. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, shape(entry)]));
  }
  return typeof value;
}

describe('restoring the fields as typed from a crash draft', () => {
  it('brings back every field exactly as typed, invalid ones included', () => {
    const typed: ScenarioForm = {
      ...structuredClone(base),
      targetKind: 'loss',
      target: { ...base.target, loss: '1.5' },
      demand: { ...base.demand, requests: '12 billion' },
      data: { limited: true, uniqueTokens: '3T' },
      baselines: [{ ratio: '20' }, { ratio: 'abc' }],
    };
    const restored = restoreForm(base, stored(typed));
    expect(restored).toEqual(typed);
    const result = scenarioFromForm(restored, [labGpu]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((issue) => issue.path)).toEqual(
        expect.arrayContaining(['target.loss', 'demand.requests', 'baselines[1]']),
      );
    }
  });

  it('keeps the base’s value wherever the stored one has the wrong type or is missing', () => {
    const damaged = {
      ...(stored(base) as Record<string, unknown>),
      name: 42,
      target: { loss: ['1.9'], params: '7B' },
      data: 'limited',
      extra: 'ignored',
    };
    const restored = restoreForm(base, damaged);
    expect(restored.name).toBe(base.name);
    expect(restored.target).toEqual({ ...base.target, params: '7B' });
    expect(restored.data).toEqual(base.data);
    expect(restored).not.toHaveProperty('extra');
  });

  it('keeps list entries of the right shape and drops the others', () => {
    const restored = restoreForm(base, {
      ...(stored(base) as Record<string, unknown>),
      baselines: [{ ratio: '50' }, { ratio: 7 }, 'x', null, { ratio: '300', more: true }],
    });
    expect(restored.baselines).toEqual([{ ratio: '50' }, { ratio: '300' }]);
  });

  it('takes a choice only when it is one the editor offers', () => {
    const restored = restoreForm(base, {
      ...(stored(base) as Record<string, unknown>),
      targetKind: 'bogus',
      lawMode: 'kaplan',
      inference: { ...base.inference, decodeModel: 'roofline', dtype: 'fp4' },
    });
    expect(restored.targetKind).toBe(base.targetKind);
    expect(restored.lawMode).toBe('kaplan');
    expect(restored.inference.decodeModel).toBe('roofline');
    expect(restored.inference.dtype).toBe(base.inference.dtype);
  });

  it('brings back typed baselines even when the last valid scenario had none', () => {
    const none = { ...base, baselines: [] };
    const restored = restoreForm(none, {
      ...(stored(base) as Record<string, unknown>),
      baselines: [{ ratio: '3' }],
    });
    expect(restored.baselines).toEqual([{ ratio: '3' }]);
  });

  it('takes the scenario’s own GPU definitions from the valid scenario, never from the draft', () => {
    const restored = restoreForm(base, { ...(stored(base) as Record<string, unknown>), gpus: [] });
    expect(restored.gpus).toEqual([labGpu]);
  });

  it('never throws and always returns a whole form of valid choices, whatever the draft holds', () => {
    // Drafts that look like forms, with any values in their fields, as well as any JSON at all.
    const anyValue = fc.oneof(fc.string(), fc.jsonValue());
    const choice = (choices: readonly string[]) => fc.oneof(fc.constantFrom(...choices), anyValue);
    const formLike = fc.record(
      {
        lawMode: choice(LAW_KINDS),
        targetKind: choice(TARGET_KINDS),
        demandKind: choice(DEMAND_KINDS),
        target: fc.record({ loss: anyValue, params: anyValue, tokens: anyValue }, { requiredKeys: [] }),
        inference: fc.record({ decodeModel: choice(DECODE_MODELS), batch: anyValue }, { requiredKeys: [] }),
        baselines: fc.array(fc.oneof(fc.record({ ratio: anyValue }), anyValue), { maxLength: 4 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(formLike, fc.jsonValue()), (value) => {
        const restored = restoreForm(base, value);
        expect(shape({ ...restored, baselines: [] })).toEqual(shape({ ...base, baselines: [] }));
        expect(LAW_KINDS).toContain(restored.lawMode);
        expect(TARGET_KINDS).toContain(restored.targetKind);
        expect(DEMAND_KINDS).toContain(restored.demandKind);
        expect(DECODE_MODELS).toContain(restored.inference.decodeModel);
        for (const baseline of restored.baselines) expect(typeof baseline.ratio).toBe('string');
        expect(() => scenarioFromForm(restored, [labGpu])).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
