import type { FittedLawSection } from '../../fit/law-section';
import { chinchillaFields, type ScenarioForm } from './form';

/**
 * "Use this law": the fitted law goes into the law editor as a custom Chinchilla-form law, with
 * the runs it was fitted on and, when a bootstrap finished, its covariance; without one the
 * covariance the form held before is cleared, as it belonged to other constants.
 */
export function useFittedLaw(form: ScenarioForm, law: FittedLawSection): void {
  form.chinchilla = chinchillaFields(law);
  form.lawFittedRange = { params: [...law.fittedRange.params], tokens: [...law.fittedRange.tokens] };
  form.lawCovariance = law.covariance ? law.covariance.map((row) => [...row]) : null;
  form.lawMode = 'chinchilla';
}
