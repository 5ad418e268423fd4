/**
 * Which Chromium the browser tests and the UI benchmark drive, and what happens when it is
 * missing. No vitest import: global-setup.ts (outside the test workers) and scripts use it too.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's and Ubuntu's Chromium; CHROMIUM_PATH points elsewhere (e.g. a Chrome on macOS). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

export const inCI = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
export const chromiumInstalled = existsSync(CHROMIUM_PATH);
/** Locally a missing Chromium skips the browser tests (with a notice); in CI it fails them. */
export const skipBrowserTests = !chromiumInstalled && !inCI;

export const CHROMIUM_MISSING_NOTICE =
  `Browser tests skipped: no Chromium at ${CHROMIUM_PATH}. Install it with ` +
  '`sudo apt-get update && sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH ' +
  'to a Chromium or Chrome executable. In CI (CI=true) a missing Chromium fails the run instead.';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
