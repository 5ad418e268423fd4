/**
 * The options of a choice the editor offers, from labels keyed by the choice's values. Typed as a
 * record over the scenario module's (or the engine's) list, the labels cover exactly that list:
 * a value added there fails to compile here until it is labelled. Options keep the labels' order.
 */
export function optionsOf<T extends string>(
  labels: Readonly<Record<T, string>>,
): { value: T; label: string }[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}
