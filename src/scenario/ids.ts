/**
 * The one shape of an id: scaling-law presets (`sardana2024`), GPU presets (`H100-SXM`) and the
 * user's own GPUs (`my-gpu_2`) alike. Scenario files, the preferences of both hosts and the
 * desktop preferences' JSON schema all check ids against this pattern.
 */
export const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';
const ID = new RegExp(ID_PATTERN);

/** 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}
