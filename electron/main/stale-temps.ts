/**
 * At start, the temp files of saves that were killed mid-write are removed from where the app
 * saves: the folders of recent files and the drafts folder (only writeFileAtomic's own names,
 * only when older than a minute; see src/files/remove-stale-temps.ts).
 */
import path from 'node:path';
import { removeStaleTemps } from '../../src/files/remove-stale-temps';

export function removeTempsOfKilledSaves(
  recentFiles: readonly string[],
  draftsFolder: string,
  now = Date.now(),
): Promise<string[]> {
  return removeStaleTemps([draftsFolder, ...recentFiles.map((file) => path.dirname(file))], now);
}
