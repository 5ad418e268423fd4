/**
 * The CSV of training runs the fit dialog reads: chosen in the Open dialog or dropped on the
 * dialog. Read-only and nothing remembered: unlike scenarios, a runs file is never saved back, so
 * it is not granted to the page nor listed among recent files.
 */
import path from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import { readTextFile } from '../../src/files/read-text-file';
import type { OpenedFile } from '../../src/shared/ipc';
import { checkRunsFileName, MAX_RUNS_CSV_BYTES, RUNS_FILE_TYPE } from '../../src/shared/runs-file';
import { describeFileError } from './documents';
import { fileFilters } from './file-filters';

/** Reads a runs file, refusing what the command line's `tradeoff fit` refuses, with the same limit. */
export async function readRunsFile(filePath: string): Promise<OpenedFile> {
  const resolved = path.resolve(filePath);
  try {
    return { path: resolved, text: (await readTextFile(resolved, MAX_RUNS_CSV_BYTES)).text };
  } catch (error) {
    throw new Error(`Could not open ${path.basename(resolved)}: ${describeFileError(error)}`, {
      cause: error,
    });
  }
}

/** The Open dialog, filtered to CSV files; null when the user cancels. */
export async function chooseRunsFile(win: BrowserWindow): Promise<OpenedFile | null> {
  const choice = await dialog.showOpenDialog(win, {
    properties: ['openFile'],
    filters: fileFilters(RUNS_FILE_TYPE),
  });
  const chosen = choice.filePaths[0];
  return choice.canceled || !chosen ? null : readRunsFile(chosen);
}

/** A file dropped on the fit dialog: only a .csv is read. */
export function openDroppedRunsFile(filePath: string): Promise<OpenedFile> {
  checkRunsFileName(path.basename(filePath));
  return readRunsFile(filePath);
}
