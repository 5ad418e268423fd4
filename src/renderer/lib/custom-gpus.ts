/**
 * The user's own GPUs (kept with the preferences) as lists the workspace edits: replacing and
 * removing one, what an open scenario needs to keep naming a GPU that leaves the list, and a
 * definition as the GPU dialog shows it.
 */
import type { Dtype, GpuDefinition } from '../../model';
import { formatQuantityInput } from '../../format/quantity';
import type { PreferencesPatch, UserPreferences } from '../../shared/ipc';
import type { ScenarioForm } from './form';

/** The inputs of the GPU dialog, one per field of a definition. */
export type GpuFieldKey = 'id' | 'label' | Dtype | 'memoryGB' | 'bandwidthTBs' | 'boardPowerW';

/** The list with `gpu` in place of the definition of the same id, in the same position. */
export function replaceGpu(gpus: readonly GpuDefinition[], gpu: GpuDefinition): GpuDefinition[] {
  return gpus.map((existing) => (existing.id === gpu.id ? gpu : existing));
}

/** The list with `gpu` at its end, unless it already holds a definition of that id (which wins). */
export function withGpu(gpus: readonly GpuDefinition[], gpu: GpuDefinition): GpuDefinition[] {
  return gpus.some((existing) => existing.id === gpu.id) ? [...gpus] : [...gpus, gpu];
}

/**
 * Whether a hardware section names the GPU, also one switched to a plain peak: switching it
 * back must find the GPU again.
 */
export function namesGpu(form: Pick<ScenarioForm, 'training' | 'inference'>, id: string): boolean {
  return form.training.gpu === id || form.inference.gpu === id;
}

/**
 * The preferences without one of the user's GPUs; a default for new scenarios that named it goes
 * back to the engine's, or it would come back to life should a GPU of that id be added again.
 */
export function removalPatch(
  preferences: Pick<UserPreferences, 'customGpus' | 'defaultHardware'>,
  id: string,
): PreferencesPatch {
  return {
    customGpus: preferences.customGpus.filter((gpu) => gpu.id !== id),
    ...(preferences.defaultHardware === id ? { defaultHardware: null } : {}),
  };
}

/** A definition as the dialog's inputs show it (numbers as people type them), or empty inputs. */
export function gpuFieldText(gpu?: GpuDefinition): Record<GpuFieldKey, string> {
  const text = (value: number | undefined) => (value === undefined ? '' : formatQuantityInput(value));
  return {
    id: gpu?.id ?? '',
    label: gpu?.label ?? '',
    bf16: text(gpu?.peakFlops.bf16),
    fp8: text(gpu?.peakFlops.fp8),
    int8: text(gpu?.peakFlops.int8),
    memoryGB: text(gpu?.memoryGB),
    bandwidthTBs: text(gpu?.bandwidthTBs),
    boardPowerW: text(gpu?.boardPowerW),
  };
}
