/**
 * The sensitivity of an answer as tables and files show it (`tradeoff solve --sensitivity`, the
 * app's report): per input, the optimum's size and lifetime objective at −25 % and +25 %, and the
 * elasticities at the scenario.
 */
import { formatCount, formatDollars, formatScientific } from '../format/quantity';
import type { Moved, Sensitivity } from '../scenario/sensitivity';
import type { Objective } from '../model';

export const SENSITIVITY_TABLE_HEADER = [
  'input moved ±25 %',
  'optimum size −25 % / +25 %',
  'lifetime objective −25 % / +25 %',
  'elasticity of size',
  'elasticity of objective',
] as const;

const formatElasticity = (value: number): string => (Math.abs(value) < 5e-4 ? '0' : value.toFixed(3));

export function sensitivityTableRows(sensitivity: Sensitivity, objective: Objective): string[][] {
  const money = objective === 'cost' ? formatDollars : formatScientific;
  const side = (moved: Moved, key: 'params' | 'objective'): string =>
    moved.ok
      ? key === 'params'
        ? formatCount(moved.outcome.params)
        : money(moved.outcome.objective)
      : 'no answer';
  return sensitivity.rows.map((row) => [
    row.label,
    `${side(row.low, 'params')} / ${side(row.high, 'params')}`,
    `${side(row.low, 'objective')} / ${side(row.high, 'objective')}`,
    row.elasticity ? formatElasticity(row.elasticity.params) : '—',
    row.elasticity ? formatElasticity(row.elasticity.objective) : '—',
  ]);
}

/** Why a moved input has no answer, one line each, for under the table. */
export function sensitivityNotes(sensitivity: Sensitivity): string[] {
  return sensitivity.rows.flatMap((row) =>
    (
      [
        ['−25 %', row.low],
        ['+25 %', row.high],
      ] as const
    ).flatMap(([side, moved]) => (moved.ok ? [] : [`${row.label} ${side}: ${moved.reason}`])),
  );
}
