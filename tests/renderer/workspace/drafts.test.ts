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
  const draft = { path: null, text: serializeScenario(scenario), savedAt: '2026-01-01T00:00:00Z' };

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

  it('is cleared once the document is saved, and a failed write is no error', async () => {
    const api = new FakeApi();
    const drafts = new Drafts(api, 10);
    drafts.schedule(source('1M', false), scenario);
    await vi.advanceTimersByTimeAsync(10);
    expect(api.draftsCleared).toBe(1);
    api.failing.setDraft = 'quota exceeded';
    drafts.schedule(source('1M'), scenario);
    await vi.advanceTimersByTimeAsync(10);
    expect(api.drafts).toEqual([]);
  });

  it('left by a crash is on offer until taken or discarded', async () => {
    const api = new FakeApi();
    api.draft = { path: null, text: serializeScenario(scenario), savedAt: '2026-01-01T00:00:00Z' };
    const drafts = new Drafts(api);
    expect(drafts.take()).toBeUndefined();
    await drafts.load();
    expect(drafts.recoverable).toBe(api.draft);
    expect(drafts.take()).toEqual({ ok: true, scenario, path: null });
    expect(drafts.recoverable).toBeNull();
    await drafts.load();
    drafts.discard();
    expect(drafts.recoverable).toBeNull();
    expect(api.draftsCleared).toBe(1);
  });
});
