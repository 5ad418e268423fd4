/**
 * File access for the main process. Plain Node so it can be tested without Electron.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

export class FileTooLargeError extends Error {
  constructor(filePath: string, limit: number) {
    super(`${path.basename(filePath)} is larger than ${limit.toLocaleString('en-US')} bytes`);
    this.name = 'FileTooLargeError';
  }
}

export class NotTextError extends Error {
  constructor(filePath: string) {
    super(`${path.basename(filePath)} is not a text file`);
    this.name = 'NotTextError';
  }
}

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

/** Reads UTF-8 text, refusing files over `maxBytes` and bytes that are not valid UTF-8. */
export async function readTextFile(filePath: string, maxBytes: number): Promise<string> {
  const handle = await open(filePath, constants.O_RDONLY);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`${path.basename(filePath)} is not a file`);
    if (info.size > maxBytes) throw new FileTooLargeError(filePath, maxBytes);
    // The size can change between stat and read, so the read itself is bounded too.
    const buffer = Buffer.alloc(maxBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes) throw new FileTooLargeError(filePath, maxBytes);
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(
        buffer.subarray(0, bytesRead),
      );
    } catch {
      throw new NotTextError(filePath);
    }
  } finally {
    await handle.close();
  }
}
