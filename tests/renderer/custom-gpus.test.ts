import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../src/format/quantity';
import {
  gpuFieldText,
  namesGpu,
  removalPatch,
  replaceGpu,
  withGpu,
} from '../../src/renderer/lib/custom-gpus';
import { formFromScenario } from '../../src/renderer/lib/form';
import { newScenario } from '../../src/renderer/lib/new-scenario';
import { checkNewGpu } from '../../src/scenario';
import { labGpu } from '../support/scenarios';

const rackGpu = { ...labGpu, id: 'rack-gpu', label: 'Rack GPU' };

describe("the user's own GPUs", () => {
  it('replaces a definition in its place and leaves lists without it alone', () => {
    const faster = { ...labGpu, peakFlops: { bf16: 1e15 } };
    expect(replaceGpu([rackGpu, labGpu], faster)).toEqual([rackGpu, faster]);
    expect(replaceGpu([rackGpu], faster)).toEqual([rackGpu]);
  });

  it('adds a definition a list lacks, and keeps the one it already holds', () => {
    const other = { ...labGpu, memoryGB: 80 };
    expect(withGpu([rackGpu], labGpu)).toEqual([rackGpu, labGpu]);
    expect(withGpu([other], labGpu)).toEqual([other]);
  });

  it('knows whether either hardware section names a GPU', () => {
    const form = formFromScenario(newScenario({ defaultLaw: null, defaultHardware: null }));
    expect(namesGpu(form, 'lab-gpu')).toBe(false);
    form.inference.gpu = 'lab-gpu';
    expect(namesGpu(form, 'lab-gpu')).toBe(true);
    // Also behind a plain peak: switching back must find the GPU again.
    form.inference.accelerator = 'peak';
    expect(namesGpu(form, 'lab-gpu')).toBe(true);
  });

  it('removes a GPU, and the default for new scenarios with it only when it named it', () => {
    const preferences = { customGpus: [labGpu, rackGpu], defaultHardware: 'lab-gpu' };
    expect(removalPatch(preferences, 'lab-gpu')).toEqual({ customGpus: [rackGpu], defaultHardware: null });
    expect(removalPatch(preferences, 'rack-gpu')).toEqual({ customGpus: [labGpu] });
  });

  it('shows a definition as typed text that reads back as the very same GPU', () => {
    const text = gpuFieldText(labGpu);
    expect(text).toEqual({
      id: 'lab-gpu',
      label: 'Lab GPU',
      bf16: '500T',
      fp8: '',
      int8: '1P',
      memoryGB: '20',
      bandwidthTBs: '1.6',
      boardPowerW: '350',
    });
    const read = checkNewGpu(
      {
        id: text.id,
        label: text.label,
        peakFlops: { bf16: parseQuantity(text.bf16), int8: parseQuantity(text.int8) },
        memoryGB: parseQuantity(text.memoryGB),
        bandwidthTBs: parseQuantity(text.bandwidthTBs),
        boardPowerW: parseQuantity(text.boardPowerW),
      },
      [],
    );
    expect(read).toEqual({ ok: true, gpu: labGpu });
  });

  it('starts a new GPU from empty inputs', () => {
    expect(Object.values(gpuFieldText()).every((value) => value === '')).toBe(true);
  });
});
