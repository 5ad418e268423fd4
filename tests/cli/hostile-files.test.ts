import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_SCENARIO_BYTES } from '../../src/scenario';

const root = fileURLToPath(new URL('../../', import.meta.url));
const onWindows = process.platform === 'win32';
const EXAMPLE = join(root, 'resources/scenarios/sardana-70b-chatbot.tradeoff.json');

/**
 * The real executable in a new process. A reader that waits on a pipe or reads /dev/zero for ever
 * would run into the timeout (status null) instead of answering.
 */
function tradeoff(...args: string[]) {
  return spawnSync(process.execPath, ['bin/tradeoff.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe.skipIf(onWindows)('the tradeoff executable on hostile and odd files', { timeout: 60_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'tradeoff-hostile-'));
  const file = (name: string) => join(folder, name);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('refuses a named pipe, /dev/zero, a symlink to it, a folder, an oversize file and Latin-1 bytes', () => {
    execFileSync('mkfifo', [file('pipe.tradeoff.json')]);
    symlinkSync('/dev/zero', file('zero.tradeoff.json'));
    mkdirSync(file('folder.tradeoff.json'));
    writeFileSync(file('big.tradeoff.json'), '');
    truncateSync(file('big.tradeoff.json'), MAX_SCENARIO_BYTES + 1);
    writeFileSync(file('latin1.tradeoff.json'), Buffer.from('{"name":"Gr\xfc\xdfe"}', 'latin1'));
    const names = ['pipe', 'zero', 'folder', 'big', 'latin1'].map((name) => file(`${name}.tradeoff.json`));
    const devices = existsSync('/dev/zero') ? ['/dev/zero'] : [];

    const solved = tradeoff('solve', names[0] ?? '');
    expect(solved).toMatchObject({ status: 1, stdout: '' });
    expect(solved.stderr).toBe(`${names[0]}: not a regular file (a named pipe); not a scenario file\n`);
    const { status, stdout, stderr } = tradeoff('validate', ...names, ...devices);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      `${names[0]}: not a regular file (a named pipe); not a scenario file`,
      `${names[1]}: not a regular file (a device); not a scenario file`,
      `${names[2]}: not a regular file (a folder); not a scenario file`,
      `${names[3]}: larger than 1,000,000 bytes; not a scenario file`,
      `${names[4]}: not UTF-8 text; not a scenario file`,
      ...devices.map((device) => `${device}: not a regular file (a device); not a scenario file`),
      '',
    ]);
  });

  it('accepts a file saved with a UTF-8 byte-order mark', () => {
    const withMark = file('bom.tradeoff.json');
    writeFileSync(withMark, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(EXAMPLE)]));
    const result = tradeoff('solve', withMark, '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { lifetimeOptimal: { params: number } };
    expect(Number(report.lifetimeOptimal.params.toPrecision(4))).toBe(2.053e10);
  });

  it('never writes control characters or bidi overrides from a file to the terminal', () => {
    const hostileName = '\u001b[2J\u001b]0;pwned\u0007 \u009b31m red \u007f \u202eevil\u202c';
    const scenario = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
    const named = file('escapes.tradeoff.json');
    writeFileSync(named, JSON.stringify({ ...scenario, name: hostileName, notes: hostileName }));
    const unknownKey = file('unknown-key.tradeoff.json');
    writeFileSync(unknownKey, JSON.stringify({ ...scenario, [hostileName]: 1, name: 1 }));
    // eslint-disable-next-line no-control-regex -- the characters that must never reach a terminal
    const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

    const outputs = [
      tradeoff('solve', named),
      tradeoff('solve', named, '--format', 'csv'),
      tradeoff('validate', named, unknownKey),
    ];
    for (const { stdout, stderr } of outputs) {
      expect(stdout).not.toMatch(raw);
      expect(stderr).not.toMatch(raw);
    }
    const [table, csv, validated] = outputs;
    expect(table?.stdout.split('\n')[0]).toBe(
      '\\u001b[2J\\u001b]0;pwned\\u0007 \\u009b31m red \\u007f \\u202eevil\\u202c',
    );
    expect(csv?.stdout).toContain('\\u001b[2J');
    expect(validated?.stderr).toContain('\\u001b[2J');

    const json = tradeoff('solve', named, '--format', 'json');
    expect(json.stdout).not.toMatch(raw);
    expect((JSON.parse(json.stdout) as { name: string }).name).toBe(hostileName);
  });
});
