import { describe, expect, it } from 'vitest';
import { INITIAL_PREFERENCES, Preferences } from '../../../src/renderer/lib/workspace/preferences.svelte';
import { StatusLine } from '../../../src/renderer/lib/workspace/status.svelte';
import { FakeApi } from './fake-api';

describe('the preferences', () => {
  it('start at the engine’s defaults, then are the stored ones', async () => {
    const api = new FakeApi();
    api.preferences = { ...INITIAL_PREFERENCES, theme: 'dark', defaultLaw: 'besiroglu2024' };
    const preferences = new Preferences(api, new StatusLine());
    expect(preferences.current).toEqual(INITIAL_PREFERENCES);
    await preferences.load();
    expect(preferences.current).toMatchObject({ theme: 'dark', defaultLaw: 'besiroglu2024' });
  });

  it('store a change and say so', async () => {
    const api = new FakeApi();
    const status = new StatusLine();
    const preferences = new Preferences(api, status);
    expect(await preferences.set({ defaultHardware: 'B200' }, 'New scenarios will use B200.')).toBe(true);
    expect(preferences.current.defaultHardware).toBe('B200');
    expect(api.preferences.defaultHardware).toBe('B200');
    expect(status.current).toEqual({ kind: 'info', text: 'New scenarios will use B200.' });
  });

  it('keep what they were when storing fails, and say why', async () => {
    const api = new FakeApi();
    api.failing.setPreferences = 'read-only';
    const status = new StatusLine();
    const preferences = new Preferences(api, status);
    expect(await preferences.set({ theme: 'light' }, 'never shown')).toBe(false);
    expect(preferences.current.theme).toBe('system');
    expect(status.current).toEqual({ kind: 'error', text: 'Saving the preference failed: read-only' });
  });
});
