import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The real executable, as `npx tradeoff` runs it: through bin/tradeoff.mjs in a new process. */
function tradeoff(...args: string[]) {
  return spawnSync(process.execPath, ['bin/tradeoff.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the tradeoff executable', () => {
  it('solves an example scenario end to end', () => {
    const result = tradeoff(
      'solve',
      'resources/scenarios/sardana-70b-chatbot.tradeoff.json',
      '--format',
      'json',
    );
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { lifetimeOptimal: { params: number }; savings: unknown };
    expect(Number(report.lifetimeOptimal.params.toPrecision(4))).toBe(2.053e10);
  });

  it('exits 1 with the message on stderr and no stack trace for a file that is not a scenario', () => {
    const result = tradeoff('validate', 'package.json');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'package.json: version: "0.1.0" (text) is not a known format version (expected 1)\n',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a usage error', () => {
    const result = tradeoff('sweep');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Run 'tradeoff --help' for usage.");
  });
});
