import { describe, expect, it } from 'vitest';
import { ScenarioDocument } from '../../../src/renderer/lib/document.svelte';
import { newScenario } from '../../../src/renderer/lib/new-scenario';
import { Preferences } from '../../../src/renderer/lib/workspace/preferences.svelte';
import { StatusLine } from '../../../src/renderer/lib/workspace/status.svelte';
import { UserGpus } from '../../../src/renderer/lib/workspace/user-gpus';
import { labGpu } from '../../support/scenarios';
import { FakeApi } from './fake-api';

/** A new scenario, the user's GPUs in the preferences, and the status line they report to. */
function setUp(customGpus = [labGpu]) {
  const api = new FakeApi();
  api.preferences = { ...api.preferences, customGpus };
  const status = new StatusLine();
  const preferences = new Preferences(api, status);
  preferences.current = api.preferences;
  const doc = new ScenarioDocument(newScenario({ defaultLaw: null, defaultHardware: null }), null, {
    library: () => preferences.current.customGpus,
  });
  return { api, status, preferences, doc, gpus: new UserGpus(doc, preferences) };
}

const fp8Only = { ...labGpu, id: 'fp8-gpu', label: 'FP8 GPU', peakFlops: { fp8: 2e15 } };

describe('the user’s own GPUs in the open scenario', () => {
  it('adds one to the preferences and picks it, in a number format it has', async () => {
    const { api, status, doc, gpus } = setUp([]);
    doc.form.inference.accelerator = 'peak';
    await gpus.add(fp8Only, 'inference');
    expect(api.preferences.customGpus).toEqual([fp8Only]);
    expect(doc.form.inference).toMatchObject({ accelerator: 'gpu', gpu: 'fp8-gpu', dtype: 'fp8' });
    expect(status.current?.text).toBe('Added FP8 GPU; it is offered in every scenario.');
    expect(doc.result.ok && doc.result.scenario.gpus).toEqual([fp8Only]);
    expect(gpus.pickedIn('inference')).toEqual(fp8Only);
    expect(gpus.pickedIn('training')).toBeUndefined();
  });

  it('picks nothing when the preferences could not be stored', async () => {
    const { api, doc, gpus } = setUp([]);
    api.failing.setPreferences = 'read-only';
    await gpus.add(labGpu, 'training');
    expect(doc.form.training.gpu).toBe('H100-SXM');
  });

  it('gives an edited definition to the scenario that uses it', async () => {
    const { doc, gpus } = setUp();
    doc.form.training.gpu = 'lab-gpu';
    const faster = { ...labGpu, peakFlops: { int8: 2e15 } };
    await gpus.update(faster);
    expect(doc.form.gpus).toEqual([faster]);
    // bf16 is gone from the definition: the section moves to a format the GPU has.
    expect(doc.form.training.dtype).toBe('int8');
    expect(doc.result.ok).toBe(true);
  });

  it('leaves a scenario that does not use an edited GPU alone', async () => {
    const { doc, gpus } = setUp();
    await gpus.update({ ...labGpu, memoryGB: 40 });
    expect(doc.form.gpus).toEqual([]);
  });

  it('removes one; a scenario that uses it keeps its definition, unless the removal failed', async () => {
    const { api, status, doc, gpus } = setUp();
    doc.form.inference.gpu = 'lab-gpu';
    api.failing.setPreferences = 'read-only';
    await gpus.remove('lab-gpu');
    expect(doc.form.gpus).toEqual([]);
    expect(api.preferences.customGpus).toEqual([labGpu]);
    api.failing = {};
    await gpus.remove('lab-gpu');
    expect(api.preferences.customGpus).toEqual([]);
    expect(doc.form.gpus).toEqual([labGpu]);
    expect(doc.result.ok).toBe(true);
    expect(gpus.pickedIn('inference')).toBeUndefined();
    expect(status.current?.text).toBe(
      'Removed Lab GPU from your GPUs; this scenario uses it, so it keeps its definition.',
    );
  });

  it('removes one the scenario does not use, and ignores an unknown one', async () => {
    const { api, status, doc, gpus } = setUp();
    await gpus.remove('no-such-gpu');
    expect(api.preferences.customGpus).toEqual([labGpu]);
    await gpus.remove('lab-gpu');
    expect(doc.form.gpus).toEqual([]);
    expect(status.current?.text).toBe('Removed Lab GPU from your GPUs.');
  });
});
