/**
 * Kills a writing process (`kill -9`) at seeded random moments, to show that what it writes
 * survives a crash. The child is a TypeScript script run through tsx that writes in a loop and
 * prints one line to stdout after each completed write; each round waits for a seeded number of
 * those lines, then a seeded fraction of a write more, and sends SIGKILL.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface KillMidWriteOptions {
  /** The child script (run with `node --import tsx`). */
  readonly script: string;
  readonly args: readonly string[];
  readonly rounds: number;
  readonly seed: number;
  /** Checks what the killed child left behind; `round` counts from 0. */
  readonly afterKill: (round: number) => Promise<void>;
}

/** Mulberry32: a small seeded generator, so a failing round can be replayed from its seed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function killMidWrite({
  script,
  args,
  rounds,
  seed,
  afterKill,
}: KillMidWriteOptions): Promise<void> {
  const random = seeded(seed);
  for (let round = 0; round < rounds; round++) {
    const writesFirst = 1 + Math.floor(random() * 4);
    const extraMs = random() * 20;
    await runAndKill(script, args, writesFirst, extraMs);
    await afterKill(round);
  }
}

/** Runs the child until it reported `writes` writes and `extraMs` more passed, then kills it. */
function runAndKill(script: string, args: readonly string[], writes: number, extraMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let reported = 0;
    let killing = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', () => {
      reported += 1;
      if (reported < writes || killing) return;
      killing = true;
      // The moment of the kill is the point of the test: somewhere inside the next write.
      setTimeout(() => child.kill('SIGKILL'), extraMs);
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`the writer exited by itself before it was killed:\n${stderr}`));
    });
  });
}
