import { describe, expect, it } from 'vitest';
import { baseName } from '../../src/shared/documents';
import { ScenarioDocument } from '../../src/renderer/lib/document.svelte';
import { newScenario } from '../../src/renderer/lib/new-scenario';
import { labGpu } from '../support/scenarios';

const scenario = newScenario({ defaultLaw: null, defaultHardware: null });

describe('the open scenario', () => {
  it('is titled by its file, else by its name', () => {
    const doc = new ScenarioDocument(scenario);
    expect(doc.title).toBe('Untitled scenario');
    doc.form.name = '  ';
    expect(doc.title).toBe('Untitled scenario');
    doc.form.name = 'Plan';
    expect(doc.title).toBe('Plan');
    doc.markSaved('C:\\plans\\plan.tradeoff.json');
    expect(doc.title).toBe('plan.tradeoff.json');
    expect(baseName('/plans/a.tradeoff.json')).toBe('a.tradeoff.json');
  });

  it('has unsaved changes from an edit until it is saved, and a recovered draft has them at once', () => {
    const doc = new ScenarioDocument(scenario, '/plans/a.tradeoff.json');
    expect(doc.dirty).toBe(false);
    doc.form.demand.requests = '1M';
    expect(doc.dirty).toBe(true);
    doc.markSaved('/plans/a.tradeoff.json');
    expect(doc.dirty).toBe(false);
    doc.load(scenario, null, { dirty: true });
    expect(doc).toMatchObject({ dirty: true, path: null });
  });

  it('validates as the user types, with each issue at its field', () => {
    const doc = new ScenarioDocument(scenario);
    expect(doc.result.ok).toBe(true);
    doc.form.training.mfu = '2';
    doc.form.demand.requests = 'many';
    expect(doc.result.ok).toBe(false);
    expect(doc.issuesAt('training.mfu')).toEqual(['2 is outside (0, 1]']);
    expect(doc.issuesAt('demand.requests')).toHaveLength(1);
    expect(doc.issuesAt('inference.mfu')).toEqual([]);
  });

  it('offers its own GPUs before the user’s, and names the user’s it uses', () => {
    const own = { ...labGpu, memoryGB: 40 };
    const other = { ...labGpu, id: 'other', label: 'Other' };
    const doc = new ScenarioDocument({ ...scenario, gpus: [own] }, null, { library: () => [labGpu, other] });
    expect(doc.customGpus()).toEqual([own, other]);
    doc.form.inference.gpu = 'other';
    expect(doc.result.ok && doc.result.scenario.gpus).toEqual([own, other]);
  });
});
