import { findGpu, findGpuPreset, findLawPreset, findReferenceModel, supportedDtype } from '../../model';
import {
  DEFAULT_BASELINES,
  DEFAULT_DTYPE,
  DEFAULT_ENERGY,
  DEFAULT_INFERENCE,
  DEFAULT_LAW,
  DEFAULT_NAME,
  DEFAULT_TRAINING,
  typicalPricePerHour,
  type Scenario,
} from '../../scenario';
import type { UserPreferences } from '../../shared/ipc';

/** The reference model whose quality a new scenario targets. */
const STARTING_MODEL = 'chinchilla';

/** A new scenario's target: the quality of Chinchilla 70B, which every law can reach. */
export const STARTING_TARGET: { readonly model: { readonly params: number; readonly tokens: number } } =
  (() => {
    const model = findReferenceModel(STARTING_MODEL);
    if (!model) throw new Error(`no reference model ${STARTING_MODEL}`);
    return { model: { params: model.params, tokens: model.tokens } };
  })();

/**
 * The scenario a new document starts from: Chinchilla 70B quality (a loss every law can reach)
 * served for 10 billion requests of 1,000 input and 250 output tokens, as in Sardana et al. 2024's
 * cost example, with the user's default law and GPU where set.
 */
export function newScenario(
  preferences: Pick<UserPreferences, 'defaultLaw' | 'defaultHardware'> &
    Partial<Pick<UserPreferences, 'customGpus'>>,
): Scenario {
  const law =
    preferences.defaultLaw && findLawPreset(preferences.defaultLaw)
      ? { preset: preferences.defaultLaw }
      : DEFAULT_LAW;
  const gpu = preferences.defaultHardware
    ? findGpu(preferences.defaultHardware, preferences.customGpus)
    : undefined;
  // At the GPU's typical price, as a file that names it without a price.
  const hardware = gpu && {
    gpu: gpu.id,
    dtype: supportedDtype(gpu, DEFAULT_DTYPE),
    pricePerHour: typicalPricePerHour(gpu.id),
  };
  return {
    name: DEFAULT_NAME,
    notes: '',
    law,
    target: STARTING_TARGET,
    demand: { requests: 1e10, inputTokensPerRequest: 1000, outputTokensPerRequest: 250 },
    objective: 'cost',
    // The user's own GPU travels with the scenario; a preset needs no definition.
    ...(gpu && !findGpuPreset(gpu.id) ? { gpus: [gpu] } : {}),
    training: { ...DEFAULT_TRAINING, ...hardware },
    inference: { ...DEFAULT_INFERENCE, ...hardware },
    baselines: DEFAULT_BASELINES,
    energy: DEFAULT_ENERGY,
  };
}
