import { supportedDtype, type GpuDefinition } from '../../../model';
import { namesGpu, removalPatch, replaceGpu, withGpu } from '../custom-gpus';
import type { ScenarioDocument } from '../document.svelte';
import { pickGpu } from '../form';
import type { Preferences } from './preferences.svelte';

export type Phase = 'training' | 'inference';

/**
 * The user's own GPUs (kept with the preferences) and the open scenario that may use them: adding
 * one picks it, editing one reaches the scenario, removing one leaves the scenario its definition.
 */
export class UserGpus {
  constructor(
    private readonly doc: ScenarioDocument,
    private readonly preferences: Preferences,
  ) {}

  /** Adds a GPU to the user's own and picks it for `phase`, in a number format it supports. */
  async add(gpu: GpuDefinition, phase: Phase): Promise<void> {
    const stored = await this.preferences.set(
      { customGpus: [...this.preferences.current.customGpus, gpu] },
      `Added ${gpu.label}; it is offered in every scenario.`,
    );
    if (!stored) return;
    const hardware = this.doc.form[phase];
    hardware.accelerator = 'gpu';
    pickGpu(hardware, gpu.id);
    this.fitNumberFormats(gpu);
  }

  /** The user's own GPU that `phase`'s hardware section has picked, if any. */
  pickedIn(phase: Phase): GpuDefinition | undefined {
    const hardware = this.doc.form[phase];
    if (hardware.accelerator !== 'gpu') return undefined;
    if (!this.preferences.current.customGpus.some((gpu) => gpu.id === hardware.gpu)) return undefined;
    // The definition this scenario computes with: a copy it carries wins over the preferences'.
    return this.doc.customGpus().find((gpu) => gpu.id === hardware.gpu);
  }

  /**
   * Replaces the definition of one of the user's GPUs (the id stays: scenarios refer to it); the
   * open scenario computes with the new numbers at once.
   */
  async update(gpu: GpuDefinition): Promise<void> {
    const stored = await this.preferences.set(
      { customGpus: replaceGpu(this.preferences.current.customGpus, gpu) },
      `Updated ${gpu.label}.`,
    );
    if (!stored) return;
    // The scenario takes the new definition as its own whenever it uses or carries the GPU: its
    // copy wins over the preferences', and the change to its results is one to save.
    const form = this.doc.form;
    if (namesGpu(form, gpu.id) || form.gpus.some((mine) => mine.id === gpu.id)) {
      form.gpus = replaceGpu(withGpu(form.gpus, gpu), gpu);
    }
    this.fitNumberFormats(gpu);
  }

  /**
   * Removes one of the user's GPUs. A scenario that names it first takes its definition into its
   * own `gpus`, so it stays valid and nothing the user set up is lost.
   */
  async remove(id: string): Promise<void> {
    const gpu = this.preferences.current.customGpus.find((mine) => mine.id === id);
    if (!gpu) return;
    const named = namesGpu(this.doc.form, id);
    const carried = this.doc.form.gpus;
    if (named) this.doc.form.gpus = withGpu(carried, gpu);
    const stored = await this.preferences.set(
      removalPatch(this.preferences.current, id),
      named
        ? `Removed ${gpu.label} from your GPUs; this scenario uses it, so it keeps its definition.`
        : `Removed ${gpu.label} from your GPUs.`,
    );
    // Still in the preferences: the scenario goes back to naming it from there.
    if (!stored) this.doc.form.gpus = carried;
  }

  /** Keeps each hardware section that names `gpu` in a number format the GPU has a peak in. */
  private fitNumberFormats(gpu: GpuDefinition): void {
    for (const hardware of [this.doc.form.training, this.doc.form.inference]) {
      if (hardware.gpu === gpu.id) hardware.dtype = supportedDtype(gpu, hardware.dtype);
    }
  }
}
