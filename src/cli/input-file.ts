import { FileRefusedError, readTextFile } from '../files/read-text-file';
import { InputError } from './usage-error';

/**
 * Reads a file named on the command line through the same bounded reader as the desktop app:
 * pipes, devices, folders, oversize and non-UTF-8 files are refused at once with one InputError
 * that names the file and says why, e.g. "runs.csv: not UTF-8 text; not a runs file".
 */
export async function readInputFile(file: string, maxBytes: number, kind: string): Promise<string> {
  try {
    return (await readTextFile(file, maxBytes)).text;
  } catch (error) {
    throw new InputError(`${file}: ${describeReadError(error, kind)}`);
  }
}

/** Why a file could not be read, without repeating its name (the caller puts the path first). */
function describeReadError(error: unknown, kind: string): string {
  if (error instanceof FileRefusedError) return `${error.reason}; not a ${kind}`;
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return `not a regular file (a folder); not a ${kind}`;
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
