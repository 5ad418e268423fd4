import { targetLoss, targetsForLoss, type Demand, type EquivalentTargets, type LossLaw } from '../../model';
import { formatQuantityInput, parseQuantity } from '../../format/quantity';
import {
  demandFromSpec,
  lawFromSpec,
  requestsOf,
  type DemandKind,
  type DemandSpec,
  type TargetKind,
} from '../../scenario';
import { demandSpecOfForm, lawSpecOfForm, targetSpecOfForm, type ScenarioForm } from './form';

/**
 * Switching how the target or the demand is entered carries the current values over to the new
 * kind (issue 14): a target keeps its loss under the form's law, a demand keeps its token totals.
 * While the current values are not valid (the user is still typing), the fields are left as they
 * are, as before conversion existed; nothing is reported, the editor's validation already is.
 */

/** Days in service a per-day demand starts from when the form has no usable number of days. */
export const DEFAULT_DAYS = 365;

/**
 * How far (relative) a converted value may be rounded to read well: 1e-10 is far inside what any
 * result shows, and a few conversions in a row stay within SAME; "10T" rather than 9999999999000.
 */
const ROUNDING = 1e-10;

/** Two values this close (relative) stand for the same target or demand. */
const SAME = 1e-9;

/** A converted value in the form's input notation, with the fewest digits within ROUNDING. */
function written(value: number): string {
  for (let digits = 1; digits < 17; digits++) {
    const rounded = Number(value.toPrecision(digits));
    if (Math.abs(rounded - value) <= ROUNDING * Math.abs(value)) return formatQuantityInput(rounded);
  }
  return formatQuantityInput(value);
}

const same = (a: number, b: number): boolean => Math.abs(a - b) <= SAME * Math.max(Math.abs(a), Math.abs(b));

/** The target fields after switching to `kind`: the same loss, stated the new way. */
export function targetFieldsForKind(form: ScenarioForm, kind: TargetKind): ScenarioForm['target'] {
  const fields = form.target;
  if (kind === form.targetKind) return fields;
  const law = lawOfForm(form);
  const loss = law && lossOfForm(form, law);
  if (law === undefined || loss === undefined) return fields;
  // What the fields of the new kind hold already stands for this loss (the user switched back):
  // keep it as it was typed rather than a rounded re-derivation.
  const there = lossOfForm({ ...form, targetKind: kind }, law);
  if (there !== undefined && same(there, loss)) return fields;
  let targets: EquivalentTargets;
  try {
    targets = targetsForLoss(law, loss);
  } catch {
    return fields;
  }
  return { ...fields, ...targetFields(kind, targets) };
}

function targetFields(kind: TargetKind, targets: EquivalentTargets): Partial<ScenarioForm['target']> {
  switch (kind) {
    case 'loss':
      return { loss: written(targets.loss) };
    case 'model':
      return { params: written(targets.model.params), tokens: written(targets.model.tokens) };
    case 'computeOptimalFlops':
      return { flops: written(targets.computeOptimalFlops) };
    case 'computeOptimalParams':
      return { optimalParams: written(targets.computeOptimalParams) };
  }
}

function lawOfForm(form: ScenarioForm): LossLaw | undefined {
  const spec = lawSpecOfForm(form);
  try {
    return spec && lawFromSpec(spec);
  } catch {
    return undefined;
  }
}

/** The loss the form's target stands for, or undefined when it is not valid or not reachable. */
function lossOfForm(form: ScenarioForm, law: LossLaw): number | undefined {
  const target = targetSpecOfForm(form);
  try {
    return target && targetLoss(law, target);
  } catch {
    return undefined;
  }
}

/**
 * The demand fields after switching to `kind`: the same input and output token totals. Requests
 * keep their tokens per request (a total that no longer matches its per-request figure sets it);
 * per day keeps the days in service (or DEFAULT_DAYS).
 */
export function demandFieldsForKind(form: ScenarioForm, kind: DemandKind): ScenarioForm['demand'] {
  const fields = form.demand;
  if (kind === form.demandKind) return fields;
  const spec = demandSpecOfForm(form);
  const totals = spec && demandFromSpec(spec);
  if (spec === undefined || totals === undefined || !finiteTotals(totals)) return fields;
  // The fields of the new kind already hold this demand (the user switched back): keep them as typed.
  const there = demandSpecOfForm({ ...form, demandKind: kind });
  if (there && sameTotals(demandFromSpec(there), totals)) return fields;
  const converted = kind === 'totals' ? totalsFields(totals) : requestFields(form, spec, totals, kind);
  return converted ? { ...fields, ...converted } : fields;
}

function totalsFields(totals: Demand): Partial<ScenarioForm['demand']> {
  return { inputTokens: written(totals.inputTokens), outputTokens: written(totals.outputTokens) };
}

function requestFields(
  form: ScenarioForm,
  spec: DemandSpec,
  totals: Demand,
  kind: 'requests' | 'rate',
): Partial<ScenarioForm['demand']> | undefined {
  const perRequest =
    'inputTokens' in spec ? perRequestFromTotals(form, totals) : { requests: requestsOf(spec), fields: {} };
  if (perRequest === undefined) return undefined;
  const { requests, fields } = perRequest;
  if (kind === 'requests')
    return Number.isFinite(requests) ? { ...fields, requests: written(requests) } : undefined;
  const typedDays = quietNumber(form.demand.days);
  const keepsDays = typedDays !== undefined && typedDays > 0;
  const days = keepsDays ? typedDays : DEFAULT_DAYS;
  const requestsPerDay = requests / days;
  if (!Number.isFinite(requestsPerDay)) return undefined;
  return {
    ...fields,
    requestsPerDay: written(requestsPerDay),
    ...(keepsDays ? {} : { days: written(days) }),
  };
}

/**
 * Requests that give these totals at the form's tokens per request: the first side (input, then
 * output) with tokens to divide sets the count, and a per-request figure that then misses its
 * total is replaced by the one that meets it. Undefined when the per-request fields are not valid
 * or cannot give the totals (tokens to serve at zero tokens per request).
 */
function perRequestFromTotals(
  form: ScenarioForm,
  totals: Demand,
): { requests: number; fields: Partial<ScenarioForm['demand']> } | undefined {
  // Checked by the file's own rules, with a placeholder count: only the per-request fields matter.
  const typed = demandSpecOfForm({
    ...form,
    demandKind: 'requests',
    demand: { ...form.demand, requests: '0' },
  });
  if (typed === undefined || 'inputTokens' in typed) return undefined;
  const sides = [
    { total: totals.inputTokens, each: typed.inputTokensPerRequest, key: 'inputTokensPerRequest' },
    { total: totals.outputTokens, each: typed.outputTokensPerRequest, key: 'outputTokensPerRequest' },
  ] as const;
  const divisor = sides.find((side) => side.total > 0 && side.each > 0);
  if (divisor === undefined) {
    return sides.every((side) => side.total === 0) ? { requests: 0, fields: {} } : undefined;
  }
  const requests = divisor.total / divisor.each;
  const fields: Partial<ScenarioForm['demand']> = {};
  for (const side of sides) {
    if (!same(requests * side.each, side.total)) fields[side.key] = written(side.total / requests);
  }
  return { requests, fields };
}

function quietNumber(value: string): number | undefined {
  try {
    return parseQuantity(value);
  } catch {
    return undefined;
  }
}

function finiteTotals(totals: Demand): boolean {
  return Number.isFinite(totals.inputTokens) && Number.isFinite(totals.outputTokens);
}

function sameTotals(a: Demand, b: Demand): boolean {
  return same(a.inputTokens, b.inputTokens) && same(a.outputTokens, b.outputTokens);
}
