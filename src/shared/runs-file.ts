/**
 * The CSV of training runs that "Fit a law to my runs" reads, in every host (command line, desktop
 * app, browser): its file type, and the one byte limit all of them read it with.
 */
import type { FileType } from './documents';

/**
 * A run table is small (a row is ~100 bytes; Hoffmann et al. trained ~400 models), and the fit
 * costs time in proportion to its rows, so 50 MB (~500,000 runs) only guards memory against a
 * wrong file, never a real table.
 */
export const MAX_RUNS_CSV_BYTES = 50 * 1024 * 1024;

/** Why a runs file of `bytes` bytes is too large to read, or null when it is not. */
export function runsSizeProblem(bytes: number): string | null {
  if (bytes <= MAX_RUNS_CSV_BYTES) return null;
  const format = (count: number): string => count.toLocaleString('en-US');
  return `${format(bytes)} bytes is more than the ${format(MAX_RUNS_CSV_BYTES)} bytes a runs file may hold`;
}

export const RUNS_FILE_TYPE: FileType = {
  extension: '.csv',
  mimeType: 'text/csv',
  description: 'Training runs (*.csv)',
};

/** Refuses a dropped file that is not a CSV before anything reads it. */
export function checkRunsFileName(fileName: string): void {
  if (!fileName.toLowerCase().endsWith(RUNS_FILE_TYPE.extension)) {
    throw new Error(`${fileName} is not a table of runs (*${RUNS_FILE_TYPE.extension})`);
  }
}
