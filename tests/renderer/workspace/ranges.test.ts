import { describe, expect, it } from 'vitest';
import type { IsoLossBands, UncertaintySummary } from '../../../src/model';
import { latestRequestWins } from '../../../src/renderer/lib/latest-request';
import { newScenario } from '../../../src/renderer/lib/new-scenario';
import { computeResults, type Results } from '../../../src/renderer/lib/results';
import {
  APP_DRAWS,
  APP_SEED,
  bandSizes,
  computeRanges,
  type RangesAnswer,
  type RangesRequest,
} from '../../../src/renderer/lib/uncertainty/ranges';
import { Exports } from '../../../src/renderer/lib/workspace/exports';
import { LiveRanges } from '../../../src/renderer/lib/workspace/ranges.svelte';
import { LiveResults } from '../../../src/renderer/lib/workspace/results.svelte';
import { StatusLine } from '../../../src/renderer/lib/workspace/status.svelte';
import { Workspace } from '../../../src/renderer/lib/workspace/workspace.svelte';
import { serializeScenario, type Scenario } from '../../../src/scenario';
import { FakeApi } from './fake-api';

const sardana = newScenario({ defaultLaw: null, defaultHardware: null });
const besiroglu: Scenario = { ...sardana, law: { preset: 'besiroglu2024' } };

/** A stand-in worker answering by hand, behind the real "latest request wins" runner. */
function handWorker() {
  const pending: {
    request: RangesRequest;
    settle: (answer: RangesAnswer) => void;
    fail: (e: Error) => void;
  }[] = [];
  const service = latestRequestWins(
    (request: RangesRequest) =>
      new Promise<RangesAnswer>((settle, fail) => void pending.push({ request, settle, fail })),
  );
  return { service, pending };
}

/** An answer that says which scenario it was computed for (in its seed), so a mix-up shows. */
function answerFor(request: RangesRequest, tag: number): RangesAnswer {
  return {
    kind: 'ranges',
    summary: { draws: request.draws, seed: tag } as UncertaintySummary,
    bands: { draws: request.draws, objective: 'cost', points: [] } as IsoLossBands,
  };
}

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('the ranges on screen', () => {
  it('ask the worker for the results’ scenario with the app’s draws, seed and band sizes, and show its answer', async () => {
    const worker = handWorker();
    const ranges = new LiveRanges(worker.service);
    const results = computeResults(besiroglu);
    ranges.follow(results);
    expect(ranges.state).toEqual({ kind: 'computing', results });
    expect(worker.pending.map((p) => p.request)).toEqual([
      {
        scenario: serializeScenario(besiroglu),
        draws: APP_DRAWS,
        seed: APP_SEED,
        sizes: bandSizes(results.isoLoss),
      },
    ]);
    // The same results again (a recompute that changed nothing) ask nothing more.
    ranges.follow(results);
    expect(worker.pending).toHaveLength(1);
    const answer = answerFor(worker.pending[0]?.request as RangesRequest, 1);
    worker.pending[0]?.settle(answer);
    await flush();
    if (answer.kind !== 'ranges') throw new Error('answerFor gives ranges');
    expect(ranges.state).toEqual({ kind: 'ready', results, summary: answer.summary, bands: answer.bands });
  });

  it('never show an older form’s answer: superseded ones are dropped, the newest shown', async () => {
    const worker = handWorker();
    const ranges = new LiveRanges(worker.service);
    const first = computeResults(besiroglu);
    const second = computeResults({ ...besiroglu, name: 'Second' });
    const third = computeResults({ ...besiroglu, name: 'Third' });
    ranges.follow(first);
    ranges.follow(second);
    ranges.follow(third);
    worker.pending[0]?.settle(answerFor(worker.pending[0].request, 1));
    await flush();
    expect(ranges.state).toEqual({ kind: 'computing', results: third });
    // The second request was replaced while it waited: only the first and the third ever ran.
    expect(worker.pending.map((p) => JSON.parse(p.request.scenario).name)).toEqual([sardana.name, 'Third']);
    worker.pending[1]?.settle(answerFor(worker.pending[1].request, 3));
    await flush();
    expect(ranges.state.kind === 'ready' && ranges.state.results).toBe(third);
    expect(ranges.state.kind === 'ready' && ranges.state.summary.seed).toBe(3);
  });

  it('say at once why a law has no ranges, and ignore an answer still coming for the law before', async () => {
    const worker = handWorker();
    const ranges = new LiveRanges(worker.service);
    const before = computeResults(besiroglu);
    const after = computeResults(sardana);
    ranges.follow(before);
    ranges.follow(after);
    expect(ranges.state).toMatchObject({ kind: 'none', results: after });
    expect(ranges.state.kind === 'none' && ranges.state.note).toMatch(
      /^Uncertainty of sardana2024: none published/,
    );
    worker.pending[0]?.settle(answerFor(worker.pending[0].request, 1));
    await flush();
    expect(ranges.state).toMatchObject({ kind: 'none', results: after });
    ranges.follow(null);
    expect(ranges.state).toEqual({ kind: 'off' });
  });

  it('say so when the worker fails, and compute nothing without a worker', async () => {
    const worker = handWorker();
    const ranges = new LiveRanges(worker.service);
    const results = computeResults(besiroglu);
    ranges.follow(results);
    worker.pending[0]?.fail(new Error('worker crashed'));
    await flush();
    expect(ranges.state).toEqual({
      kind: 'failed',
      results,
      message: 'the ranges could not be computed: worker crashed',
    });
    const off = new LiveRanges(null);
    off.follow(results);
    expect(off.state).toEqual({ kind: 'off' });
  });

  it('reach the exported report, which waits for ranges being computed', async () => {
    const worker = handWorker();
    const ranges = new LiveRanges(worker.service);
    const live = new LiveResults();
    live.show(besiroglu);
    ranges.follow(live.results);
    const api = new FakeApi();
    const exports = new Exports(api, new StatusLine(), live, () => 'plan', ranges);
    const written = exports.report();
    await flush();
    expect(api.exports).toEqual([]);
    const request = worker.pending[0]?.request as RangesRequest;
    worker.pending[0]?.settle(computeRanges({ ...request, draws: 40 }));
    await written;
    const report = api.exports[0]?.content ?? '';
    expect(report).toContain('## Uncertainty');
    expect(report).toContain(`40 draws of law besiroglu2024 (seed ${APP_SEED})`);
    expect(report).toMatch(/\| Lifetime-optimal \| [\d.]+B \/ [\d.]+B \/ [\d.]+B \|/);
  });

  it('follow the workspace’s results', async () => {
    const worker = handWorker();
    const workspace = new Workspace(new FakeApi(), { draftDelayMs: 0, ranges: worker.service });
    await workspace.start();
    workspace.recompute();
    expect(workspace.ranges.state.kind).toBe('none');
    workspace.doc.form.lawPreset = 'besiroglu2024';
    workspace.recompute();
    const results = workspace.live.results as Results;
    expect(results.problem.law.id).toBe('besiroglu2024');
    expect(workspace.ranges.state).toEqual({ kind: 'computing', results });
    expect(worker.pending).toHaveLength(1);
  });
});
