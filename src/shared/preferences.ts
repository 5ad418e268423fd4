/**
 * The rules for the user's preferences that both hosts follow: the desktop app keeps them with
 * electron-store (electron/main/preferences.ts), the browser version in localStorage
 * (src/renderer/lib/web-api.ts). Defaults, what a change may contain, and how stored values are
 * read back. Pure: no Node, no DOM.
 */
import { checkGpuList, isId, keepValidGpus } from '../scenario';
import type { PreferencesPatch, UserPreferences } from './ipc';
import { describeIssues, PayloadError, record } from './payloads';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const DEFAULT_PREFERENCES: UserPreferences = {
  theme: 'system',
  defaultLaw: null,
  defaultHardware: null,
  customGpus: [],
};

const PREFERENCE_KEYS = ['theme', 'defaultLaw', 'defaultHardware', 'customGpus'] as const;

export function isTheme(value: unknown): value is Theme {
  return THEMES.some((theme) => theme === value);
}

/** A default law or GPU: a preset's id (or one of the user's GPUs), or null for the engine's default. */
function isDefaultId(value: unknown): value is string | null {
  return value === null || isId(value);
}

/**
 * Stored preferences read back field by field: a missing or damaged field falls back to its
 * default alone, and each custom GPU is checked alone, so one bad entry drops only itself (say
 * an id a newer build made a preset, or a hand edit).
 */
export function preferencesFrom(value: unknown): UserPreferences {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return DEFAULT_PREFERENCES;
  const stored = value as Record<string, unknown>;
  return {
    theme: isTheme(stored.theme) ? stored.theme : DEFAULT_PREFERENCES.theme,
    defaultLaw: isDefaultId(stored.defaultLaw) ? stored.defaultLaw : DEFAULT_PREFERENCES.defaultLaw,
    defaultHardware: isDefaultId(stored.defaultHardware)
      ? stored.defaultHardware
      : DEFAULT_PREFERENCES.defaultHardware,
    customGpus: keepValidGpus(stored.customGpus),
  };
}

/**
 * A change the page asks for. Unlike stored values, a bad field rejects the whole change, so
 * nothing is half-applied; the custom GPUs are checked like a scenario's `gpus` section.
 */
export function checkPreferencesPatch(value: unknown, request: string): PreferencesPatch {
  const fields = record(request, value, PREFERENCE_KEYS);
  const patch: { -readonly [K in keyof PreferencesPatch]: PreferencesPatch[K] } = {};
  if (fields.theme !== undefined) {
    if (!isTheme(fields.theme))
      throw new PayloadError(request, `"theme" must be one of ${THEMES.join(', ')}`);
    patch.theme = fields.theme;
  }
  for (const key of ['defaultLaw', 'defaultHardware'] as const) {
    const id = fields[key];
    if (id === undefined) continue;
    if (!isDefaultId(id)) throw new PayloadError(request, `"${key}" must be a preset id or null`);
    patch[key] = id;
  }
  if (fields.customGpus !== undefined) {
    const gpus = checkGpuList(fields.customGpus, 'customGpus');
    if (!gpus.ok) throw new PayloadError(request, describeIssues(gpus.issues));
    patch.customGpus = gpus.gpus;
  }
  return patch;
}
