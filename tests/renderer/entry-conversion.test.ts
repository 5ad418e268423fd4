import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../src/format/quantity';
import { LAW_PRESETS, lawFromPreset, targetLoss, targetsForLoss } from '../../src/model';
import { ScenarioDocument } from '../../src/renderer/lib/document.svelte';
import {
  DEFAULT_DAYS,
  demandFieldsForKind,
  targetFieldsForKind,
} from '../../src/renderer/lib/entry-conversion';
import {
  demandSpecOfForm,
  formFromScenario,
  scenarioFromForm,
  targetSpecOfForm,
  type ScenarioForm,
} from '../../src/renderer/lib/form';
import {
  checkedTarget,
  DEMAND_KINDS,
  demandFromSpec,
  lawFromSpec,
  parseScenarioText,
  TARGET_KINDS,
  type DemandKind,
  type Scenario,
  type TargetKind,
} from '../../src/scenario';

const sardana: Scenario = (() => {
  const result = parseScenarioText(
    readFileSync(
      new URL('../../resources/scenarios/sardana-70b-chatbot.tradeoff.json', import.meta.url),
      'utf8',
    ),
  );
  if (!result.ok) throw new Error('the Sardana example is invalid');
  return result.scenario;
})();

const relative = (a: number, b: number) =>
  a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));

/** The form after the user picks another target kind, as ScenarioDocument.setTargetKind does. */
function switchTarget(form: ScenarioForm, kind: TargetKind): ScenarioForm {
  return { ...form, target: targetFieldsForKind(form, kind), targetKind: kind };
}

function switchDemand(form: ScenarioForm, kind: DemandKind): ScenarioForm {
  return { ...form, demand: demandFieldsForKind(form, kind), demandKind: kind };
}

/** The loss the form's target stands for under its law. */
function lossOf(form: ScenarioForm): number {
  const target = targetSpecOfForm(form);
  const scenario = scenarioFromForm(form);
  if (!target || !scenario.ok) throw new Error('the form is not valid');
  return targetLoss(lawFromSpec(scenario.scenario.law), target);
}

function totalsOf(form: ScenarioForm): { inputTokens: number; outputTokens: number } {
  const spec = demandSpecOfForm(form);
  if (!spec) throw new Error('the demand is not valid');
  return demandFromSpec(spec);
}

describe('switching how the target is entered', () => {
  const law = lawFromPreset('sardana2024');
  const sardanaForm = formFromScenario(sardana);

  it("turns Sardana et al.'s loss 1.947 into the Chinchilla-optimal model of that loss", () => {
    // The closed form of Hoffmann et al. 2022, Eq. 4, with sardana2024's constants.
    const { E, A, B, alpha, beta } = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.336, beta: 0.283 };
    const excess = 1.947 - E;
    const params = ((A * (alpha + beta)) / (beta * excess)) ** (1 / alpha);
    const tokens = ((B * (alpha + beta)) / (alpha * excess)) ** (1 / beta);

    const model = switchTarget(sardanaForm, 'model');
    expect(relative(parseQuantity(model.target.params), params)).toBeLessThan(1e-9);
    expect(relative(parseQuantity(model.target.tokens), tokens)).toBeLessThan(1e-9);
    expect(parseQuantity(model.target.params) / 1e9).toBeCloseTo(34.08, 2);
    expect(parseQuantity(model.target.tokens) / 1e12).toBeCloseTo(1.81, 2);
    expect(relative(lossOf(model), 1.947)).toBeLessThan(1e-9);

    const budget = switchTarget(sardanaForm, 'computeOptimalFlops');
    expect(relative(parseQuantity(budget.target.flops), 6 * params * tokens)).toBeLessThan(1e-9);
    const size = switchTarget(sardanaForm, 'computeOptimalParams');
    expect(relative(parseQuantity(size.target.optimalParams), params)).toBeLessThan(1e-9);
    // Only the new kind's fields change.
    expect(model.target.loss).toBe('1.947');
    expect(budget.target.params).toBe(sardanaForm.target.params);
  });

  it('shows the loss as it was typed when the user switches back', () => {
    const back = switchTarget(switchTarget(sardanaForm, 'model'), 'loss');
    expect(back.target.loss).toBe('1.947');
    expect(scenarioFromForm(back)).toEqual({ ok: true, scenario: sardana });
  });

  it('re-derives a loss that was cleared, written with the fewest digits that keep it', () => {
    const model = switchTarget(sardanaForm, 'model');
    const back = switchTarget({ ...model, target: { ...model.target, loss: '' } }, 'loss');
    expect(relative(parseQuantity(back.target.loss), 1.947)).toBeLessThan(1e-9);
    expect(back.target.loss).toBe('1.947');
  });

  it('keeps the loss through any sequence of kinds, under every preset law (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LAW_PRESETS.map((preset) => preset.id)),
        fc.double({ min: 0.02, max: 1, noNaN: true }),
        fc.array(fc.constantFrom(...TARGET_KINDS), { minLength: 1, maxLength: 6 }),
        (preset, above, kinds) => {
          const presetLaw = lawFromPreset(preset);
          const loss = presetLaw.floor > 0 ? presetLaw.floor * (1 + above) : 1 + above;
          // Close to a floor the optimal model is beyond the file's limits (tested below).
          const targets = targetsForLoss(presetLaw, loss);
          fc.pre(
            checkedTarget({ model: targets.model }, 'target') !== undefined &&
              checkedTarget({ computeOptimalFlops: targets.computeOptimalFlops }, 'target') !== undefined,
          );
          let form: ScenarioForm = {
            ...formFromScenario({ ...sardana, law: { preset } }),
            target: { loss: String(loss), params: '', tokens: '', flops: '', optimalParams: '' },
          };
          for (const kind of kinds) {
            form = switchTarget(form, kind);
            expect(relative(lossOf(form), loss)).toBeLessThan(1e-9);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('states a reference model as the compute-optimal model of the same loss', () => {
    const model: ScenarioForm = {
      ...sardanaForm,
      targetKind: 'model',
      target: { ...sardanaForm.target, params: '70B', tokens: '1T', loss: '' },
    };
    const loss = law.loss(70e9, 1e12);
    const optimal = targetsForLoss(law, loss).model;
    const size = switchTarget(model, 'computeOptimalParams');
    expect(relative(parseQuantity(size.target.optimalParams), optimal.params)).toBeLessThan(1e-9);
    // The 70B model on 1T tokens is over-sized for its loss: the optimal model is smaller.
    expect(optimal.params).toBeLessThan(70e9);
    expect(relative(lossOf(switchTarget(model, 'loss')), loss)).toBeLessThan(1e-9);
  });

  it('writes a model beyond the limits of a scenario file, which the editor then reports on its field', () => {
    // Sardana et al.'s MPT fit (E = 1.45, α = 0.18): a loss 2 % above the floor needs ~1e18 parameters.
    const doc = new ScenarioDocument({
      ...sardana,
      law: { preset: 'sardana2024-mpt' },
      target: { loss: 1.479 },
    });
    doc.setTargetKind('model');
    expect(parseQuantity(doc.form.target.params)).toBeGreaterThan(1e16);
    expect(doc.issuesAt('target.model.params').join()).toMatch(/1e16|10,000/);
    doc.setTargetKind('loss');
    expect(doc.form.target.loss).toBe('1.479');
    expect(doc.result.ok).toBe(true);
  });

  it('leaves the fields alone while the current values are not a reachable target', () => {
    const cases: ScenarioForm[] = [
      { ...sardanaForm, target: { ...sardanaForm.target, loss: '1.9.4' } },
      { ...sardanaForm, target: { ...sardanaForm.target, loss: '' } },
      // At the floor E = 1.69 of sardana2024 and below it.
      { ...sardanaForm, target: { ...sardanaForm.target, loss: '1.69' } },
      { ...sardanaForm, target: { ...sardanaForm.target, loss: '1.5' } },
      // A custom law still being typed.
      { ...sardanaForm, lawMode: 'chinchilla', chinchilla: { ...sardanaForm.chinchilla, alpha: '' } },
      { ...sardanaForm, targetKind: 'model', target: { ...sardanaForm.target, params: '-70B' } },
    ];
    for (const form of cases) {
      for (const kind of TARGET_KINDS) expect(targetFieldsForKind(form, kind)).toBe(form.target);
    }
  });
});

describe('switching how the demand is entered', () => {
  const sardanaForm = formFromScenario(sardana);

  it("turns Sardana et al.'s 10B requests into token totals and a daily rate over 365 days", () => {
    const totals = switchDemand(sardanaForm, 'totals');
    expect(totals.demand).toMatchObject({ inputTokens: '10T', outputTokens: '2.5T' });
    const rate = switchDemand(sardanaForm, 'rate');
    expect(rate.demand.days).toBe('365');
    expect(relative(parseQuantity(rate.demand.requestsPerDay), 1e10 / 365)).toBeLessThan(1e-9);
    expect(relative(totalsOf(rate).inputTokens, 1e13)).toBeLessThan(1e-9);
    // The daily rate is rounded to read well, but not so far that the totals lose their round numbers.
    expect(rate.demand.requestsPerDay).toBe('27397260.274');
    expect(switchDemand(rate, 'totals').demand).toMatchObject({ inputTokens: '10T', outputTokens: '2.5T' });
    // Back to requests: the typed 10B is kept, so the scenario is exactly the example again.
    const back = switchDemand(switchDemand(rate, 'totals'), 'requests');
    expect(back.demand.requests).toBe('10B');
    expect(scenarioFromForm(back)).toEqual({ ok: true, scenario: sardana });
  });

  it('goes from requests per day × days to requests to tokens and back to the same requests', () => {
    const rate: ScenarioForm = {
      ...sardanaForm,
      demandKind: 'rate',
      demand: { ...sardanaForm.demand, requestsPerDay: '10M', days: '730', requests: '' },
    };
    const requests = switchDemand(rate, 'requests');
    expect(requests.demand.requests).toBe('7.3B');
    const totals = switchDemand(requests, 'totals');
    expect(totals.demand).toMatchObject({ inputTokens: '7.3T', outputTokens: '1.825T' });
    const again = switchDemand({ ...totals, demand: { ...totals.demand, requests: '' } }, 'requests');
    expect(again.demand.requests).toBe('7.3B');
    // Per day keeps the days in service.
    const perDay = switchDemand({ ...again, demand: { ...again.demand, requestsPerDay: '' } }, 'rate');
    expect(perDay.demand).toMatchObject({ requestsPerDay: '10M', days: '730' });
  });

  it('starts from 365 days when the days field holds no usable number', () => {
    for (const days of ['', '0', 'soon']) {
      const form = { ...sardanaForm, demand: { ...sardanaForm.demand, days } };
      const rate = switchDemand(form, 'rate');
      expect(rate.demand.days).toBe(String(DEFAULT_DAYS));
      expect(relative(parseQuantity(rate.demand.requestsPerDay), 1e10 / DEFAULT_DAYS)).toBeLessThan(1e-9);
    }
  });

  it('sets the tokens per request that a total no longer matches', () => {
    const totals: ScenarioForm = {
      ...sardanaForm,
      demandKind: 'totals',
      demand: { ...sardanaForm.demand, inputTokens: '1T', outputTokens: '1T', requests: '' },
    };
    const requests = switchDemand(totals, 'requests');
    // Input tokens per request (1,000) are kept: 1e9 requests, so 1,000 output tokens each.
    expect(requests.demand).toMatchObject({
      requests: '1B',
      inputTokensPerRequest: '1000',
      outputTokensPerRequest: '1000',
    });
    // With no input tokens, the output side sets the count.
    const outputOnly = switchDemand(
      { ...totals, demand: { ...totals.demand, inputTokens: '0' } },
      'requests',
    );
    expect(outputOnly.demand).toMatchObject({
      requests: '4B',
      inputTokensPerRequest: '0',
      outputTokensPerRequest: '250',
    });
  });

  it('keeps the token totals through any sequence of kinds (property)', () => {
    fc.assert(
      fc.property(
        // Within the file's limits whichever way the demand is entered (up to 3.65e17 tokens).
        fc.double({ min: 1, max: 1e9, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 1, max: 3650, noNaN: true }),
        fc.array(fc.constantFrom(...DEMAND_KINDS), { minLength: 1, maxLength: 6 }),
        (requestsPerDay, input, output, days, kinds) => {
          let form: ScenarioForm = {
            ...sardanaForm,
            demandKind: 'rate',
            demand: {
              inputTokens: '',
              outputTokens: '',
              requests: '',
              requestsPerDay: String(requestsPerDay),
              days: String(days),
              inputTokensPerRequest: String(input),
              outputTokensPerRequest: String(output),
            },
          };
          const expected = totalsOf(form);
          for (const kind of kinds) {
            form = switchDemand(form, kind);
            const totals = totalsOf(form);
            expect(relative(totals.inputTokens, expected.inputTokens)).toBeLessThan(1e-9);
            expect(relative(totals.outputTokens, expected.outputTokens)).toBeLessThan(1e-9);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves the fields alone while the current values are not a valid demand', () => {
    const cases: ScenarioForm[] = [
      { ...sardanaForm, demand: { ...sardanaForm.demand, requests: '' } },
      { ...sardanaForm, demand: { ...sardanaForm.demand, requests: '-5' } },
      { ...sardanaForm, demand: { ...sardanaForm.demand, outputTokensPerRequest: '25o' } },
      { ...sardanaForm, demandKind: 'rate', demand: { ...sardanaForm.demand, days: 'a year' } },
      // Tokens to serve but no tokens per request to divide them by.
      {
        ...sardanaForm,
        demandKind: 'totals',
        demand: { ...sardanaForm.demand, inputTokensPerRequest: '0', outputTokensPerRequest: '0' },
      },
    ];
    for (const form of cases) {
      for (const kind of DEMAND_KINDS) {
        if (kind !== form.demandKind) expect(demandFieldsForKind(form, kind)).toBe(form.demand);
      }
    }
  });
});

describe('the open document', () => {
  it('converts the values when its target or demand kind is switched', () => {
    const doc = new ScenarioDocument(sardana);
    doc.setTargetKind('computeOptimalParams');
    doc.setDemandKind('totals');
    expect(doc.form).toMatchObject({ targetKind: 'computeOptimalParams', demandKind: 'totals' });
    expect(relative(lossOf(doc.form), 1.947)).toBeLessThan(1e-9);
    expect(doc.form.demand).toMatchObject({ inputTokens: '10T', outputTokens: '2.5T' });
    doc.setTargetKind('loss');
    doc.setDemandKind('requests');
    expect(doc.result).toEqual({ ok: true, scenario: sardana });
  });
});
