import { DTYPES, findGpuPreset, type Dtype, type GpuDefinition } from '../model';
import { isId } from './ids';
import { childPath, describeValue, FieldReader, quoteAll, type JsonObject } from './reader';
import type { GpuOverrides, ScenarioIssue } from './types';

/**
 * The user's own GPUs: the scenario's `gpus` section, the same definitions kept with the
 * preferences, and the per-scenario overrides of a named GPU's values. Every check of a GPU
 * definition happens here, so a file, the preferences and the editor's dialog report alike.
 */

/** More would only clutter the GPU list. */
export const MAX_CUSTOM_GPUS = 32;
export const MAX_GPU_LABEL_LENGTH = 100;

const GPU_KEYS = ['id', 'label', 'peakFlops', 'memoryGB', 'bandwidthTBs', 'boardPowerW'] as const;
export const GPU_OVERRIDE_KEYS = ['memoryGB', 'bandwidthTBs', 'boardPowerW'] as const;

/** The custom GPUs a scenario's hardware sections may name. */
export interface GpuCatalog {
  /** The valid definitions, in file order. */
  readonly gpus: readonly GpuDefinition[];
  /** Ids of definitions that were refused (and reported): references to them are not reported again. */
  readonly refused: ReadonlySet<string>;
}

export const NO_CUSTOM_GPUS: GpuCatalog = { gpus: [], refused: new Set() };

/** One GPU definition, without checking its id against other GPUs (see `readGpus`). */
export function readGpuDefinition(
  reader: FieldReader,
  value: unknown,
  path: string,
): GpuDefinition | undefined {
  const gpu = reader.object(value, path);
  if (!gpu) return undefined;
  reader.onlyKeys(gpu, path, GPU_KEYS);
  const id = readId(reader, gpu['id'], childPath(path, 'id'));
  const label = reader.text(gpu, path, 'label', id ?? '');
  if (label !== undefined && label.length > MAX_GPU_LABEL_LENGTH) {
    reader.report(childPath(path, 'label'), `longer than ${MAX_GPU_LABEL_LENGTH} characters`);
  }
  const peakFlops = readPeaks(reader, gpu['peakFlops'], childPath(path, 'peakFlops'));
  const memoryGB = reader.number(gpu, path, 'memoryGB', 'positive');
  const bandwidthTBs = reader.number(gpu, path, 'bandwidthTBs', 'positive');
  const boardPowerW = reader.number(gpu, path, 'boardPowerW', 'positive');
  if (id === undefined || label === undefined || label.length > MAX_GPU_LABEL_LENGTH || !peakFlops) return;
  if (memoryGB === undefined || bandwidthTBs === undefined || boardPowerW === undefined) return;
  return { id, label: label.trim() === '' ? id : label, peakFlops, memoryGB, bandwidthTBs, boardPowerW };
}

function readId(reader: FieldReader, value: unknown, path: string): string | undefined {
  if (value === undefined) return reader.report(path, 'missing; give the GPU an id such as "H100-PCIe"');
  if (typeof value !== 'string') return reader.report(path, `expected text, got ${describeValue(value)}`);
  if (!isId(value)) {
    return reader.report(
      path,
      `${describeValue(value)} is not a GPU id: 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit`,
    );
  }
  return value;
}

function readPeaks(
  reader: FieldReader,
  value: unknown,
  path: string,
): Partial<Record<Dtype, number>> | undefined {
  const needed = `give the dense peak FLOP/s of at least one of ${quoteAll(DTYPES)}`;
  if (value === undefined) return reader.report(path, `missing; ${needed}`);
  const peaks = reader.object(value, path);
  if (!peaks) return undefined;
  reader.onlyKeys(peaks, path, DTYPES);
  const result: Partial<Record<Dtype, number>> = {};
  let ok = true;
  for (const dtype of DTYPES) {
    if (peaks[dtype] === undefined) continue;
    const peak = reader.checkNumber(peaks[dtype], childPath(path, dtype), 'positive');
    if (peak === undefined) ok = false;
    else result[dtype] = peak;
  }
  if (ok && Object.keys(result).length === 0) return reader.report(path, needed);
  return ok ? result : undefined;
}

/**
 * Refuses a definition whose (well-formed) id is a preset's or was given before, whatever else is
 * wrong with it; `taken` maps each earlier id to where it was defined and gains this one.
 */
function uniqueId(reader: FieldReader, entry: unknown, path: string, taken: Map<string, string>): boolean {
  const id = isObject(entry) ? entry['id'] : undefined;
  if (!isId(id)) return false;
  return checkUnique(reader, id, path, taken);
}

function checkUnique(reader: FieldReader, id: string, path: string, taken: Map<string, string>): boolean {
  const at = childPath(path, 'id');
  if (findGpuPreset(id)) {
    reader.report(
      at,
      `"${id}" is a GPU preset; give your GPU another id (or override the preset's memoryGB, bandwidthTBs or boardPowerW in training or inference)`,
    );
    return false;
  }
  const earlier = taken.get(id);
  if (earlier !== undefined) {
    reader.report(at, `"${id}" is already defined${earlier ? ` at ${earlier}` : ''}`);
    return false;
  }
  taken.set(id, path);
  return true;
}

/** The `gpus` section: a list of GPU definitions whose ids clash neither with presets nor each other. */
export function readGpus(reader: FieldReader, value: unknown, path: string): GpuCatalog {
  if (value === undefined) return NO_CUSTOM_GPUS;
  if (!Array.isArray(value)) {
    reader.report(path, `expected a list of GPU definitions, got ${describeValue(value)}`);
    return NO_CUSTOM_GPUS;
  }
  if (value.length > MAX_CUSTOM_GPUS) {
    reader.report(path, `at most ${MAX_CUSTOM_GPUS} GPUs (got ${value.length})`);
    return NO_CUSTOM_GPUS;
  }
  const gpus: GpuDefinition[] = [];
  const refused = new Set<string>();
  const taken = new Map<string, string>();
  value.forEach((entry: unknown, index) => {
    const at = childPath(path, index);
    const gpu = readGpuDefinition(reader, entry, at);
    if (uniqueId(reader, entry, at, taken) && gpu) gpus.push(gpu);
    else if (isObject(entry) && typeof entry['id'] === 'string') refused.add(entry['id']);
  });
  return { gpus, refused };
}

/**
 * Optional `memoryGB`, `bandwidthTBs` and `boardPowerW` next to `gpu`, replacing that GPU's values
 * in this scenario. `named` is false for an accelerator given by `peakFlops`, which has none.
 */
export function readGpuOverrides(
  reader: FieldReader,
  hardware: JsonObject,
  path: string,
  named: boolean,
): GpuOverrides | undefined {
  const overrides: { -readonly [K in keyof GpuOverrides]: GpuOverrides[K] } = {};
  let ok = true;
  for (const key of GPU_OVERRIDE_KEYS) {
    if (hardware[key] === undefined) continue;
    if (!named) {
      reader.report(
        childPath(path, key),
        'only with "gpu": to give more than a peak, define the GPU in "gpus" and name it here',
      );
      ok = false;
      continue;
    }
    const number = reader.checkNumber(hardware[key], childPath(path, key), 'positive');
    if (number === undefined) ok = false;
    else overrides[key] = number;
  }
  return ok ? overrides : undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type GpuListResult =
  | { readonly ok: true; readonly gpus: readonly GpuDefinition[] }
  | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

/** Checks a list of the user's GPUs (a preferences update) as strictly as a scenario's `gpus`. */
export function checkGpuList(value: unknown, path: string): GpuListResult {
  const reader = new FieldReader();
  const { gpus } = readGpus(reader, value, path);
  return reader.issues.length === 0 ? { ok: true, gpus } : { ok: false, issues: reader.issues };
}

export type GpuDefinitionResult =
  | { readonly ok: true; readonly gpu: GpuDefinition }
  | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

/**
 * Checks one new GPU (the editor's dialog) against the presets and the GPUs already `defined`;
 * issue paths are relative to the definition: `id`, `peakFlops.bf16`, `memoryGB`…
 */
export function checkNewGpu(value: unknown, defined: readonly GpuDefinition[]): GpuDefinitionResult {
  const reader = new FieldReader();
  const gpu = readGpuDefinition(reader, value, '');
  const taken = new Map(defined.map((existing) => [existing.id, '']));
  if (uniqueId(reader, value, '', taken) && gpu && reader.issues.length === 0) return { ok: true, gpu };
  return { ok: false, issues: reader.issues };
}

/**
 * Stored GPUs read back: every entry that is still a valid, unclashing definition, the rest
 * dropped (a damaged entry, or an id a newer build made a preset).
 */
export function keepValidGpus(value: unknown): GpuDefinition[] {
  if (!Array.isArray(value)) return [];
  const kept: GpuDefinition[] = [];
  for (const entry of value.slice(0, MAX_CUSTOM_GPUS)) {
    const result = checkNewGpu(entry, kept);
    if (result.ok) kept.push(result.gpu);
  }
  return kept;
}
