import { describe, expect, it } from 'vitest';
import { ScienceError } from '../../../src/model/errors';
import {
  co2Kg,
  DEFAULT_GRID_KG_CO2_PER_KWH,
  DEFAULT_PUE,
  energyKwh,
  wallClockDays,
} from '../../../src/model/hardware/footprint';
import { findGpuPreset } from '../../../src/model/hardware/gpus';
import { expectPrinted } from '../../support/close';

const h100 = (() => {
  const preset = findGpuPreset('H100-SXM');
  if (!preset) throw new Error('no H100 preset');
  return preset;
})();

describe('wall clock, energy and CO₂', () => {
  it('spreads GPU-hours over the cluster: 4.42M h on 16,384 GPUs is 11.2 days', () => {
    expectPrinted(wallClockDays(4.42e6, 16_384), 3, '11.2');
  });

  it('uses documented default assumptions: PUE 1.2 and 0.4 kg CO₂/kWh', () => {
    expect(DEFAULT_PUE).toBe(1.2);
    expect(DEFAULT_GRID_KG_CO2_PER_KWH).toBe(0.4);
  });

  it('computes kWh = GPU-hours · W / 1000 · PUE and kg CO₂ = kWh · grid intensity', () => {
    // 1M H100-hours at 700 W and PUE 1.2: 840 MWh; at 0.4 kg/kWh: 336 t.
    const kwh = energyKwh(1e6, h100.boardPowerW);
    expect(kwh).toBeCloseTo(840_000, 6);
    expect(co2Kg(kwh)).toBeCloseTo(336_000, 6);
    expect(energyKwh(1e6, 700, 1)).toBeCloseTo(700_000, 6);
    expect(co2Kg(kwh, 0)).toBe(0);
  });

  it('rejects impossible inputs with typed errors', () => {
    expect(() => energyKwh(1, 700, 0.9)).toThrow(/PUE/);
    expect(() => energyKwh(1, 0)).toThrow(ScienceError);
    expect(() => energyKwh(-1, 700)).toThrow(ScienceError);
    expect(() => co2Kg(1, -0.1)).toThrow(ScienceError);
    expect(() => wallClockDays(1, 0)).toThrow(ScienceError);
  });
});
