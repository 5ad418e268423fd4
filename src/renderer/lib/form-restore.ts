import { DTYPES, LAW_PRESETS, OBJECTIVES, SELECTIONS } from '../../model';
import {
  ACCELERATOR_KINDS,
  DECODE_MODELS,
  DEMAND_KINDS,
  LAW_KINDS,
  SUCCESS_SOURCES,
  TARGET_KINDS,
  TASK_CLASS_IDS,
  TEST_TIME_MODELS,
} from '../../scenario';
import type { ScenarioForm } from './form';

/** The fields that hold one of a fixed set of choices, by path: the scenario module's lists. */
const CHOICES: Readonly<Record<string, readonly string[]>> = {
  lawMode: LAW_KINDS,
  lawPreset: LAW_PRESETS.map((preset) => preset.id),
  targetKind: TARGET_KINDS,
  demandKind: DEMAND_KINDS,
  objective: OBJECTIVES,
  'training.accelerator': ACCELERATOR_KINDS,
  'training.dtype': DTYPES,
  'inference.accelerator': ACCELERATOR_KINDS,
  'inference.dtype': DTYPES,
  'inference.decodeModel': DECODE_MODELS,
  'testTime.model': TEST_TIME_MODELS,
  'testTime.successSource': SUCCESS_SOURCES,
  'testTime.selection': SELECTIONS,
  'testTime.taskClass': TASK_CLASS_IDS,
};

/** The shape of an entry of each list the editor edits, for when the base's list is empty. */
const LIST_ENTRIES: Readonly<Record<string, unknown>> = {
  baselines: { ratio: '' } satisfies ScenarioForm['baselines'][number],
};

/**
 * The editor's fields as typed, recovered from a crash draft. The stored copy is untrusted (an
 * older version's, or damaged), so it is laid over a form known to be whole: each field takes
 * the stored value only where it has the field's type (and, for a choice, is one of its
 * choices), and a list takes the stored entries of the list's shape. Anything else keeps the
 * base's value.
 */
export function restoreForm(base: ScenarioForm, stored: unknown): ScenarioForm {
  // The scenario's own GPU definitions, a custom law's fitted range and covariance and the plans
  // are not typed in the editor: the valid scenario's are right.
  return {
    ...overlay(base, stored, ''),
    gpus: base.gpus,
    lawFittedRange: base.lawFittedRange,
    lawCovariance: base.lawCovariance,
    plans: base.plans,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` has the shape of `template`: the same primitive type, or every key of it. */
function fits(template: unknown, value: unknown): boolean {
  if (Array.isArray(template)) return Array.isArray(value);
  if (isPlainObject(template)) {
    return isPlainObject(value) && Object.keys(template).every((key) => fits(template[key], value[key]));
  }
  return typeof value === typeof template;
}

function overlay<T>(base: T, stored: unknown, path: string): T {
  if (Array.isArray(base)) {
    const template: unknown = LIST_ENTRIES[path] ?? base[0];
    // A list of unknown shape cannot be checked: it keeps the base's entries.
    if (template === undefined || !Array.isArray(stored)) return base;
    return stored
      .filter((entry) => fits(template, entry))
      .map((entry) => overlay(template, entry, path)) as T;
  }
  if (isPlainObject(base)) {
    if (!isPlainObject(stored)) return base;
    return Object.fromEntries(
      Object.entries(base).map(([key, value]) => [
        key,
        overlay(value, stored[key], path ? `${path}.${key}` : key),
      ]),
    ) as T;
  }
  const choices = CHOICES[path];
  const allowed = typeof stored === typeof base && (!choices || choices.includes(stored as string));
  return (allowed ? stored : base) as T;
}
