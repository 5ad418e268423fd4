import type { DesktopApi, PreferencesPatch, UserPreferences } from '../../../shared/ipc';
import type { StatusLine } from './status.svelte';

export type PreferencesApi = Pick<DesktopApi, 'getPreferences' | 'setPreferences'>;

/** Until the stored preferences arrive: the system theme, and the engine's law and GPU. */
export const INITIAL_PREFERENCES: UserPreferences = {
  theme: 'system',
  defaultLaw: null,
  defaultHardware: null,
  customGpus: [],
};

/** The user's preferences as stored (theme, defaults for new scenarios, the user's own GPUs). */
export class Preferences {
  /**
   * Replaced whole, never changed in place; raw, so its GPUs stay plain objects that can be cloned
   * into a scenario or sent to the main process (a deep $state proxy cannot be).
   */
  current: UserPreferences = $state.raw(INITIAL_PREFERENCES);

  constructor(
    private readonly api: PreferencesApi,
    private readonly status: StatusLine,
  ) {}

  async load(): Promise<void> {
    this.current = await this.api.getPreferences();
  }

  /** Stores a change and says so; true once stored, false (with the reason on the status line) if not. */
  async set(patch: PreferencesPatch, confirmation?: string): Promise<boolean> {
    const stored = await this.status.guard('Saving the preference', async () => {
      this.current = await this.api.setPreferences(patch);
      if (confirmation) this.status.report('info', confirmation);
      return true;
    });
    return stored ?? false;
  }
}
