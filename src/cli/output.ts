/** Where a command writes; injected so commands can be tested in-process and spawned alike. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const FORMATS_TABLE_JSON_CSV = ['table', 'json', 'csv'] as const;

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
