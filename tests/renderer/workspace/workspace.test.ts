import { describe, expect, it } from 'vitest';
import { findGpuPreset, ScienceError } from '../../../src/model';
import { computeResults } from '../../../src/renderer/lib/results';
import { newScenario } from '../../../src/renderer/lib/new-scenario';
import { Workspace } from '../../../src/renderer/lib/workspace/workspace.svelte';
import { serializeScenario } from '../../../src/scenario';
import type { OpenedFile } from '../../../src/shared/ipc';
import { FakeApi } from './fake-api';

async function started(api = new FakeApi()): Promise<{ api: FakeApi; workspace: Workspace }> {
  const workspace = new Workspace(api, { draftDelayMs: 0 });
  await workspace.start();
  workspace.recompute();
  return { api, workspace };
}

/** A scenario file as the Open dialog gives it. */
function file(path: string, name = 'Plan'): OpenedFile {
  const scenario = newScenario({ defaultLaw: null, defaultHardware: null });
  return { path, text: serializeScenario({ ...scenario, name }) };
}

describe('the workspace', () => {
  it('starts a new scenario with the stored defaults for new scenarios, and computes it', async () => {
    const api = new FakeApi();
    api.preferences = { ...api.preferences, defaultLaw: 'besiroglu2024', defaultHardware: 'B200' };
    const { workspace } = await started(api);
    expect(workspace.doc.form).toMatchObject({ lawPreset: 'besiroglu2024', training: { gpu: 'B200' } });
    expect(workspace.doc.form.training.pricePerHour).toBe(String(findGpuPreset('B200')?.price.perHour));
    expect(workspace.live.results?.problem.law.id).toBe('besiroglu2024');
    expect(workspace.doc.dirty).toBe(false);
  });

  it('opens a file, or says precisely why not and keeps the document', async () => {
    const { api, workspace } = await started();
    api.nextOpen = file('/plans/a.tradeoff.json');
    await workspace.open();
    expect(workspace.doc.path).toBe('/plans/a.tradeoff.json');
    expect(workspace.doc.form.name).toBe('Plan');
    expect(workspace.status.current).toEqual({ kind: 'info', text: 'Opened /plans/a.tradeoff.json' });
    workspace.loadFile({ path: '/plans/b.tradeoff.json', text: '{"target": {"loss": "x"}, "demand": {}}' });
    expect(workspace.status.current?.text).toBe(
      '/plans/b.tradeoff.json was not opened: target.loss: expected a number, got "x" (text) (and 1 more)',
    );
    expect(workspace.doc.path).toBe('/plans/a.tradeoff.json');
    api.failing.openScenario = 'no access';
    await workspace.open();
    expect(workspace.status.current?.text).toBe('Open failed: no access');
  });

  it('drops the previous file’s results when the engine refuses the file opened next', async () => {
    const api = new FakeApi();
    const workspace = new Workspace(api, {
      draftDelayMs: 0,
      compute: (scenario) => {
        if (scenario.name === 'Out of reach') throw new ScienceError('unreachable', 'no model reaches it');
        return computeResults(scenario);
      },
    });
    await workspace.start();
    workspace.loadFile(file('/plans/a.tradeoff.json', 'Reachable'));
    expect(workspace.live.exportable?.scenario.name).toBe('Reachable');
    workspace.loadFile(file('/plans/b.tradeoff.json', 'Out of reach'));
    expect(workspace.doc.path).toBe('/plans/b.tradeoff.json');
    expect(workspace.live.results).toBeNull();
    expect(workspace.live.error).toBe('no model reaches it');
    await workspace.exports.report();
    expect(api.exports).toEqual([]);
    // Back to a file that solves: its own results, exportable again.
    workspace.loadFile(file('/plans/a.tradeoff.json', 'Reachable'));
    expect(workspace.live.exportable?.scenario.name).toBe('Reachable');
  });

  it('opens the disk version when Save found the file changed and the user chose to reload it', async () => {
    const { api, workspace } = await started();
    workspace.loadFile(file('/plans/a.tradeoff.json', 'Mine'));
    workspace.doc.form.name = 'Mine, edited';
    api.reloadOnSave = file('/plans/a.tradeoff.json', 'Theirs');
    await expect(workspace.save()).resolves.toBe(false);
    expect(workspace.doc.form.name).toBe('Theirs');
    expect(workspace.doc.dirty).toBe(false);
    expect(workspace.live.exportable?.scenario.name).toBe('Theirs');
  });

  it('asks before replacing unsaved changes: cancel keeps them, discard drops them, save saves first', async () => {
    const { api, workspace } = await started();
    workspace.doc.form.name = 'Mine';
    const cancelled = workspace.newDocument();
    workspace.unsaved.answer('cancel');
    await cancelled;
    expect(workspace.doc.form.name).toBe('Mine');
    const discarded = workspace.newDocument();
    workspace.unsaved.answer('discard');
    await discarded;
    expect(workspace.doc.form.name).toBe('Untitled scenario');
    workspace.doc.form.name = 'Kept';
    const saved = workspace.openGiven(file('/plans/c.tradeoff.json', 'Other'));
    workspace.unsaved.answer('save');
    await saved;
    expect(api.saves.map((save) => save.scenario.name)).toEqual(['Kept']);
    expect(workspace.doc.form.name).toBe('Other');
  });

  it('saves only a valid scenario, in place once it has a path', async () => {
    const { api, workspace } = await started();
    workspace.doc.form.target.params = 'lots';
    expect(await workspace.save()).toBe(false);
    expect(workspace.status.current?.text).toMatch(
      /^Cannot save yet: target\.model\.params: "lots" is not a number/,
    );
    workspace.doc.form.target.params = '7B';
    expect(await workspace.save()).toBe(true);
    expect(workspace.doc).toMatchObject({
      path: 'plan.tradeoff.json',
      dirty: false,
      title: 'plan.tradeoff.json',
    });
    expect(await workspace.save()).toBe(true);
    expect(api.saves.map(({ path, as }) => [path, as])).toEqual([
      [null, false],
      ['plan.tradeoff.json', false],
    ]);
    api.saveAnswer = null;
    expect(await workspace.save(true)).toBe(false);
  });

  it('exports the results under the document’s name', async () => {
    const { api, workspace } = await started();
    workspace.doc.form.name = 'My plan: 70B';
    workspace.recompute();
    await workspace.exports.csv();
    await workspace.exports.report();
    expect(api.exports.map(({ suggestedName, kind }) => [suggestedName, kind])).toEqual([
      ['My-plan-70B', 'csv'],
      ['My-plan-70B', 'md'],
    ]);
    expect(api.exports[1]?.content).toContain('My plan: 70B');
    expect(workspace.status.current?.text).toBe('Exported My-plan-70B.md');
  });

  it('restores a recovered draft with the fields as typed, and their last valid results', async () => {
    const api = new FakeApi();
    const base = file('/plans/d.tradeoff.json', 'Recovered');
    const { workspace: typing } = await started();
    typing.doc.form.demand.requests = '12 bn';
    api.draft = {
      path: base.path,
      text: base.text,
      form: JSON.stringify({ ...typing.doc.form, name: 'Recovered' }),
      savedAt: '2026-01-01T00:00:00Z',
    };
    const { workspace } = await started(api);
    expect(workspace.drafts.recoverable).not.toBeNull();
    workspace.recoverDraft();
    expect(workspace.doc).toMatchObject({ path: '/plans/d.tradeoff.json', dirty: true });
    expect(workspace.doc.form.demand.requests).toBe('12 bn');
    expect(workspace.doc.result.ok).toBe(false);
    expect(workspace.live.results?.scenario.name).toBe('Recovered');
  });

  it('discards a recovered draft it cannot read, and says so', async () => {
    const api = new FakeApi();
    api.draft = { path: null, text: 'garbage', savedAt: '2026-01-01T00:00:00Z' };
    const { workspace } = await started(api);
    workspace.recoverDraft();
    expect(workspace.status.current).toEqual({
      kind: 'error',
      text: 'The recovered draft could not be read; it was discarded.',
    });
    expect(api.draftsCleared).toBe(1);
  });
});
