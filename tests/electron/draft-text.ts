/**
 * The draft text of write number `n` in the kill tests: large enough (about 200 kB) that a kill
 * often lands in the middle of writing it, and recognisable when read back.
 */
export function draftText(n: number): string {
  return JSON.stringify({ format: 'tradeoff-scenario', name: `write ${n}`, notes: `${n} `.repeat(50_000) });
}
