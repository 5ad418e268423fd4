import { describe, expect, it } from 'vitest';
import { LAW_PRESETS } from '../../src/model';
import { example, run } from '../support/cli';

describe('tradeoff laws', () => {
  const file = example('sardana-70b-chatbot');

  it('prints one row per preset, marking the scenario’s own law and the carried-over target', async () => {
    const { status, out } = await run('laws', file);
    expect(status).toBe(0);
    expect(out).toContain('target     loss 1.947 (under the other laws: compute-optimal 34.1B model)');
    expect(out).toMatch(/sardana2024 \(this scenario’s\)\s+1\.947\s+20\.5B/);
    for (const preset of LAW_PRESETS) expect(out).toContain(preset.id);
  });

  it('gives the same answers as JSON and CSV', async () => {
    const parsed = JSON.parse((await run('laws', file, '--format', 'json')).out) as {
      laws: { lawId: string; result: { ok: boolean; lifetimeOptimal?: { params: number } } }[];
    };
    const [header = '', ...rows] = (await run('laws', file, '--format', 'csv')).out.split('\n');
    const params = header.split(',').indexOf('params');
    expect(rows.map((row) => Number(row.split(',')[params]))).toEqual(
      parsed.laws.map((law) => law.result.lifetimeOptimal?.params),
    );
  });

  it('needs exactly one file', async () => {
    expect((await run('laws')).status).toBe(2);
    expect((await run('laws', file, file)).err).toContain('laws needs exactly one scenario file');
  });
});
