import type { Problem, UncertainProblem } from '../model';
import { problemFromScenario } from './resolve';
import type { Scenario } from './types';

/** A scenario's problem with its law's uncertainty, or why its answer has none. */
export type UncertainProblemResult =
  | { readonly ok: true; readonly uncertain: UncertainProblem }
  | { readonly ok: false; readonly reason: string };

/**
 * What `solve --uncertainty` (and later the app's bands) draws from: the scenario's problem, its
 * Chinchilla-form law with a covariance, and its target as given (re-evaluated under each drawn
 * law). Refused, with the reason, for a law without a covariance (naming the preset), a
 * Kaplan-form law, and a task-accuracy target (whose loss the accuracy mapping, not the law, sets
 * and whose domain depends on the law: not drawn yet).
 */
export function uncertainProblemFromScenario(
  scenario: Scenario,
  problem: Problem = problemFromScenario(scenario),
): UncertainProblemResult {
  const { law } = problem;
  const name = 'preset' in scenario.law ? `the preset ${law.id}` : `this custom ${law.form}-form law`;
  if (law.form === 'kaplan') {
    return {
      ok: false,
      reason: `law: ${name} has no uncertainty: a covariance is defined for Chinchilla-form laws only (over ln A, ln B, ln E, α, β)`,
    };
  }
  if (!law.covariance) {
    return {
      ok: false,
      reason:
        `law: ${name} has no uncertainty (no covariance of its constants is published with it); ` +
        'use the preset besiroglu2024, which carries Epoch AI’s bootstrap covariance, or give law.covariance ' +
        '(tradeoff fit --bootstrap --write-law writes one)',
    };
  }
  if (!scenario.target) {
    return {
      ok: false,
      reason:
        'testTime: a task-accuracy target is not drawn with the law’s uncertainty yet; give a loss, a model or a budget as the target',
    };
  }
  return { ok: true, uncertain: { problem: { ...problem, law }, target: scenario.target } };
}
