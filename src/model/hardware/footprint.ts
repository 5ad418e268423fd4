import {
  requireNonNegative,
  requirePositive,
  requireRepresentable,
  ScienceError,
  formatForMessage,
} from '../errors';

/**
 * Time and energy of training and serving a model: wall-clock days, kWh and CO₂ (GPU-hours come
 * from the bill itself, see optimum/candidate.ts).
 * Energy counts GPU board power only (times PUE): it leaves out host CPUs, networking and storage,
 * and uses the datasheet TDP, which real runs average below. To include the rest of the server, raise
 * `gpuWatts` (e.g. an 8-GPU DGX H100 system is rated ~10.2 kW maximum, ~1.3 kW per GPU).
 */

const HOURS_PER_DAY = 24;
const WATTS_PER_KILOWATT = 1000;

/**
 * Power usage effectiveness (facility energy / IT energy). Assumption: 1.2, typical of recent
 * large and hyperscale data centres (hyperscalers report ~1.1, the Uptime Institute's industry-wide
 * survey average is ~1.5–1.6). Users should set their facility's value.
 */
export const DEFAULT_PUE = 1.2;
export const DEFAULT_PUE_SOURCE =
  'assumption typical of recent large and hyperscale data centres (hyperscalers report ~1.1, the Uptime Institute survey average is ~1.5–1.6)';
/**
 * Grid carbon intensity, kg CO₂ per kWh. Assumption: 0.4, a round figure between the US average
 * (~0.37, US EIA) and the world average (~0.45–0.48, IEA) of recent years. Users should set their
 * grid's or contract's value; low-carbon grids are below 0.1.
 */
export const DEFAULT_GRID_KG_CO2_PER_KWH = 0.4;
export const DEFAULT_GRID_SOURCE =
  'assumption between the US average (~0.37, US EIA) and the world average (~0.45–0.48, IEA) of recent years';

/** Wall-clock days for `gpuHours` spread perfectly over a cluster: gpuHours / G / 24. */
export function wallClockDays(gpuHours: number, clusterGpus: number): number {
  requireNonNegative(gpuHours, 'GPU-hours');
  requirePositive(clusterGpus, 'cluster GPUs');
  return gpuHours / clusterGpus / HOURS_PER_DAY;
}

/** Facility energy in kWh: GPU-hours · watts / 1000 · PUE. */
export function energyKwh(gpuHours: number, gpuWatts: number, pue: number = DEFAULT_PUE): number {
  requireNonNegative(gpuHours, 'GPU-hours');
  requirePositive(gpuWatts, 'GPU power');
  requireAtLeastOne(pue);
  return requireFinite((gpuHours * gpuWatts * pue) / WATTS_PER_KILOWATT, 'energy');
}

/** Emissions in kg CO₂: kWh · grid intensity (kg CO₂ per kWh). */
export function co2Kg(kwh: number, gridKgCo2PerKwh: number = DEFAULT_GRID_KG_CO2_PER_KWH): number {
  requireNonNegative(kwh, 'energy');
  requireNonNegative(gridKgCo2PerKwh, 'grid carbon intensity');
  return requireFinite(kwh * gridKgCo2PerKwh, 'CO₂');
}

/** PUE is facility energy over IT energy, so at least 1. */
function requireAtLeastOne(pue: number): void {
  if (!(Number.isFinite(pue) && pue >= 1)) {
    throw new ScienceError(
      'invalid-argument',
      `PUE (facility / IT energy) must be a finite number ≥ 1 (got ${formatForMessage(pue)})`,
    );
  }
}

/** Like requireRepresentable, but 0 is a valid result (no demand, no hours). */
function requireFinite(value: number, what: string): number {
  return value === 0 ? 0 : requireRepresentable(value, what);
}
