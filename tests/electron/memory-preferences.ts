/**
 * Preferences kept in a Map, for main-process tests that need a Preferences but not a file.
 * Import it with `await import` after `vi.mock('electron', …)`, like the modules under test.
 */
import { DEFAULT_WINDOW_STATE, Preferences } from '../../electron/main/preferences';

export function memoryPreferences(): Preferences {
  const data = new Map<string, unknown>([
    ['recentFiles', []],
    ['windowState', DEFAULT_WINDOW_STATE],
  ]);
  return new Preferences({
    get: (key) => data.get(key) as never,
    set: (key, value) => void data.set(key, value),
  });
}
