/**
 * `npm run dist`: builds the app (electron-vite) and its installers (electron-builder, configured
 * in electron-builder.config.ts). Extra arguments go to electron-builder, e.g.
 * `npm run dist -- --linux`. Without Electron's binary it stops before building anything: the
 * same network that kept the binary out (it comes from GitHub, not the npm registry) would fail
 * electron-builder's own download of Electron half-way, with a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

export const MISSING_BINARY_MESSAGE =
  "building installers needs Electron's binary: reinstall without ELECTRON_SKIP_BINARY_DOWNLOAD " +
  '(`npm rebuild electron`, or `npm ci` with it unset) on a machine that can reach github.com, ' +
  'then run `npm run dist` again.';

/** Null when installers can be built in `projectRoot`, else why not. */
export function cannotBuildInstallers(projectRoot: string): string | null {
  return electronBinary(projectRoot) === null ? MISSING_BINARY_MESSAGE : null;
}

function run(projectRoot: string, args: readonly string[]): number {
  const result = spawnSync(process.execPath, args, { cwd: projectRoot, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function main(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const problem = cannotBuildInstallers(root);
  if (problem !== null) {
    console.error(`dist: ${problem}`);
    process.exit(1);
  }
  const require = createRequire(path.join(root, 'package.json'));
  const packageDir = (name: string): string => path.dirname(require.resolve(`${name}/package.json`));
  const built = run(root, [path.join(packageDir('electron-vite'), 'bin', 'electron-vite.js'), 'build']);
  if (built !== 0) process.exit(built);
  process.exit(
    run(root, [
      path.join(packageDir('electron-builder'), 'cli.js'),
      '--config',
      'electron-builder.config.ts',
      ...process.argv.slice(2),
    ]),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
