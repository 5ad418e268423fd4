import { describe, expect, it } from 'vitest';
import {
  checkPreferencesPatch,
  DEFAULT_PREFERENCES,
  isTheme,
  preferencesFrom,
  THEMES,
} from '../../src/shared/preferences';
import { PayloadError } from '../../src/shared/payloads';
import { labGpu } from '../support/scenarios';

const check = (value: unknown) => checkPreferencesPatch(value, 'setPreferences');

describe('preferencesFrom (stored values read back)', () => {
  it.each([undefined, null, 'dark', [1, 2], 42])('gives the defaults for %j', (value) => {
    expect(preferencesFrom(value)).toEqual(DEFAULT_PREFERENCES);
  });

  it('keeps every valid field', () => {
    const stored = {
      theme: 'dark',
      defaultLaw: 'hoffmann2022',
      defaultHardware: 'lab-gpu',
      customGpus: [labGpu],
    };
    expect(preferencesFrom(stored)).toEqual(stored);
  });

  it('falls back field by field', () => {
    expect(preferencesFrom({ theme: 'pink', defaultLaw: 'kaplan2020' })).toEqual({
      ...DEFAULT_PREFERENCES,
      defaultLaw: 'kaplan2020',
    });
    expect(preferencesFrom({ theme: 1, defaultLaw: {}, defaultHardware: ['H100'] })).toEqual(
      DEFAULT_PREFERENCES,
    );
    expect(preferencesFrom({ defaultLaw: '../../etc', defaultHardware: 'x'.repeat(65) })).toEqual(
      DEFAULT_PREFERENCES,
    );
  });

  it('drops only the custom GPUs that are damaged or clash', () => {
    expect(
      preferencesFrom({
        customGpus: [
          labGpu,
          { ...labGpu, id: 'A100-80GB' },
          { ...labGpu, id: 'broken', memoryGB: 'lots' },
          { ...labGpu, label: 'twice' },
        ],
      }).customGpus,
    ).toEqual([labGpu]);
    expect(preferencesFrom({ customGpus: { id: 'x' } }).customGpus).toEqual([]);
  });
});

describe('checkPreferencesPatch (a change the page asks for)', () => {
  it('accepts any subset of the fields', () => {
    expect(check({})).toEqual({});
    expect(check({ theme: 'light' })).toEqual({ theme: 'light' });
    expect(check({ defaultLaw: 'sardana2024', defaultHardware: null })).toEqual({
      defaultLaw: 'sardana2024',
      defaultHardware: null,
    });
    expect(check({ theme: undefined, defaultLaw: null })).toEqual({ defaultLaw: null });
  });

  it('fills in a GPU’s label like a scenario file does', () => {
    const { label: _label, ...unlabelled } = labGpu;
    expect(check({ customGpus: [unlabelled] })).toEqual({ customGpus: [{ ...labGpu, label: 'lab-gpu' }] });
  });

  it.each([
    [null, /Invalid setPreferences request: expected an object/],
    [[], /expected an object/],
    [{ theme: 'neon' }, /"theme" must be one of system, light, dark/],
    [{ defaultLaw: '../../x' }, /"defaultLaw" must be a preset id or null/],
    [{ defaultHardware: 3 }, /"defaultHardware" must be a preset id or null/],
    [{ recentFiles: [] }, /unexpected field "recentFiles"/],
    [{ customGpus: 'all' }, /customGpus: expected a list of GPU definitions/],
    [{ customGpus: [{ ...labGpu, id: 'H100-SXM' }] }, /customGpus\[0\]\.id: "H100-SXM" is a GPU preset/],
    [
      { customGpus: [labGpu, labGpu] },
      /customGpus\[1\]\.id: "lab-gpu" is already defined at customGpus\[0\]/,
    ],
    [{ theme: 'dark', defaultLaw: '../x' }, /"defaultLaw"/],
  ])('rejects %j whole', (value, message) => {
    expect(() => check(value)).toThrow(PayloadError);
    expect(() => check(value)).toThrow(message);
  });

  it('names the request in its errors', () => {
    expect(() => checkPreferencesPatch({ theme: 0 }, 'importSettings')).toThrow(
      /^Invalid importSettings request/,
    );
  });
});

describe('themes', () => {
  it('are the three the page offers, system first by default', () => {
    expect(THEMES).toEqual(['system', 'light', 'dark']);
    expect(DEFAULT_PREFERENCES.theme).toBe('system');
    expect(THEMES.every(isTheme)).toBe(true);
    expect(isTheme('pink')).toBe(false);
  });
});
