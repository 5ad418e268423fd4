import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../scripts/electron-binary.mjs';
import { cannotBuildInstallers, MISSING_BINARY_MESSAGE } from '../../scripts/dist';

/**
 * A project folder with Electron's npm package installed, as ELECTRON_SKIP_BINARY_DOWNLOAD=1
 * leaves it (no path.txt, no dist/), or as a completed download does.
 */
function project(download: 'skipped' | 'path only' | 'complete'): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tradeoff-dist-'));
  writeFileSync(path.join(root, 'package.json'), '{"name": "x"}');
  const electronDir = path.join(root, 'node_modules', 'electron');
  mkdirSync(electronDir, { recursive: true });
  writeFileSync(path.join(electronDir, 'package.json'), '{"name": "electron", "version": "41.7.1"}');
  if (download !== 'skipped') writeFileSync(path.join(electronDir, 'path.txt'), 'electron');
  if (download === 'complete') {
    mkdirSync(path.join(electronDir, 'dist'));
    writeFileSync(path.join(electronDir, 'dist', 'electron'), '');
  }
  return root;
}

describe('npm run dist', () => {
  it("refuses at once, saying why, when Electron's binary was not downloaded", () => {
    const root = project('skipped');
    expect(cannotBuildInstallers(root)).toBe(MISSING_BINARY_MESSAGE);
    expect(MISSING_BINARY_MESSAGE).toMatch(
      /^building installers needs Electron's binary: reinstall without ELECTRON_SKIP_BINARY_DOWNLOAD/,
    );
  });

  it('refuses when the binary path.txt names is gone', () => {
    expect(cannotBuildInstallers(project('path only'))).toBe(MISSING_BINARY_MESSAGE);
  });

  it('refuses when Electron is not installed at all', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tradeoff-dist-'));
    writeFileSync(path.join(root, 'package.json'), '{"name": "x"}');
    expect(cannotBuildInstallers(root)).toBe(MISSING_BINARY_MESSAGE);
  });

  it('goes ahead when the binary is there', () => {
    const root = project('complete');
    expect(cannotBuildInstallers(root)).toBeNull();
    expect(electronBinary(root)).toBe(path.join(root, 'node_modules', 'electron', 'dist', 'electron'));
  });
});
