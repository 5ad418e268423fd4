import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installIsCurrent } from '../../scripts/install.mjs';

/** A project folder with a lock file and, optionally, npm's record of the last install. */
function project(installedAt: Date | null, lockAt: Date): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tradeoff-install-'));
  writeFileSync(path.join(root, 'package-lock.json'), '{}');
  utimesSync(path.join(root, 'package-lock.json'), lockAt, lockAt);
  if (installedAt) {
    mkdirSync(path.join(root, 'node_modules'));
    writeFileSync(path.join(root, 'node_modules', '.package-lock.json'), '{}');
    utimesSync(path.join(root, 'node_modules', '.package-lock.json'), installedAt, installedAt);
  }
  return root;
}

describe('installIsCurrent', () => {
  const earlier = new Date('2026-01-01T00:00:00Z');
  const later = new Date('2026-02-01T00:00:00Z');

  it('is false on a fresh clone, where nothing is installed', () => {
    expect(installIsCurrent(project(null, earlier))).toBe(false);
  });

  it('is false when the lock file changed after the last install', () => {
    expect(installIsCurrent(project(earlier, later))).toBe(false);
  });

  it('is true when the install is newer than the lock file', () => {
    expect(installIsCurrent(project(later, earlier))).toBe(true);
  });

  it('is false after an interrupted install, which leaves node_modules without npm’s record', () => {
    const root = project(null, earlier);
    mkdirSync(path.join(root, 'node_modules'));
    expect(installIsCurrent(root)).toBe(false);
  });
});
