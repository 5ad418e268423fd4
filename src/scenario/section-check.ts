import { FieldReader } from './reader';
import { readDemand, readLaw, readTarget } from './sections';
import type { DemandSpec, LawSpec, TargetSpec } from './types';

/**
 * One section of a scenario checked on its own, by the same reader the file validator uses, for
 * an editor that needs, say, the law while another section is still being typed. Undefined when
 * the section has any issue; the full validation reports what it is.
 */
function checked<T>(read: (reader: FieldReader, value: unknown, path: string) => T | undefined) {
  return (value: unknown, path: string): T | undefined => {
    const reader = new FieldReader();
    const section = read(reader, value, path);
    return reader.issues.length === 0 ? section : undefined;
  };
}

/** A `law` section that passes validation; its reachability checks need a target (validate.ts). */
export const checkedLaw: (value: unknown, path: string) => LawSpec | undefined = checked(readLaw);
/** A `target` section that passes validation; whether the law can reach it is not checked. */
export const checkedTarget: (value: unknown, path: string) => TargetSpec | undefined = checked(readTarget);
/** A `demand` section that passes validation. */
export const checkedDemand: (value: unknown, path: string) => DemandSpec | undefined = checked(readDemand);
