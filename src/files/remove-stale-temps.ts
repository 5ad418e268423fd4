/**
 * Clean-up after saves that were killed (`kill -9`, a power cut) between creating their temp file
 * and renaming it: writeFileAtomic's temp files left in a folder are removed at the next start.
 */
import { lstat, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { isAtomicWriteTemp } from './write-file-atomic';

/**
 * How old a temp file must be before it is taken as abandoned: another running instance (or the
 * command line) may be in the middle of a save, and no save of a scenario takes this long.
 */
export const STALE_TEMP_AGE_MS = 60_000;

/**
 * Removes, in each folder, the regular files named like writeFileAtomic's temp files that were
 * last modified more than STALE_TEMP_AGE_MS before `now`. Anything else is left alone, and a
 * folder that cannot be read is skipped. Returns the paths removed.
 */
export async function removeStaleTemps(folders: Iterable<string>, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const folder of new Set([...folders].map((entry) => path.resolve(entry)))) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter(isAtomicWriteTemp)) {
      const file = path.join(folder, name);
      const info = await lstat(file).catch(() => undefined);
      if (!info?.isFile() || now - info.mtimeMs <= STALE_TEMP_AGE_MS) continue;
      await rm(file, { force: true }).then(
        () => removed.push(file),
        () => undefined,
      );
    }
  }
  return removed;
}
