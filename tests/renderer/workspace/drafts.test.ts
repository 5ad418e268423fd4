import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formFromScenario, scenarioFromForm } from '../../../src/renderer/lib/form';
import { newScenario } from '../../../src/renderer/lib/new-scenario';
import {
  DRAFT_DELAY_MS,
  draftOf,
  Drafts,
  readDraft,
  type DraftSource,
} from '../../../src/renderer/lib/workspace/drafts.svelte';
import { MAX_SCENARIO_BYTES, serializeScenario } from '../../../src/scenario';
import { FakeApi } from './fake-api';

const scenario = newScenario({ defaultLaw: null, defaultHardware: null });

/** The document as the user left it: valid unless `requests` does not parse. */
function source(requests = '1M', dirty = true): DraftSource {
  const form = formFromScenario(scenario);
  form.demand.requests = requests;
  return { result: scenarioFromForm(form), dirty, path: '/plans/a.tradeoff.json', form };
}

describe('what a draft keeps', () => {
  it('clears the draft once nothing is unsaved', () => {
    expect(draftOf(source('1M', false), scenario)).toBe('clear');
  });

  it('keeps a valid document’s scenario, without the fields as typed', () => {
    const draft = draftOf(source('1M'), undefined);
    expect(draft).toMatchObject({ path: '/plans/a.tradeoff.json', scenario: { demand: { requests: 1e6 } } });
    expect(draft).not.toHaveProperty('form');
  });

  it('keeps the last valid scenario and the fields as typed while they do not parse', () => {
    const draft = draftOf(source('12 bn'), scenario);
    expect(draft).toMatchObject({ scenario });
    expect(draft !== 'clear' && draft?.form).toContain('12 bn');
  });

  it('keeps nothing without a valid scenario, and leaves out fields too large to keep', () => {
    expect(draftOf(source('12 bn'), undefined)).toBeUndefined();
    const huge = source('12 bn');
    huge.form.notes = 'x'.repeat(MAX_SCENARIO_BYTES);
    expect(draftOf(huge, scenario)).toEqual({ path: huge.path, scenario });
  });
});

describe('reading a draft back', () => {
  const draft = {
    id: 'd1',
    name: 'A',
    path: null,
    text: serializeScenario(scenario),
    savedAt: '2026-01-01T00:00:00Z',
  };

  it('gives its scenario, and the fields as typed when it kept them', () => {
    expect(readDraft(draft)).toEqual({ ok: true, scenario, path: null });
    const typed = readDraft({ ...draft, form: JSON.stringify(source('12 bn').form) });
    expect(typed.ok && typed.form?.demand.requests).toBe('12 bn');
  });

  it('refuses a damaged one, and ignores damaged fields', () => {
    expect(readDraft({ ...draft, text: '{"target": 1' })).toEqual({ ok: false });
    expect(readDraft({ ...draft, form: '{not json' })).toEqual({ ok: true, scenario, path: null });
  });
});

describe('the crash-safety draft', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is written once edits settle, only the last of a burst', async () => {
    const api = new FakeApi();
    const drafts = new Drafts(api);
    drafts.schedule(source('1M'), undefined);
    drafts.schedule(source('2M'), undefined);
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS - 1);
    expect(api.drafts).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.drafts).toHaveLength(1);
    expect(api.drafts[0]?.scenario.demand).toMatchObject({ requests: 2e6 });
  });

  it('writes each document’s draft under its own id, and a new document gets a new id', async () => {
    const api = new FakeApi();
    const drafts = new Drafts(api, 10);
    const first = drafts.id;
    drafts.schedule(source('1M'), undefined);
    await vi.advanceTimersByTimeAsync(10);
    drafts.startDocument();
    expect(api.cleared).toEqual([first]);
    expect(drafts.id).not.toBe(first);
    expect(drafts.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    drafts.schedule(source('2M'), undefined);
    await vi.advanceTimersByTimeAsync(10);
    expect(api.drafts.map((draft) => draft.id)).toEqual([first, drafts.id]);
  });

  it('is cleared once the document is saved, only when one was written', async () => {
    const api = new FakeApi();
    const drafts = new Drafts(api, 10);
    drafts.schedule(source('1M', false), scenario);
    drafts.clear();
    await vi.advanceTimersByTimeAsync(10);
    expect(api.cleared).toEqual([]);
    drafts.schedule(source('1M'), scenario);
    await vi.advanceTimersByTimeAsync(10);
    drafts.schedule(source('1M', false), scenario);
    await vi.advanceTimersByTimeAsync(10);
    expect(api.cleared).toEqual([drafts.id]);
  });

  it('says why drafts are not being written, until one is', async () => {
    const api = new FakeApi();
    const drafts = new Drafts(api, 10);
    api.draftFailure = 'the disk is full (/home/u/.config/tradeoff/drafts)';
    drafts.schedule(source('1M'), scenario);
    await vi.advanceTimersByTimeAsync(10);
    expect(drafts.failure).toBe('the disk is full (/home/u/.config/tradeoff/drafts)');
    // A host that cannot answer at all (the IPC failed) is reported the same way.
    api.draftFailure = null;
    api.failing.setDraft = 'Error invoking remote method';
    drafts.schedule(source('2M'), scenario);
    await vi.advanceTimersByTimeAsync(10);
    expect(drafts.failure).toBe('Error invoking remote method');
    delete api.failing.setDraft;
    drafts.schedule(source('3M'), scenario);
    await vi.advanceTimersByTimeAsync(10);
    expect(drafts.failure).toBeNull();
    expect(api.drafts.map((draft) => draft.scenario.demand)).toMatchObject([{ requests: 3e6 }]);
  });

  it('left by a crash is on offer until restored or discarded, and survives the new document at start', async () => {
    const api = new FakeApi();
    const crashed = (id: string, savedAt: string) => ({
      id,
      name: 'A',
      path: null,
      text: serializeScenario(scenario),
      savedAt,
    });
    api.stored = [crashed('newer', '2026-01-02T00:00:00Z'), crashed('older', '2026-01-01T00:00:00Z')];
    const drafts = new Drafts(api, 10);
    expect(drafts.take('newer')).toBeUndefined();
    await drafts.load();
    // The page schedules a draft of its fresh, clean document at start: that must not delete
    // the drafts on offer (it did, 400 ms after start, before the user could click Restore).
    drafts.schedule(source('1M', false), scenario);
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.cleared).toEqual([]);
    expect(drafts.recoverable.map((draft) => draft.id)).toEqual(['newer', 'older']);

    expect(drafts.take('newer')).toEqual({ ok: true, scenario, path: null });
    expect(drafts.id).toBe('newer');
    drafts.discard('older');
    expect(drafts.recoverable).toEqual([]);
    expect(api.cleared).toEqual(['older']);
    // The restored draft is now the document's: edits replace it, under its id.
    drafts.schedule(source('5M'), scenario);
    await vi.advanceTimersByTimeAsync(10);
    expect(api.drafts.map((draft) => draft.id)).toEqual(['newer']);
  });

  it('does not offer the open document’s own draft back to it', async () => {
    const api = new FakeApi();
    const drafts = new Drafts(api, 10);
    api.stored = [{ id: drafts.id, name: 'A', path: null, text: '{}', savedAt: '2026-01-01T00:00:00Z' }];
    await drafts.load();
    expect(drafts.recoverable).toEqual([]);
  });
});
