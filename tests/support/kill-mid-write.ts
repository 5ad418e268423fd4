/**
 * Kills a process that writes in a loop at random moments, the way a crash or power cut would,
 * so a test can check what survives. Generic over what is written: the child script reports each
 * write it completed as a line `wrote <n>` on stdout (n counting up from 1), and the test checks
 * the files after every kill.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface KillRound {
  /** 0, 1, … */
  readonly round: number;
  /** The last write the child reported complete before it was killed. */
  readonly lastReported: number;
}

export interface KillMidWriteOptions {
  /** A TypeScript or JavaScript file, run with tsx so it may import the sources directly. */
  readonly script: string;
  readonly args?: readonly string[];
  readonly rounds: number;
  /** Seeds the choice of kill moments, so a failing round can be replayed. */
  readonly seed: number;
  /** The child is killed after reporting between 1 and this many writes. */
  readonly maxWrites: number;
  /** Checks what the killed child left; runs before the next round starts. */
  readonly afterKill: (round: KillRound) => Promise<void>;
}

/** Mulberry32: a small, seeded pseudo-random generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `script` `rounds` times and SIGKILLs it after a random number of reported writes: the
 * child keeps writing meanwhile, so the kill lands at an arbitrary point of a later write.
 */
export async function killMidWrite(options: KillMidWriteOptions): Promise<void> {
  const random = seededRandom(options.seed);
  for (let round = 0; round < options.rounds; round++) {
    const killAfter = 1 + Math.floor(random() * options.maxWrites);
    const lastReported = await runUntilKilled(options.script, options.args ?? [], killAfter);
    await options.afterKill({ round, lastReported });
  }
}

function runUntilKilled(script: string, args: readonly string[], killAfter: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastReported = 0;
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^wrote (\d+)$/.exec(line);
      if (!match || killed) return;
      lastReported = Number(match[1]);
      if (lastReported >= killAfter) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' && killed) resolve(lastReported);
      else reject(new Error(`${script} ended before it was killed (code ${code}, ${signal}): ${stderr}`));
    });
  });
}
