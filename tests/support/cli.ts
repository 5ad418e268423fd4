import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

export const example = (name: string): string => `resources/scenarios/${name}.tradeoff.json`;

/** Runs the command line in-process and captures what it prints. */
export async function run(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

/** A file with the given text in a fresh temporary folder. */
export function scratchFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tradeoff-cli-')), name);
  writeFileSync(path, text);
  return path;
}
