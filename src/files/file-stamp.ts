/**
 * Stamps of files on disk (size, modification time, SHA-256 of the bytes), for the main process
 * and the command line. Whether a file changed is decided by the shared rule, hasChanged.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { FileStamp } from '../shared/file-stamp';

export { hasChanged, type FileStamp } from '../shared/file-stamp';

/** The stamp of `bytes`, as read from or written to a file last modified at `mtimeMs`. */
export function stampOf(bytes: Uint8Array, mtimeMs: number): FileStamp {
  return { size: bytes.byteLength, mtimeMs, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * The stamp of the file as it is on disk now, or null when it no longer exists (or something that
 * is not a file took its name). Reads at most `maxBytes + 1` bytes: a file grown past the limit
 * gets a stamp of that prefix, whose size alone differs from any file the app reads or writes.
 */
export async function stampOnDisk(filePath: string, maxBytes: number): Promise<FileStamp | null> {
  let info;
  try {
    info = await stat(filePath);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
  // Something else now has the name (a folder, a FIFO that would block a read): not the file.
  if (!info.isFile()) return null;
  const handle = await open(filePath, constants.O_RDONLY);
  try {
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return stampOf(buffer.subarray(0, bytesRead), info.mtimeMs);
  } finally {
    await handle.close();
  }
}
