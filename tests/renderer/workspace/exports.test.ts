import { describe, expect, it } from 'vitest';
import { newScenario } from '../../../src/renderer/lib/new-scenario';
import { Exports, fileStem } from '../../../src/renderer/lib/workspace/exports';
import { LiveResults } from '../../../src/renderer/lib/workspace/results.svelte';
import { StatusLine } from '../../../src/renderer/lib/workspace/status.svelte';
import { FakeApi } from './fake-api';

describe('exports', () => {
  it('are named after the document, safely', () => {
    expect(fileStem('My plan: 70B')).toBe('My-plan-70B');
    expect(fileStem('chatbot.tradeoff.json')).toBe('chatbot');
    expect(fileStem('***')).toBe('scenario');
  });

  it('write nothing before there are results', async () => {
    const api = new FakeApi();
    const exports = new Exports(api, new StatusLine(), new LiveResults(), () => 'Plan');
    await exports.csv();
    await exports.report();
    expect(api.exports).toEqual([]);
  });

  it('write the results on screen as CSV and Markdown, and say where', async () => {
    const api = new FakeApi();
    const status = new StatusLine();
    const live = new LiveResults();
    live.show({ ...newScenario({ defaultLaw: null, defaultHardware: null }), name: 'Chatbot' });
    const exports = new Exports(api, status, live, () => 'chatbot.tradeoff.json');
    await exports.csv();
    await exports.report();
    expect(api.exports.map(({ suggestedName, kind }) => `${suggestedName}.${kind}`)).toEqual([
      'chatbot.csv',
      'chatbot.md',
    ]);
    expect(api.exports[0]?.content.split('\n')[0]).toMatch(/^scenario,/);
    expect(api.exports[1]?.content).toContain('Chatbot');
    expect(status.current).toEqual({ kind: 'info', text: 'Exported chatbot.md' });
    api.failing.exportResults = 'disk full';
    await exports.csv();
    expect(status.current).toEqual({ kind: 'error', text: 'Export failed: disk full' });
  });
});
