import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAPERS, type PaperId } from '../../src/model';
import { solutionSources, sourceLine, type Source } from '../../src/report/sources';
import { exampleJson, solvedExample, solvedFrom } from '../support/solved-examples';

const paperIds = (sources: readonly Source[]) =>
  PAPERS.filter((paper) => sources.includes(paper)).map((paper) => paper.id);

function sourcesOf(input: string | object): Source[] {
  const { scenario, problem, solution } =
    typeof input === 'string' ? solvedExample(input) : solvedFrom(input);
  return solutionSources(scenario, problem.law, solution);
}

const MINIMAL = {
  target: { computeOptimalParams: 1e9 },
  demand: { requests: 1e8, inputTokensPerRequest: 500, outputTokensPerRequest: 500 },
  baselines: [20],
};

describe('the sources of a solution', () => {
  it("start with the law's source and runs, then Kaplan, Hoffmann and Sardana et al. for every solution", () => {
    const sources = sourcesOf('sardana-70b-chatbot.tradeoff.json');
    expect(sources[0]?.usedFor).toBe('the scaling law sardana2024');
    expect(sources[0]?.citation).toMatch(/^Sardana et al\. 2024, arXiv 2401\.00448/);
    expect(sources[1]?.usedFor).toBe('the runs the law was fitted on');
    // sardana2024's source also cites de Vries 2023, so it is listed.
    expect(paperIds(sources)).toEqual([
      'kaplan2020',
      'hoffmann2022',
      'sardana2024',
      'devries2023',
      'touvron2023',
      'touvron2023-llama2',
      'llama3-2024',
    ]);
  });

  it('list the exchange-rate papers when test-time compute is on (model A), and no others', () => {
    const ids = paperIds(sourcesOf('reasoning-assistant.tradeoff.json'));
    expect(ids).toEqual(expect.arrayContaining(['villalobos-atkinson2023', 'snell2024']));
    for (const id of ['gadre2024', 'brown2024', 'stroebl2024', 'condorcet'] as const) {
      expect(ids).not.toContain(id);
    }
    expect(paperIds(sourcesOf('sardana-70b-chatbot.tradeoff.json'))).not.toContain('snell2024');
  });

  it("list Gadre et al.'s mapping and the selection rule's paper under the task-accuracy model (model B)", () => {
    const accuracy = (testTime: object) =>
      paperIds(
        sourcesOf({
          ...MINIMAL,
          target: undefined,
          testTime: { model: 'accuracy', targetAccuracy: 0.8, ...testTime },
        }),
      );
    const mapping = { epsilon: 0.9, k: 4, gamma: 1 };
    const picked = (ids: PaperId[]) =>
      ids.filter((id) => ['gadre2024', 'brown2024', 'stroebl2024', 'condorcet', 'snell2024'].includes(id));
    expect(picked(accuracy({ p1: mapping, selection: 'verifier' }))).toEqual(['gadre2024', 'brown2024']);
    expect(picked(accuracy({ p1: mapping, selection: 'imperfect-verifier', falsePassRate: 0.01 }))).toEqual([
      'gadre2024',
      'stroebl2024',
    ]);
    expect(picked(accuracy({ p1: mapping, selection: 'majority' }))).toEqual(['gadre2024', 'condorcet']);
    // A per-attempt success given directly uses no mapping from the loss.
    expect(
      picked(
        paperIds(
          sourcesOf({
            ...MINIMAL,
            testTime: { model: 'accuracy', targetAccuracy: 0.8, p1: { value: 0.5 }, selection: 'verifier' },
          }),
        ),
      ),
    ).toEqual(['brown2024']);
  });

  it('list Muennighoff et al. with a data limit, and the GPU datasheet the roofline reads', () => {
    const sources = sourcesOf('data-limited-roofline.tradeoff.json');
    expect(paperIds(sources)).toContain('muennighoff2023');
    expect(sources.map((source) => source.usedFor)).toContain(
      'NVIDIA H100 SXM: dense peak FLOP/s, memory and bandwidth',
    );
    const json = exampleJson('data-limited-roofline.tradeoff.json');
    delete json.data;
    expect(paperIds(sourcesOf(json))).not.toContain('muennighoff2023');
  });

  it("list a preset's price only when the scenario kept it, and the energy assumptions only when kept", () => {
    const kept = sourcesOf({
      ...MINIMAL,
      training: { gpu: 'H100-SXM', dtype: 'bf16', pricePerHour: 3 },
      inference: { gpu: 'H100-SXM', dtype: 'bf16', pricePerHour: 3 },
    });
    const price = kept.filter((source) => source.usedFor === 'NVIDIA H100 SXM: $3.00 per GPU-hour (2026)');
    // Training and inference on the same GPU at the same price: listed once.
    expect(price).toHaveLength(1);
    expect(kept.map((source) => source.usedFor)).toEqual(
      expect.arrayContaining(['PUE 1.2', 'grid carbon intensity 0.4 kg CO₂/kWh']),
    );
    const own = sourcesOf({
      ...MINIMAL,
      training: { gpu: 'H100-SXM', dtype: 'bf16', pricePerHour: 2.2 },
      inference: { gpu: 'H100-SXM', dtype: 'bf16', pricePerHour: 2.2 },
      energy: { pue: 1.1, gridKgCo2PerKwh: 0.05, gpuWatts: 650 },
    });
    const used = own.map((source) => source.usedFor);
    expect(used.filter((text) => /per GPU-hour|board power|PUE|grid/.test(text))).toEqual([]);
  });

  it('list the paper behind a data-size warning', () => {
    expect(paperIds(sourcesOf('frontier-modest-demand.tradeoff.json'))).toContain('qwen2024');
    expect(paperIds(sourcesOf('sardana-70b-chatbot.tradeoff.json'))).not.toContain('qwen2024');
  });

  it('read as one line each: citation, title, address, what it gave', () => {
    const snell = PAPERS.find((paper) => paper.id === 'snell2024');
    if (!snell) throw new Error('no Snell et al.');
    expect(sourceLine(snell)).toBe(
      'Snell et al. 2024, “Scaling LLM Test-Time Compute Optimally can be More Effective than Scaling Model Parameters”, ' +
        'https://arxiv.org/abs/2408.03314 — the exchange rate of test-time for training compute',
    );
    expect(sourceLine({ citation: 'Stroebl et al. 2024', usedFor: 'x' })).toBe('Stroebl et al. 2024 — x');
  });
});

/** Every TypeScript file under src/ but the catalogue itself, and the science notes. */
function citingText(dir: string): string {
  return readdirSync(dir)
    .map((name) => path.join(dir, name))
    .map((file) => {
      if (statSync(file).isDirectory()) return citingText(file);
      return file.endsWith('.ts') && !file.endsWith('reference-models.ts') ? readFileSync(file, 'utf8') : '';
    })
    .join('\n');
}

describe('the paper catalogue', () => {
  const cited = `${citingText(path.resolve('src'))}\n${readFileSync(path.resolve('docs/science.md'), 'utf8')}`;

  it('names each paper as the code or the science notes that use it do: first author and arXiv number', () => {
    for (const paper of PAPERS) {
      const author = paper.citation.split(/[ ’]/)[0] ?? '';
      expect(cited, paper.id).toContain(author);
      const arxiv = /arxiv\.org\/abs\/(\d{4}\.\d{4,5})/.exec(paper.url ?? '')?.[1];
      if (arxiv) expect(cited, paper.id).toContain(`arXiv ${arxiv}`);
    }
  });

  it('has one entry per id', () => {
    expect(new Set(PAPERS.map((paper) => paper.id)).size).toBe(PAPERS.length);
  });
});
