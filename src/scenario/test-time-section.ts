import { findTaskClass, TASK_CLASSES } from '../model';
import { DEFAULT_K_MAX, DEFAULT_TASK_CLASS } from './defaults';
import { childPath, describeValue, type FieldReader } from './reader';
import type { DemandSpec, TestTimeSpec } from './types';

const KEYS = [
  'model',
  'taskClass',
  'gamma',
  'spanOom',
  'kMax',
  'integerSamples',
  'prefixCaching',
  'verifierCostPerSample',
] as const;

/** The optional testTime section; `undefined` both when absent (k = 1) and after reporting an issue. */
export function readTestTime(
  reader: FieldReader,
  value: unknown,
  path: string,
  demand: DemandSpec | undefined,
): TestTimeSpec | undefined {
  if (value === undefined) return undefined;
  const section = reader.object(value, path);
  if (!section) return undefined;
  reader.onlyKeys(section, path, KEYS);
  const model = reader.choice(section, path, 'model', ['exchange'] as const, 'exchange');
  const classId = section['taskClass'] ?? DEFAULT_TASK_CLASS;
  const taskClass = typeof classId === 'string' ? findTaskClass(classId) : undefined;
  if (classId !== 'custom' && !taskClass) {
    const known = [...TASK_CLASSES.map((c) => `"${c.id}"`), '"custom"'].join(', ');
    return reader.report(childPath(path, 'taskClass'), `${describeValue(classId)} is not one of ${known}`);
  }
  // A named class supplies γ and S; "custom" needs both.
  const gamma = reader.number(section, path, 'gamma', 'positive', taskClass?.gamma);
  const spanOom = reader.number(section, path, 'spanOom', 'non-negative', taskClass?.spanOom);
  const kMax = reader.number(section, path, 'kMax', 'at-least-one', DEFAULT_K_MAX);
  const integerSamples = reader.flag(section, path, 'integerSamples', false);
  const prefixCaching = reader.flag(section, path, 'prefixCaching', true);
  const verifierCostPerSample = reader.number(section, path, 'verifierCostPerSample', 'non-negative', 0);
  if (verifierCostPerSample && demand && 'inputTokens' in demand) {
    reader.report(
      childPath(path, 'verifierCostPerSample'),
      'verification is counted per request: give the demand as requests (or requests per day), not token totals',
    );
  }
  if (
    model === undefined ||
    gamma === undefined ||
    spanOom === undefined ||
    kMax === undefined ||
    integerSamples === undefined ||
    prefixCaching === undefined ||
    verifierCostPerSample === undefined
  ) {
    return undefined;
  }
  return {
    model,
    taskClass: taskClass ? taskClass.id : 'custom',
    gamma,
    spanOom,
    kMax,
    integerSamples,
    prefixCaching,
    verifierCostPerSample,
  };
}
