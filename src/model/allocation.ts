/** A model: N parameters trained on D tokens. */
export interface Allocation {
  readonly params: number;
  readonly tokens: number;
}
