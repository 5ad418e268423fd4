/**
 * Once per `vitest run`: builds the app (electron-vite, into a temporary folder so a developer's
 * out/ is left alone), serves the renderer on 127.0.0.1 at a random port, and hands the URL to
 * the browser tests (`inject('webAppUrl')`). TRADEOFF_WEB_ROOT=DIR serves an existing build
 * instead, to iterate on tests quickly.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../../scripts/build-app';
import { startWebServer } from '../../scripts/serve-web';
import { CHROMIUM_MISSING_NOTICE, CHROMIUM_PATH, chromiumInstalled, inCI } from '../../scripts/chromium';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!chromiumInstalled) {
    if (inCI) {
      throw new Error(
        `No Chromium at ${CHROMIUM_PATH}: the browser tests cannot run. CI must install it ` +
          '(apt-get install -y chromium, see .ci/run).',
      );
    }
    console.warn(`\n${CHROMIUM_MISSING_NOTICE}\n`);
    project.provide('webAppUrl', '');
    return async () => {};
  }

  let root = process.env.TRADEOFF_WEB_ROOT;
  let buildDir: string | undefined;
  if (!root) {
    buildDir = await mkdtemp(path.join(os.tmpdir(), 'tradeoff-web-'));
    await buildApp(buildDir);
    root = path.join(buildDir, 'renderer');
  }
  if (!existsSync(path.join(root, 'index.html'))) throw new Error(`No index.html in ${root}`);

  const server = await startWebServer({ root, port: 0 });
  project.provide('webAppUrl', server.url);
  return async () => {
    await server.close();
    if (buildDir) await rm(buildDir, { recursive: true, force: true });
  };
}
