import {
  DEFAULT_GRID_KG_CO2_PER_KWH,
  DEFAULT_GRID_SOURCE,
  DEFAULT_PUE,
  DEFAULT_PUE_SOURCE,
  findGpuPreset,
  PAPERS,
  type LossLaw,
  type PaperId,
  type Solution,
  type WarningCode,
} from '../model';
import type { AcceleratorSpec, Scenario } from '../scenario';

/** One source of one solution's numbers: what it gave, and where it was published. */
export interface Source {
  readonly usedFor: string;
  readonly citation: string;
  readonly title?: string;
  readonly url?: string;
}

/**
 * Every source the engine used for this solution, the one rule that both the report and the
 * Sources dialog follow: the law's own source and fit runs, the papers behind each part of the
 * problem the scenario switched on, the hardware datasheets and prices it took from the presets,
 * and the energy assumptions it kept. Values the scenario sets itself have no source but the file.
 */
export function solutionSources(scenario: Scenario, law: LossLaw, solution: Solution): Source[] {
  const used = paperIds(scenario, law, solution);
  return [
    { usedFor: `the scaling law ${law.id}`, citation: law.source },
    ...(law.evidence ? [{ usedFor: 'the runs the law was fitted on', citation: law.evidence.source }] : []),
    ...PAPERS.filter((paper) => used.has(paper.id)),
    ...unique([...gpuSources(scenario, scenario.training), ...gpuSources(scenario, scenario.inference)]),
    ...energySources(scenario),
  ];
}

function paperIds(scenario: Scenario, law: LossLaw, solution: Solution): Set<PaperId> {
  // Every solution prices 6ND and 2N per token (Kaplan), has a Chinchilla optimum (Hoffmann) and
  // a lifetime optimum (Sardana).
  const ids = new Set<PaperId>(['kaplan2020', 'hoffmann2022', 'sardana2024']);
  const lawText = `${law.source} ${law.evidence?.source ?? ''}`;
  for (const paper of PAPERS) if (lawText.includes(paper.citation)) ids.add(paper.id);
  if (scenario.data) ids.add('muennighoff2023');
  for (const id of testTimePapers(scenario)) ids.add(id);
  if (scenario.inference.decode.model === 'roofline' || sizesReplicas(solution)) {
    for (const id of SHAPE_PAPERS) ids.add(id);
  }
  for (const warning of solution.warnings) {
    const id = WARNING_PAPERS[warning.code];
    if (id) ids.add(id);
  }
  return ids;
}

/** The papers behind the shape derived from N, which sizes the KV cache (roofline, replica GPUs). */
const SHAPE_PAPERS: readonly PaperId[] = ['touvron2023', 'touvron2023-llama2', 'llama3-2024'];

/** Warnings whose threshold comes from a paper. */
const WARNING_PAPERS: Partial<Record<WarningCode, PaperId>> = {
  'tokens-beyond-largest-dataset': 'qwen2024',
  'tokens-beyond-indexed-web': 'villalobos2024',
};

function testTimePapers(scenario: Scenario): PaperId[] {
  const testTime = scenario.testTime;
  if (!testTime) return [];
  if (testTime.model === 'exchange') return ['villalobos-atkinson2023', 'snell2024'];
  const selection: Record<typeof testTime.selection, PaperId> = {
    verifier: 'brown2024',
    'imperfect-verifier': 'stroebl2024',
    majority: 'condorcet',
  };
  return [...('value' in testTime.p1 ? [] : ['gadre2024' as const]), selection[testTime.selection]];
}

/** Whether the candidates carry a replica size, which the KV cache of the derived shape sets. */
function sizesReplicas(solution: Solution): boolean {
  return solution.lifetimeOptimal.replicaGpus !== undefined;
}

/** A preset GPU's datasheet, and its price and board power where the scenario kept the preset's. */
function gpuSources(scenario: Scenario, spec: AcceleratorSpec & { readonly pricePerHour: number }): Source[] {
  const preset = 'gpu' in spec ? findGpuPreset(spec.gpu) : undefined;
  if (!preset) return [];
  const { label } = preset;
  const keepsPower = !('boardPowerW' in spec && spec.boardPowerW !== undefined) && !scenario.energy.gpuWatts;
  return [
    { usedFor: `${label}: dense peak FLOP/s, memory and bandwidth`, citation: preset.source },
    ...(spec.pricePerHour === preset.price.perHour
      ? [
          {
            usedFor: `${label}: $${preset.price.perHour.toFixed(2)} per GPU-hour (${preset.price.date})`,
            citation: preset.price.source,
          },
        ]
      : []),
    ...(keepsPower
      ? [{ usedFor: `${label}: ${preset.boardPowerW} W board power`, citation: preset.powerSource }]
      : []),
  ];
}

function energySources(scenario: Scenario): Source[] {
  const { pue, gridKgCo2PerKwh } = scenario.energy;
  return [
    ...(pue === DEFAULT_PUE ? [{ usedFor: `PUE ${DEFAULT_PUE}`, citation: DEFAULT_PUE_SOURCE }] : []),
    ...(gridKgCo2PerKwh === DEFAULT_GRID_KG_CO2_PER_KWH
      ? [
          {
            usedFor: `grid carbon intensity ${DEFAULT_GRID_KG_CO2_PER_KWH} kg CO₂/kWh`,
            citation: DEFAULT_GRID_SOURCE,
          },
        ]
      : []),
  ];
}

/** Sources listed once, where training and inference run on the same GPU. */
function unique(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((source) => {
    const key = `${source.usedFor}\n${source.citation}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A source as one line of text: "citation, “title”, url — what it gave", as the Sources dialog lists it. */
export function sourceLine(source: Source): string {
  const title = source.title ? `, “${source.title}”` : '';
  const url = source.url ? `, ${source.url}` : '';
  return `${source.citation}${title}${url} — ${source.usedFor}`;
}
