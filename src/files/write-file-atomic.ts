/**
 * Atomic file replacement, shared by the desktop app's main process and the command line.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * The temp files writeFileAtomic creates: `.NAME.HEX.tmp`, HEX being 12 random hex digits. A save
 * killed before its rename leaves one behind; only names of exactly this form are ever cleaned up.
 */
export const ATOMIC_WRITE_TEMP = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

/** True for a file name writeFileAtomic could have left behind (see ATOMIC_WRITE_TEMP). */
export function isAtomicWriteTemp(name: string): boolean {
  return ATOMIC_WRITE_TEMP.test(name);
}

function tempNameFor(fileName: string): string {
  return `.${fileName}.${randomBytes(6).toString('hex')}.tmp`;
}

export class ReadOnlyFileError extends Error {
  constructor(filePath: string) {
    super(`${path.basename(filePath)} is read-only`);
    this.name = 'ReadOnlyFileError';
  }
}

/**
 * Replaces `target` so that readers see either the old or the new content, never a mix: the data
 * goes to a temp file in the same folder (rename is only atomic within one file system), is
 * flushed to disk, then renamed over the target. A read-only target is refused (ReadOnlyFileError):
 * the rename would replace it as long as its folder is writable.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  // Writing through a symlink must update the file it points to, not replace the link.
  const destination = await realpath(target).catch(() => target);
  const folder = path.dirname(destination);
  const temp = path.join(folder, tempNameFor(path.basename(destination)));
  const existing = await stat(destination).catch(() => undefined);
  if (existing && !(await isWritable(destination, existing.mode))) throw new ReadOnlyFileError(destination);
  const mode = existing ? existing.mode & 0o777 : 0o666;
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, destination);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/**
 * Whether the user may write the file in place. access() alone is not enough: it always allows
 * root, and a file with no write bit (Windows's read-only attribute shows as one) was marked
 * read-only on purpose.
 */
async function isWritable(file: string, mode: number): Promise<boolean> {
  if ((mode & 0o222) === 0) return false;
  return access(file, constants.W_OK).then(
    () => true,
    () => false,
  );
}

/** Makes the rename itself durable on POSIX; Windows cannot open folders, and there it is moot. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, constants.O_RDONLY).catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
