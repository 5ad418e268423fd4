import { describe, expect, it } from 'vitest';
import { solve } from '../../src/model';
import {
  checkGpuList,
  checkNewGpu,
  gpuOf,
  keepValidGpus,
  parseScenarioText,
  peakFlopsOf,
  problemFromScenario,
  serializeScenario,
} from '../../src/scenario';
import { issuesOf, valid } from '../support/scenarios';

const minimal = {
  target: { model: { params: 70e9, tokens: 1.4e12 } },
  demand: { requests: 1e10, inputTokensPerRequest: 1000, outputTokensPerRequest: 250 },
  objective: 'cost',
};
/** Half an H100's bf16 peak and a quarter of its memory: easy to see in the results. */
const smallGpu = {
  id: 'lab-gpu',
  label: 'Lab GPU',
  peakFlops: { bf16: 494.5e12, int8: 989e12 },
  memoryGB: 20,
  bandwidthTBs: 1.675,
  boardPowerW: 350,
};

describe('the gpus section', () => {
  it('defines GPUs that training and inference may name, the label defaulting to the id', () => {
    const { label: _label, ...unlabelled } = smallGpu;
    const scenario = valid({
      ...minimal,
      gpus: [smallGpu, { ...unlabelled, id: 'other', peakFlops: { fp8: 1e15 } }],
      training: { gpu: 'lab-gpu' },
      inference: { gpu: 'other', dtype: 'fp8' },
    });
    expect(scenario.gpus).toEqual([
      smallGpu,
      { ...unlabelled, id: 'other', label: 'other', peakFlops: { fp8: 1e15 } },
    ]);
    expect(scenario.training).toMatchObject({ gpu: 'lab-gpu', dtype: 'bf16' });
    expect(scenario.inference).toMatchObject({ gpu: 'other', dtype: 'fp8' });
    expect(valid({ ...minimal, gpus: [] }).gpus).toBeUndefined();
  });

  it('names every problem of a definition with its JSON path', () => {
    expect(
      issuesOf({
        ...minimal,
        gpus: [
          { id: 'bad id!', peakFlops: { bf16: -1, fp4: 1e15 }, memoryGB: 0, bandwidthTBs: 'fast' },
          { id: 'no-peaks', peakFlops: {}, memoryGB: 80, bandwidthTBs: 2, boardPowerW: 400, price: 2 },
          'H100',
        ],
      }),
    ).toEqual([
      'gpus[0].id: "bad id!" (text) is not a GPU id: 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit',
      'gpus[0].peakFlops.fp4: unknown field (did you mean "fp8"?); allowed here: bf16, fp8, int8',
      'gpus[0].peakFlops.bf16: -1 must be above 0',
      'gpus[0].memoryGB: 0 must be above 0',
      'gpus[0].bandwidthTBs: expected a number, got "fast" (text)',
      'gpus[0].boardPowerW: missing; a number is required here',
      'gpus[1].price: unknown field; allowed here: id, label, peakFlops, memoryGB, bandwidthTBs, boardPowerW',
      'gpus[1].peakFlops: give the dense peak FLOP/s of at least one of "bf16", "fp8", "int8"',
      'gpus[2]: expected an object, got "H100" (text)',
    ]);
    expect(issuesOf({ ...minimal, gpus: { id: 'x' } })).toEqual([
      'gpus: expected a list of GPU definitions, got an object',
    ]);
  });

  it('refuses ids that clash with a preset or with each other', () => {
    expect(
      issuesOf({
        ...minimal,
        gpus: [smallGpu, { ...smallGpu, id: 'H100-SXM' }, { ...smallGpu, label: 'again' }],
      }),
    ).toEqual([
      `gpus[1].id: "H100-SXM" is a GPU preset; give your GPU another id (or override the preset's memoryGB, bandwidthTBs or boardPowerW in training or inference)`,
      'gpus[2].id: "lab-gpu" is already defined at gpus[0]',
    ]);
  });

  it('refuses unknown references and unsupported number formats, once per problem', () => {
    expect(issuesOf({ ...minimal, gpus: [smallGpu], training: { gpu: 'lab-gpu2' } })).toEqual([
      expect.stringMatching(
        /^training\.gpu: unknown GPU "lab-gpu2" \(text\); known GPUs: "A100-40GB", .*"MI300X", "lab-gpu"$/,
      ),
    ]);
    expect(issuesOf({ ...minimal, gpus: [smallGpu], inference: { gpu: 'lab-gpu', dtype: 'fp8' } })).toEqual([
      'inference.dtype: lab-gpu has no fp8 support; use "bf16", "int8"',
    ]);
    // A broken definition is reported where it is, not again where it is used.
    expect(
      issuesOf({ ...minimal, gpus: [{ ...smallGpu, memoryGB: -1 }], training: { gpu: 'lab-gpu' } }),
    ).toEqual(['gpus[0].memoryGB: -1 must be above 0']);
    // Without the section, a custom id is just unknown.
    expect(issuesOf({ ...minimal, training: { gpu: 'lab-gpu' } })).toEqual([
      expect.stringMatching(/^training\.gpu: unknown GPU "lab-gpu"/),
    ]);
  });
});

describe('overrides of a GPU’s values', () => {
  it('reads memoryGB, bandwidthTBs and boardPowerW next to gpu', () => {
    const scenario = valid({
      ...minimal,
      training: { gpu: 'H100-SXM', boardPowerW: 650 },
      inference: { gpu: 'H100-SXM', memoryGB: 94, bandwidthTBs: 3.9 },
    });
    expect(scenario.training).toMatchObject({ gpu: 'H100-SXM', boardPowerW: 650 });
    expect(scenario.inference).toMatchObject({ gpu: 'H100-SXM', memoryGB: 94, bandwidthTBs: 3.9 });
    expect(gpuOf(scenario.inference)).toMatchObject({ id: 'H100-SXM', memoryGB: 94, bandwidthTBs: 3.9 });
    expect(gpuOf(scenario.inference)?.boardPowerW).toBe(700);
  });

  it('names bad overrides, and refuses them next to a bare peak', () => {
    expect(
      issuesOf({
        ...minimal,
        training: { gpu: 'H100-SXM', memoryGB: 0, boardPowerW: 'hot' },
        inference: { peakFlops: 1e15, bandwidthTBs: 3 },
      }),
    ).toEqual([
      'training.memoryGB: 0 must be above 0',
      'training.boardPowerW: expected a number, got "hot" (text)',
      'inference.bandwidthTBs: only with "gpu": to give more than a peak, define the GPU in "gpus" and name it here',
    ]);
  });
});

describe('resolving custom GPUs and overrides', () => {
  const base = valid(minimal);
  const custom = valid({
    ...minimal,
    gpus: [smallGpu],
    training: { gpu: 'lab-gpu' },
    inference: { gpu: 'lab-gpu' },
  });

  it('uses the custom GPU’s peak, memory, bandwidth and power everywhere a preset’s would be', () => {
    const before = problemFromScenario(base);
    const after = problemFromScenario(custom);
    expect(peakFlopsOf(custom.training, custom.gpus)).toBe(494.5e12);
    // Half the peak at the same price and MFU: every FLOP costs twice as much.
    expect(after.rates.training / before.rates.training).toBeCloseTo(2, 12);
    expect(after.rates.decode / before.rates.decode).toBeCloseTo(2, 12);
    expect(after.fleet).toMatchObject({ inferenceMemoryGB: 20, trainingWatts: 350, inferenceWatts: 350 });
    expect(before.fleet).toMatchObject({ inferenceMemoryGB: 80, trainingWatts: 700 });
  });

  it('changes the costs and the GPUs one replica needs', () => {
    const before = solve(problemFromScenario(base)).lifetimeOptimal;
    const after = solve(problemFromScenario(custom)).lifetimeOptimal;
    expect(after.totalCost).toBeGreaterThan(before.totalCost * 1.5);
    // A quarter of the memory per GPU: about four times as many GPUs hold one replica.
    expect(before.replicaGpus).toBeGreaterThanOrEqual(1);
    expect(after.replicaGpus ?? 0).toBeGreaterThanOrEqual(3 * (before.replicaGpus ?? 0));
  });

  it('prices a roofline decode from the custom GPU’s bandwidth, and from an override', () => {
    const decode = { model: 'roofline' };
    const roofline = (inference: object, gpus: object[] = []) =>
      problemFromScenario(valid({ ...minimal, gpus, inference: { ...inference, decode } })).decode?.hardware;
    expect(roofline({ gpu: 'lab-gpu' }, [smallGpu])?.bandwidthBytesPerSecond).toBe(1.675e12);
    expect(roofline({ gpu: 'H100-SXM' })?.bandwidthBytesPerSecond).toBe(3.35e12);
    expect(roofline({ gpu: 'H100-SXM', bandwidthTBs: 4 })?.bandwidthBytesPerSecond).toBe(4e12);
  });

  it('lets a section’s boardPowerW win over energy.gpuWatts, which wins over the GPU’s', () => {
    const fleet = problemFromScenario(
      valid({
        ...minimal,
        energy: { gpuWatts: 500 },
        training: { gpu: 'H100-SXM', boardPowerW: 650 },
        inference: { gpu: 'H100-SXM' },
      }),
    ).fleet;
    expect(fleet).toMatchObject({ trainingWatts: 650, inferenceWatts: 500 });
  });

  it('round-trips custom GPUs and overrides in a stable key order', () => {
    const scenario = valid({
      ...minimal,
      gpus: [
        {
          boardPowerW: 350,
          bandwidthTBs: 1.675,
          memoryGB: 20,
          peakFlops: { int8: 989e12, bf16: 494.5e12 },
          label: 'Lab GPU',
          id: 'lab-gpu',
        },
      ],
      training: { bandwidthTBs: 2, gpu: 'lab-gpu', boardPowerW: 300 },
    });
    const text = serializeScenario(scenario);
    const reread = parseScenarioText(text);
    expect(reread.ok && reread.scenario).toEqual(scenario);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(file).slice(7, 10)).toEqual(['objective', 'gpus', 'training']);
    expect(text).toContain(
      '"id": "lab-gpu",\n      "label": "Lab GPU",\n      "peakFlops": {\n        "bf16": 494500000000000,\n        "int8": 989000000000000\n      },\n      "memoryGB": 20,',
    );
    expect(Object.keys(file['training'] as object)).toEqual([
      'gpu',
      'dtype',
      'bandwidthTBs',
      'boardPowerW',
      'pricePerHour',
      'mfu',
      'clusterGpus',
    ]);
  });
});

describe('the user’s GPU list', () => {
  it('is checked like a scenario’s gpus, with paths under its own name', () => {
    expect(checkGpuList([smallGpu], 'customGpus')).toEqual({ ok: true, gpus: [smallGpu] });
    expect(checkGpuList([smallGpu, { ...smallGpu, id: 'b', memoryGB: 'x' }], 'customGpus')).toEqual({
      ok: false,
      issues: [{ path: 'customGpus[1].memoryGB', message: 'expected a number, got "x" (text)' }],
    });
  });

  it('checks a new GPU against the presets and the GPUs already defined', () => {
    expect(checkNewGpu(smallGpu, [])).toEqual({ ok: true, gpu: smallGpu });
    const clash = checkNewGpu(smallGpu, [smallGpu]);
    expect(clash.ok ? [] : clash.issues).toEqual([{ path: 'id', message: '"lab-gpu" is already defined' }]);
    const bad = checkNewGpu({ id: 'B200', peakFlops: { bf16: 0 } }, []);
    expect(bad.ok ? [] : bad.issues.map((issue) => issue.path)).toEqual([
      'peakFlops.bf16',
      'memoryGB',
      'bandwidthTBs',
      'boardPowerW',
      'id',
    ]);
  });

  it('keeps the valid stored entries and drops the rest', () => {
    expect(
      keepValidGpus([
        smallGpu,
        { ...smallGpu, id: 'A100-40GB' },
        { id: 'x' },
        smallGpu,
        7,
        { ...smallGpu, id: 'b' },
      ]),
    ).toEqual([smallGpu, { ...smallGpu, id: 'b' }]);
    expect(keepValidGpus('nope')).toEqual([]);
  });
});
