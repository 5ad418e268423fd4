import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findGpuPreset } from '../../src/model';
import { formFromScenario, pickGpu, priceFollowsGpu, scenarioFromForm } from '../../src/renderer/lib/form';
import { newScenario } from '../../src/renderer/lib/new-scenario';
import { parseScenarioText, type Scenario } from '../../src/scenario';
import { labGpu } from '../support/scenarios';

function example(name: string): Scenario {
  const result = parseScenarioText(
    readFileSync(new URL(`../../resources/scenarios/${name}.tradeoff.json`, import.meta.url), 'utf8'),
  );
  if (!result.ok) throw new Error(`example ${name} is invalid`);
  return result.scenario;
}

describe('the scenario editor form', () => {
  it.each(['sardana-70b-chatbot', 'llama3-8b-overtrained', 'on-device-small', 'frontier-modest-demand'])(
    'shows %s and reads back the very same scenario',
    (name) => {
      const scenario = example(name);
      const result = scenarioFromForm(formFromScenario(scenario));
      expect(result).toEqual({ ok: true, scenario });
    },
  );

  it('round-trips custom laws and explicit peaks', () => {
    const base = newScenario({ defaultLaw: null, defaultHardware: null });
    for (const law of [
      { form: 'chinchilla' as const, E: 1.5, A: 400.25, B: 390, alpha: 0.3, beta: 0.31 },
      { form: 'kaplan' as const, alphaN: 0.076, alphaD: 0.095, Nc: 8.8e13, Dc: 5.4e13 },
      {
        form: 'chinchilla' as const,
        ...{ E: 1.5, A: 400, B: 400, alpha: 0.3, beta: 0.3 },
        fittedRange: { params: [1e8, 7e9] as const, tokens: [2e9, 2e12] as const },
      },
      {
        form: 'chinchilla' as const,
        ...{ E: 1.5, A: 400, B: 400, alpha: 0.3, beta: 0.3 },
        // A covariance is not typed in the editor but kept as the file gives it.
        covariance: [
          [0.04, 0, 0, 0.001, 0],
          [0, 0.09, 0, 0, 0],
          [0, 0, 1e-4, 0, 0],
          [0.001, 0, 0, 2.5e-4, 0],
          [0, 0, 0, 0, 4e-4],
        ],
      },
    ]) {
      const scenario = {
        ...base,
        law,
        training: { peakFlops: 1.25e15, pricePerHour: 3, mfu: 0.45, clusterGpus: 256 },
      };
      expect(scenarioFromForm(formFromScenario(scenario))).toEqual({ ok: true, scenario });
    }
  });

  it('keeps the planned models a file gives, which the editor does not type yet', () => {
    const base = newScenario({ defaultLaw: null, defaultHardware: null });
    const scenario = { ...base, plans: [{ name: 'Llama 3 8B recipe', params: 8e9, tokens: 15e12 }] };
    expect(scenarioFromForm(formFromScenario(scenario))).toEqual({ ok: true, scenario });
  });

  it('round-trips both test-time models, and drops the loss target for a task accuracy', () => {
    const base = newScenario({ defaultLaw: null, defaultHardware: null });
    const budget = { kMax: 64, integerSamples: true, prefixCaching: false, verifierCostPerSample: 2e9 };
    const exchange = { model: 'exchange' as const, taskClass: 'custom', gamma: 1.7, spanOom: 2.5, ...budget };
    const withExchange = { ...base, testTime: exchange };
    expect(scenarioFromForm(formFromScenario(withExchange))).toEqual({ ok: true, scenario: withExchange });
    const accuracy = {
      model: 'accuracy' as const,
      targetAccuracy: 0.6,
      p1: { epsilon: 0.9, k: 4, gamma: 1, lossRange: [2, 3] as [number, number], minLift: 0.05 },
      selection: 'imperfect-verifier' as const,
      coverageExponent: 0.43,
      falsePassRate: 0.05,
      ...budget,
    };
    const direct = { ...base, testTime: { ...accuracy, p1: { value: 0.4 } } };
    expect(scenarioFromForm(formFromScenario(direct))).toEqual({ ok: true, scenario: direct });
    const { target: _unused, ...withoutTarget } = base;
    const withAccuracy = { ...withoutTarget, testTime: accuracy };
    expect(scenarioFromForm(formFromScenario(withAccuracy))).toEqual({ ok: true, scenario: withAccuracy });
    // Empty loss-range fields leave the range to be derived from the mapping.
    const derived = {
      ...withAccuracy,
      testTime: { ...accuracy, p1: { epsilon: 0.9, k: 4, gamma: 1, minLift: 0.1 } },
    };
    expect(scenarioFromForm(formFromScenario(derived))).toEqual({ ok: true, scenario: derived });
  });

  it('round-trips the roofline decode, energy and a data limit', () => {
    const base = newScenario({ defaultLaw: null, defaultHardware: null });
    const scenario = {
      ...base,
      inference: {
        ...base.inference,
        decode: {
          model: 'roofline' as const,
          batch: 64,
          bandwidthEfficiency: 0.7,
          contextTokens: 8192,
          shape: { kvHeads: 4 },
        },
      },
      energy: { gpuWatts: 650, pue: 1.1, gridKgCo2PerKwh: 0.25 },
      data: { uniqueTokens: 5e12 },
    };
    expect(scenarioFromForm(formFromScenario(scenario))).toEqual({ ok: true, scenario });
  });

  it('round-trips custom GPUs and overrides of a GPU’s values', () => {
    const base = newScenario({ defaultLaw: null, defaultHardware: null });
    const scenario = {
      ...base,
      gpus: [labGpu, { ...labGpu, id: 'unused', label: 'Unused' }],
      training: { ...base.training, gpu: 'lab-gpu', dtype: 'int8' as const, boardPowerW: 300 },
      inference: { ...base.inference, memoryGB: 94, bandwidthTBs: 3.9 },
    };
    expect(scenarioFromForm(formFromScenario(scenario))).toEqual({ ok: true, scenario });
    const form = formFromScenario(scenario);
    form.training.boardPowerW = '';
    form.inference.memoryGB = 'lots';
    const result = scenarioFromForm(form);
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual(['inference.memoryGB']);
  });

  it('writes a GPU of the user’s into the scenario once the form names it', () => {
    const base = newScenario({ defaultLaw: null, defaultHardware: null });
    const form = formFromScenario(base);
    const library = [labGpu, { ...labGpu, id: 'other' }];
    const untouched = scenarioFromForm(form, library);
    expect(untouched.ok && untouched.scenario.gpus).toBeUndefined();
    form.inference.gpu = 'lab-gpu';
    const picked = scenarioFromForm(form, library);
    expect(picked.ok && picked.scenario.gpus).toEqual([labGpu]);
    expect(picked.ok && picked.scenario.inference).toMatchObject({ gpu: 'lab-gpu' });
    // Without the definition the name is unknown, as in a file.
    const missing = scenarioFromForm(form);
    expect(missing.ok ? [] : missing.issues.map((issue) => issue.path)).toEqual(['inference.gpu']);
    // The scenario's own definition wins over the user's of the same id.
    const own = { ...labGpu, memoryGB: 40 };
    const withOwn = scenarioFromForm({ ...form, gpus: [own] }, library);
    expect(withOwn.ok && withOwn.scenario.gpus).toEqual([own]);
  });

  it('reads what people type: 70B, 1.4T and 2,000,000', () => {
    const form = formFromScenario(newScenario({ defaultLaw: null, defaultHardware: null }));
    form.target.params = '70B';
    form.target.tokens = '1.4T';
    form.demand.requests = '2,000,000';
    const result = scenarioFromForm(form);
    expect(result.ok && result.scenario.target).toEqual({ model: { params: 70e9, tokens: 1.4e12 } });
    expect(result.ok && 'requests' in result.scenario.demand && result.scenario.demand.requests).toBe(2e6);
  });

  it('keeps the Kaplan 2020 allocation among the baselines through the form', () => {
    const base = newScenario({ defaultLaw: null, defaultHardware: null });
    const scenario = { ...base, baselines: [20, 'kaplan2020' as const] };
    const form = formFromScenario(scenario);
    expect(form.baselines).toEqual([{ ratio: '20' }, { ratio: 'kaplan2020' }]);
    expect(scenarioFromForm(form)).toEqual({ ok: true, scenario });
  });

  it('puts each typing and validation problem at its field, once', () => {
    const form = formFromScenario(newScenario({ defaultLaw: null, defaultHardware: null }));
    form.targetKind = 'loss';
    form.target.loss = '1.5';
    form.demand.requests = 'lots';
    form.training.mfu = '';
    form.inference.decodeMfu = '2';
    form.baselines = [{ ratio: '20' }, { ratio: '-5' }];
    const result = scenarioFromForm(form);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message}`)).toEqual([
      'demand.requests: "lots" is not a number; write e.g. 70e9, 70B, 1.4T or 2,000,000',
      'training.mfu: required',
      'inference.decodeMfu: 2 is outside (0, 1]',
      'baselines[1]: -5 must be above 0',
      'target.loss: 1.5 is below the irreducible loss E = 1.69 of law sardana2024',
    ]);
  });

  it('never reports a valid scenario for any garbage typed into a number field', () => {
    fc.assert(
      fc.property(fc.string(), (typed) => {
        const form = formFromScenario(newScenario({ defaultLaw: null, defaultHardware: null }));
        form.inference.prefillMfu = typed;
        const result = scenarioFromForm(form);
        if (result.ok) {
          expect(result.scenario.inference.prefillMfu).toBeGreaterThan(0);
          expect(result.scenario.inference.prefillMfu).toBeLessThanOrEqual(1);
        } else {
          expect(result.issues.map((issue) => issue.path)).toContain('inference.prefillMfu');
        }
      }),
    );
  });

  it('starts a new scenario with the preferred law and GPU, ignoring unknown ones', () => {
    const preferred = newScenario({ defaultLaw: 'besiroglu2024', defaultHardware: 'B200' });
    expect(preferred.law).toEqual({ preset: 'besiroglu2024' });
    expect(preferred.training).toMatchObject({ gpu: 'B200', dtype: 'bf16' });
    const unknown = newScenario({ defaultLaw: 'nope', defaultHardware: 'TPU' });
    expect(unknown.law).toEqual({ preset: 'sardana2024' });
    expect(unknown.training).toMatchObject({ gpu: 'H100-SXM' });
    const fp8Only = { ...labGpu, peakFlops: { fp8: 1e15 } };
    const own = newScenario({ defaultLaw: null, defaultHardware: 'lab-gpu', customGpus: [fp8Only] });
    expect(own.gpus).toEqual([fp8Only]);
    expect(own.inference).toMatchObject({ gpu: 'lab-gpu', dtype: 'fp8' });
    expect(scenarioFromForm(formFromScenario(own))).toEqual({ ok: true, scenario: own });
  });
});

describe('the price of a hardware section', () => {
  const fresh = () => formFromScenario(newScenario({ defaultLaw: null, defaultHardware: null }));
  const typical = (id: string) => String(findGpuPreset(id)?.price.perHour);

  it('starts at the chosen GPU’s typical price, in a new scenario too', () => {
    expect(fresh().training.pricePerHour).toBe(typical('H100-SXM'));
    const b200 = newScenario({ defaultLaw: null, defaultHardware: 'B200' });
    expect(b200.training.pricePerHour).toBe(findGpuPreset('B200')?.price.perHour);
    expect(b200.inference.pricePerHour).toBe(findGpuPreset('B200')?.price.perHour);
  });

  it('follows the GPU the user picks until the user types a price', () => {
    const form = fresh();
    expect(priceFollowsGpu(form.training)).toBe(true);
    pickGpu(form.training, 'B200');
    expect(form.training).toMatchObject({ gpu: 'B200', pricePerHour: typical('B200') });
    pickGpu(form.training, 'A100-40GB');
    expect(form.training.pricePerHour).toBe(typical('A100-40GB'));
    // Typed: the price stays whatever GPU comes next.
    form.training.pricePerHour = '2.2';
    expect(priceFollowsGpu(form.training)).toBe(false);
    pickGpu(form.training, 'H200-SXM');
    expect(form.training).toMatchObject({ gpu: 'H200-SXM', pricePerHour: '2.2' });
    form.training.pricePerHour = 'cheap';
    pickGpu(form.training, 'B200');
    expect(form.training.pricePerHour).toBe('cheap');
  });

  it('stays put for a GPU of the user’s, which has no typical price', () => {
    const form = fresh();
    pickGpu(form.inference, 'lab-gpu');
    expect(form.inference).toMatchObject({ gpu: 'lab-gpu', pricePerHour: typical('H100-SXM') });
    expect(priceFollowsGpu(form.inference)).toBe(false);
    pickGpu(form.inference, 'B200');
    expect(form.inference.pricePerHour).toBe(typical('H100-SXM'));
  });

  it('reads back as what the scenario computes with', () => {
    const form = fresh();
    pickGpu(form.training, 'MI300X');
    const result = scenarioFromForm(form);
    expect(result.ok && result.scenario.training.pricePerHour).toBe(findGpuPreset('MI300X')?.price.perHour);
  });
});
