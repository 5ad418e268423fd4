/**
 * Atomic file replacement, shared by the desktop app's main process and the command line.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces `target` so that readers see either the old or the new content, never a mix: the data
 * goes to a temp file in the same folder (rename is only atomic within one file system), is
 * flushed to disk, then renamed over the target.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  // Writing through a symlink must update the file it points to, not replace the link.
  const destination = await realpath(target).catch(() => target);
  const folder = path.dirname(destination);
  const temp = path.join(folder, `.${path.basename(destination)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = await stat(destination).then(
    (s) => s.mode & 0o777,
    () => 0o666,
  );
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

/** Makes the rename itself durable on POSIX; Windows cannot open folders, and there it is moot. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, constants.O_RDONLY).catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
