import { findGpuPreset, findLawPreset } from '../../model';
import {
  DEFAULT_INFERENCE,
  DEFAULT_LAW,
  DEFAULT_TRAINING,
  DEFAULT_BASELINES,
  DEFAULT_ENERGY,
  type Scenario,
} from '../../scenario';
import type { UserPreferences } from '../../shared/ipc';

/**
 * The scenario a new document starts from: Chinchilla 70B quality (a loss every law can reach)
 * served for 10 billion requests of 1,000 input and 250 output tokens, as in Sardana et al. 2024's
 * cost example, with the user's default law and GPU where set.
 */
export function newScenario(preferences: Pick<UserPreferences, 'defaultLaw' | 'defaultHardware'>): Scenario {
  const law =
    preferences.defaultLaw && findLawPreset(preferences.defaultLaw)
      ? { preset: preferences.defaultLaw }
      : DEFAULT_LAW;
  const gpu =
    preferences.defaultHardware && findGpuPreset(preferences.defaultHardware)
      ? preferences.defaultHardware
      : undefined;
  return {
    name: 'Untitled scenario',
    notes: '',
    law,
    target: { model: { params: 70e9, tokens: 1.4e12 } },
    demand: { requests: 1e10, inputTokensPerRequest: 1000, outputTokensPerRequest: 250 },
    objective: 'cost',
    training: gpu ? { ...DEFAULT_TRAINING, gpu, dtype: 'bf16' } : DEFAULT_TRAINING,
    inference: gpu ? { ...DEFAULT_INFERENCE, gpu, dtype: 'bf16' } : DEFAULT_INFERENCE,
    baselines: DEFAULT_BASELINES,
    energy: DEFAULT_ENERGY,
  };
}
