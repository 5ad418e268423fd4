import { describe, expect, it } from 'vitest';
import {
  compareLaws,
  computeSensitivity,
  type CompareRequest,
} from '../../../src/renderer/lib/compare/compare';
import { latestRequestWins } from '../../../src/renderer/lib/latest-request';
import { newScenario } from '../../../src/renderer/lib/new-scenario';
import type { Results } from '../../../src/renderer/lib/results';
import type { Computed } from '../../../src/renderer/lib/worker-scenario';
import { Exports } from '../../../src/renderer/lib/workspace/exports';
import { OnDemand } from '../../../src/renderer/lib/workspace/on-demand.svelte';
import { LiveResults } from '../../../src/renderer/lib/workspace/results.svelte';
import { StatusLine } from '../../../src/renderer/lib/workspace/status.svelte';
import { Workspace } from '../../../src/renderer/lib/workspace/workspace.svelte';
import { parseScenarioText } from '../../../src/scenario';
import type { LawComparison } from '../../../src/scenario/across-laws';
import type { Sensitivity } from '../../../src/scenario/sensitivity';
import { FakeApi } from './fake-api';

const sardana = newScenario({ defaultLaw: null, defaultHardware: null });

/** A stand-in worker answering by hand, behind the real "latest request wins" runner. */
function handWorker<T>() {
  const pending: {
    request: CompareRequest;
    settle: (answer: Computed<T>) => void;
    fail: (e: Error) => void;
  }[] = [];
  const service = latestRequestWins(
    (request: CompareRequest) =>
      new Promise<Computed<T>>((settle, fail) => void pending.push({ request, settle, fail })),
  );
  return { service, pending };
}

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

function resultsOf(mfu: number): Results {
  const live = new LiveResults();
  live.show({ ...sardana, training: { ...sardana.training, mfu } });
  return live.results as Results;
}

describe('a comparison computed on demand', () => {
  it('is computed for the results it follows, once, and shown only for them', async () => {
    const worker = handWorker<LawComparison>();
    const laws = new OnDemand(worker.service);
    const results = resultsOf(0.4);
    expect(laws.stateFor(results)).toEqual({ kind: 'off' });
    laws.follow(results);
    laws.follow(results);
    expect(worker.pending).toHaveLength(1);
    expect(laws.stateFor(results)).toEqual({ kind: 'computing', results });
    const request = worker.pending[0]?.request as CompareRequest;
    const sent = parseScenarioText(request.scenario);
    expect(sent.ok && sent.scenario.training.mfu).toBe(0.4);
    worker.pending[0]?.settle(compareLaws(request));
    await flush();
    const state = laws.stateFor(results);
    expect(state.kind === 'ready' && state.value.laws.map((law) => law.lawId)).toContain('kaplan2020');
    // Other results (another form) see nothing of it.
    expect(laws.stateFor(resultsOf(0.4))).toEqual({ kind: 'off' });
  });

  it('shows the newest results’ answer only, never a late one for older results', async () => {
    const worker = handWorker<LawComparison>();
    const laws = new OnDemand(worker.service);
    const first = resultsOf(0.3);
    const second = resultsOf(0.35);
    const third = resultsOf(0.5);
    laws.follow(first);
    laws.follow(second);
    laws.follow(third);
    // The first runs; the second was replaced by the third while waiting, so it never starts.
    expect(worker.pending).toHaveLength(1);
    worker.pending[0]?.settle(compareLaws(worker.pending[0].request));
    await flush();
    expect(laws.stateFor(first)).toEqual({ kind: 'off' });
    expect(laws.stateFor(third).kind).toBe('computing');
    expect(worker.pending).toHaveLength(2);
    const latest = worker.pending[1]?.request as CompareRequest;
    expect(latest.scenario).toContain('"mfu": 0.5');
    worker.pending[1]?.settle(compareLaws(latest));
    await flush();
    expect(laws.stateFor(third).kind).toBe('ready');
  });

  it('says why it failed: the engine’s message, or the worker’s end', async () => {
    const worker = handWorker<Sensitivity>();
    const moved = new OnDemand(worker.service);
    const results = resultsOf(0.4);
    moved.follow(results);
    worker.pending[0]?.settle({ kind: 'failed', message: 'training.mfu: 1.25 is outside (0, 1]' });
    await flush();
    expect(moved.stateFor(results)).toEqual({
      kind: 'failed',
      results,
      message: 'training.mfu: 1.25 is outside (0, 1]',
    });
    const other = resultsOf(0.45);
    moved.follow(other);
    worker.pending[1]?.fail(new Error('the worker stopped: out of memory'));
    await flush();
    expect(moved.stateFor(other)).toEqual({
      kind: 'failed',
      results: other,
      message: 'the comparison could not be computed: the worker stopped: out of memory',
    });
    const off = new OnDemand<Sensitivity>(null);
    off.follow(results);
    expect(off.stateFor(results)).toEqual({ kind: 'off' });
  });

  it('reaches the exported report once computed, which waits for one being computed', async () => {
    const lawsWorker = handWorker<LawComparison>();
    const sensitivityWorker = handWorker<Sensitivity>();
    const laws = new OnDemand(lawsWorker.service);
    const moved = new OnDemand(sensitivityWorker.service);
    const live = new LiveResults();
    live.show(sardana);
    const api = new FakeApi();
    const exports = new Exports(api, new StatusLine(), live, () => 'plan', null, {
      laws,
      sensitivity: moved,
    });

    // Panels never opened: the report has neither section.
    await exports.report();
    expect(api.exports[0]?.content).not.toContain('## Sensitivity');
    expect(api.exports[0]?.content).not.toContain('## Under every published law');

    laws.follow(live.results as Results);
    moved.follow(live.results as Results);
    const written = exports.report();
    await flush();
    expect(api.exports).toHaveLength(1);
    lawsWorker.pending[0]?.settle(compareLaws(lawsWorker.pending[0].request));
    await flush();
    expect(api.exports).toHaveLength(1);
    sensitivityWorker.pending[0]?.settle(computeSensitivity(sensitivityWorker.pending[0].request));
    await written;
    const report = api.exports[1]?.content ?? '';
    expect(report).toContain('## Sensitivity');
    expect(report).toContain('| training MFU |');
    expect(report).toContain('## Under every published law');
    expect(report).toContain('| sardana2024 (this scenario’s) |');
  });

  it('is part of the workspace, off until asked', async () => {
    const worker = handWorker<LawComparison>();
    const workspace = new Workspace(new FakeApi(), {
      draftDelayMs: 0,
      comparisons: { laws: worker.service, sensitivity: handWorker<Sensitivity>().service },
    });
    await workspace.start();
    workspace.recompute();
    const results = workspace.live.results as Results;
    expect(workspace.laws.stateFor(results)).toEqual({ kind: 'off' });
    expect(worker.pending).toHaveLength(0);
    workspace.laws.follow(results);
    expect(worker.pending).toHaveLength(1);
  });
});
