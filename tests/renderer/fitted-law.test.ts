import { describe, expect, it } from 'vitest';
import { useFittedLaw } from '../../src/renderer/lib/fitted-law';
import { formFromScenario, scenarioFromForm } from '../../src/renderer/lib/form';
import { newScenario } from '../../src/renderer/lib/new-scenario';
import type { FittedLawSection } from '../../src/fit/law-section';

const FITTED: FittedLawSection = {
  form: 'chinchilla',
  E: 1.4629631550774649,
  A: 35.388299795248045,
  B: 133.0198579208662,
  alpha: 0.1788381527330094,
  beta: 0.23160187332739832,
  fittedRange: { params: [1.51e8, 6.05e9], tokens: [1.51e9, 1.51e12] },
  covariance: [
    [0.5, 0.1, 0.01, 0.02, 0.01],
    [0.1, 0.6, 0.01, 0.01, 0.02],
    [0.01, 0.01, 0.01, 0.001, 0.001],
    [0.02, 0.01, 0.001, 0.002, 0.0005],
    [0.01, 0.02, 0.001, 0.0005, 0.002],
  ],
};

describe('useFittedLaw', () => {
  it('turns the form’s law into the fitted one, exactly, with its range and covariance', () => {
    const form = formFromScenario(newScenario({ defaultLaw: null, defaultHardware: null }));
    expect(form.lawMode).toBe('preset');
    useFittedLaw(form, FITTED);
    const result = scenarioFromForm(form);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.scenario.law).toEqual(FITTED);
  });

  it('clears a covariance the form held when the fit has none (it belonged to other constants)', () => {
    const form = formFromScenario(newScenario({ defaultLaw: null, defaultHardware: null }));
    useFittedLaw(form, FITTED);
    const { covariance: _dropped, ...withoutCovariance } = FITTED;
    useFittedLaw(form, withoutCovariance);
    const result = scenarioFromForm(form);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.scenario.law).toEqual(withoutCovariance);
  });
});
