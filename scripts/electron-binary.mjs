// Whether Electron's desktop binary is installed. Electron's npm package downloads it from
// GitHub when it installs; with ELECTRON_SKIP_BINARY_DOWNLOAD=1 (or offline) it is missing, and
// then `npm start` falls back to the browser and `npm run dist` refuses to start. Plain JavaScript
// because `npm start` runs it before anything (TypeScript included) is installed.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Where `require('electron')` in `projectRoot` would point, if the binary is there; else null. */
export function electronBinary(projectRoot) {
  try {
    const require = createRequire(path.join(projectRoot, 'package.json'));
    const electronDir = path.dirname(require.resolve('electron/package.json'));
    // Electron's install script writes path.txt (the binary's path inside dist/) once downloaded.
    const pathFile = path.join(electronDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
