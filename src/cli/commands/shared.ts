import { ScienceError } from '../../model';
import { formatCount, formatScientific } from '../../format/quantity';
import type { Scenario } from '../../scenario';
import { InputError } from '../usage-error';

/** Runs an engine call, turning its explained failures into input errors that name the file. */
export function solveOrExplain<T>(file: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ScienceError) throw new InputError(`${file}: ${error.message}`);
    throw error;
  }
}

/** The scenario's target as the user gave it, e.g. "compute-optimal 70B". */
export function describeTarget(scenario: Scenario): string {
  const target = scenario.target;
  if (!target) {
    const spec = scenario.testTime;
    return spec?.model === 'accuracy' ? `task accuracy ${spec.targetAccuracy} (${spec.selection})` : 'none';
  }
  if ('loss' in target) return `loss ${target.loss}`;
  if ('model' in target)
    return `a ${formatCount(target.model.params)} model on ${formatCount(target.model.tokens)} tokens`;
  if ('computeOptimalFlops' in target)
    return `compute-optimal at ${formatScientific(target.computeOptimalFlops)} FLOPs`;
  return `compute-optimal ${formatCount(target.computeOptimalParams)} model`;
}
