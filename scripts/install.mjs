// The project's one install: `npm ci`, and when Electron's binary cannot be downloaded (offline
// machines, mirrors that only serve the npm registry), the same install again without that binary.
// Everything but launching the desktop window works without it: the command line, the tests and
// the app in a browser (`npm start` says so and serves that instead).
// Plain Node with no dependencies, because it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Whether `node_modules` matches `package-lock.json`. npm writes `node_modules/.package-lock.json`
 * at the end of every install, so a lock file newer than it (a pull that changed dependencies) or
 * no such file (a fresh clone, an interrupted install) means the install is missing or stale.
 */
export function installIsCurrent(projectRoot = root) {
  const installed = path.join(projectRoot, 'node_modules', '.package-lock.json');
  const lock = path.join(projectRoot, 'package-lock.json');
  if (!existsSync(installed)) return false;
  return statSync(installed).mtimeMs >= statSync(lock).mtimeMs;
}

function npmCi(extraEnv) {
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...extraEnv },
  });
  return result.status === 0;
}

/** Installs the dependencies; true on success. Says what works when Electron's binary is missing. */
export function install() {
  const skipping = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1';
  if (npmCi({})) {
    console.log(
      skipping
        ? "\nSet-up done without Electron's binary (ELECTRON_SKIP_BINARY_DOWNLOAD=1): the command line, the tests and the browser version work; the desktop window does not.\n"
        : '\nSet-up done.\n',
    );
    return true;
  }
  if (skipping) return false;

  console.warn(
    "\nnpm ci failed, most likely because Electron's binary could not be downloaded." +
      '\nTrying again without it (ELECTRON_SKIP_BINARY_DOWNLOAD=1)…\n',
  );
  if (!npmCi({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })) return false;
  console.log(
    "\nSet-up done without Electron's binary. The command line, the tests and the browser version" +
      ' work; to open the desktop window, run `npm run setup` again where Electron can be downloaded.\n',
  );
  return true;
}

/** Installs first when the install is missing or older than the lock file (`npm start`, `npm test`). */
export function ensureInstalled() {
  if (installIsCurrent()) return true;
  console.log(
    existsSync(path.join(root, 'node_modules'))
      ? 'package-lock.json changed since the last install: installing again first (the same as `npm run setup`)…\n'
      : 'First run: installing the dependencies first (the same as `npm run setup`)…\n',
  );
  return install();
}
