#!/usr/bin/env node
// One-step set-up: `npm ci`, and when Electron's binary cannot be downloaded (offline machines,
// mirrors that only serve the npm registry), the same install again without that binary.
// Everything but launching the desktop window works without it: the command line, the tests and
// the app in a browser (`npm start` says so and serves that instead).
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function npmCi(extraEnv) {
  const result = spawnSync(npm, ['ci'], { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  return result.status === 0;
}

const skipping = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1';
if (npmCi({})) {
  console.log(
    skipping
      ? "\nSet-up done without Electron's binary (ELECTRON_SKIP_BINARY_DOWNLOAD=1): the command line, the tests and the browser version work; the desktop window does not."
      : '\nSet-up done.',
  );
  process.exit(0);
}
if (skipping) process.exit(1);

console.warn(
  "\nnpm ci failed, most likely because Electron's binary could not be downloaded." +
    '\nTrying again without it (ELECTRON_SKIP_BINARY_DOWNLOAD=1)…\n',
);
if (!npmCi({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })) process.exit(1);
console.log(
  "\nSet-up done without Electron's binary. The command line, the tests and the browser version" +
    ' work; to open the desktop window, run `npm run setup` again where Electron can be downloaded.',
);
