import { TASK_CLASSES } from '../model';
import type { AccuracyTestTimeSpec, DemandSpec, LawSpec, TargetSpec } from './types';

/**
 * The fixed choices of a scenario's fields, one list each: the validator accepts exactly these
 * and the editor offers exactly these (and a recovered draft is checked against them), so the two
 * cannot drift. Lists the engine owns (number formats `DTYPES`, objectives `OBJECTIVES`, selection
 * rules `SELECTIONS`, task classes `TASK_CLASSES`) are used from the engine directly.
 *
 * Several sections take one of a few shapes told apart by their keys (a target is a loss, a
 * model, a budget or a size); each list below names those shapes, and `…KindOf` tells which one a
 * section has.
 */

/** `law.form` of a law given by its constants. */
export const LAW_FORMS = ['chinchilla', 'kaplan'] as const;
/** A law is a published fit (`{"preset"}`) or constants of one of the forms. */
export const LAW_KINDS = ['preset', ...LAW_FORMS] as const;
export type LawKind = (typeof LAW_KINDS)[number];

export function lawKindOf(law: LawSpec): LawKind {
  return 'preset' in law ? 'preset' : law.form;
}

/** The one key of `target`. */
export const TARGET_KINDS = ['loss', 'model', 'computeOptimalFlops', 'computeOptimalParams'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export function targetKindOf(target: TargetSpec): TargetKind {
  if ('loss' in target) return 'loss';
  if ('model' in target) return 'model';
  return 'computeOptimalFlops' in target ? 'computeOptimalFlops' : 'computeOptimalParams';
}

/** `demand` as token totals, as a request count, or as a request rate over a number of days. */
export const DEMAND_KINDS = ['totals', 'requests', 'rate'] as const;
export type DemandKind = (typeof DEMAND_KINDS)[number];

/** Which shape a (not yet validated) demand section has, by its keys; undefined when none. */
export function demandKindOf(demand: DemandSpec | Record<string, unknown>): DemandKind | undefined {
  if ('inputTokens' in demand || 'outputTokens' in demand) return 'totals';
  if ('requestsPerDay' in demand || 'days' in demand) return 'rate';
  return 'requests' in demand ? 'requests' : undefined;
}

/** A hardware section names a GPU (with `dtype`), or gives its peak FLOP/s alone (`peakFlops`). */
export const ACCELERATOR_KINDS = ['gpu', 'peak'] as const;
export type AcceleratorKind = (typeof ACCELERATOR_KINDS)[number];

/** `inference.decode.model`: the fixed `decodeMfu`, or a roofline that depends on N. */
export const DECODE_MODELS = ['mfu', 'roofline'] as const;
export type DecodeModel = (typeof DECODE_MODELS)[number];

/** `testTime.model`: an exchange rate with training compute, or a task-accuracy target. */
export const TEST_TIME_MODELS = ['exchange', 'accuracy'] as const;
export type TestTimeModel = (typeof TEST_TIME_MODELS)[number];

/** `testTime.taskClass` for a γ and S of the user's own rather than a task class's. */
export const CUSTOM_TASK_CLASS = 'custom';
/** Every `testTime.taskClass`: the engine's task classes, then `custom`. */
export const TASK_CLASS_IDS: readonly string[] = [...TASK_CLASSES.map((c) => c.id), CUSTOM_TASK_CLASS];

/** `testTime.p1`: Gadre et al.'s mapping from the loss (`{"epsilon", "k", "gamma"}`) or `{"value"}`. */
export const SUCCESS_SOURCES = ['mapping', 'direct'] as const;
export type SuccessSourceKind = (typeof SUCCESS_SOURCES)[number];

export function successSourceOf(p1: AccuracyTestTimeSpec['p1'] | object): SuccessSourceKind {
  return 'value' in p1 ? 'direct' : 'mapping';
}
