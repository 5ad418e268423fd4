import type { ScenarioForm } from './form';

/**
 * The editor's fields as typed, recovered from a crash draft. The stored copy is untrusted (an
 * older version's, or damaged), so it is laid over a form known to be whole: each field takes
 * the stored value only where it has the same type as the field, and a list takes the stored
 * entries that fit the shape of the list's first entry. Anything else keeps the base's value.
 */
export function restoreForm(base: ScenarioForm, stored: unknown): ScenarioForm {
  // The scenario's own GPU definitions are not typed in the editor: the valid scenario's are right.
  return { ...overlay(base, stored), gpus: base.gpus };
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

function overlay<T>(base: T, stored: unknown): T {
  if (Array.isArray(base)) {
    const template: unknown = base[0];
    // An empty list gives no shape to check entries against.
    if (template === undefined || !Array.isArray(stored)) return base;
    return stored.filter((entry) => fits(template, entry)).map((entry) => overlay(template, entry)) as T;
  }
  if (isPlainObject(base)) {
    if (!isPlainObject(stored)) return base;
    return Object.fromEntries(
      Object.entries(base).map(([key, value]) => [key, overlay(value, stored[key])]),
    ) as T;
  }
  return (typeof stored === typeof base ? stored : base) as T;
}
