#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is installed; otherwise the same app in the
// browser, built and served on 127.0.0.1 (see scripts/serve-web.ts). Extra arguments go to the
// server, e.g. `npm start -- --port 8080`. On a fresh clone it installs first (scripts/install.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';
import { ensureInstalled } from './install.mjs';

if (!ensureInstalled()) process.exit(1);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const packageDir = (name) => path.dirname(require.resolve(`${name}/package.json`));
const electronVite = path.join(packageDir('electron-vite'), 'bin', 'electron-vite.js');
const tsx = path.join(packageDir('tsx'), 'dist', 'cli.mjs');

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (electronBinary(root)) {
  // Builds, then opens the desktop window on the build.
  process.exit(run([electronVite, 'preview']));
}

console.log(
  [
    "Electron's desktop binary is not installed (it is downloaded from GitHub, not the npm registry,",
    'and was skipped or could not be fetched when installing), so the desktop window cannot open.',
    'To get it, on a machine that can reach github.com run `npm rebuild electron` (or `npm run setup`,',
    'without ELECTRON_SKIP_BINARY_DOWNLOAD set). Meanwhile, here is the same app in your browser:',
    'files are opened with the browser’s file picker and saved as downloads.',
    '',
  ].join('\n'),
);

const buildStatus = run([electronVite, 'build']);
if (buildStatus !== 0) process.exit(buildStatus);

const server = spawn(
  process.execPath,
  [
    tsx,
    path.join(root, 'scripts', 'serve-web.ts'),
    '--root',
    path.join(root, 'out', 'renderer'),
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
