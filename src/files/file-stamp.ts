/**
 * What a file was when the app last read or wrote it, so a save can tell whether another program
 * has changed it since. Size and modification time are cheap but coarse (editors can keep mtime,
 * some file systems round it); the SHA-256 of the bytes settles it.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';

export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  /** Hex SHA-256 of the file's bytes, as on disk (byte-order mark included). */
  readonly sha256: string;
}

export function stampOf(bytes: Uint8Array, mtimeMs: number): FileStamp {
  return { size: bytes.byteLength, mtimeMs, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * The one rule for "another program changed the file": it is gone, or its bytes differ. The
 * modification time is not trusted either way (editors may restore it, coarse file systems round
 * it), and a file touched but left identical is no change worth asking about.
 */
export function hasChanged(remembered: FileStamp, current: FileStamp | null): boolean {
  if (current === null) return true;
  return current.size !== remembered.size || current.sha256 !== remembered.sha256;
}

/**
 * The stamp of the file as it is on disk now, or null when it no longer exists (or something that
 * is not a file took its name). Reads at most
 * `maxBytes + 1` bytes: a file grown past the limit gets a stamp of that prefix, whose size alone
 * already differs from any stamp of a file the app could read or write.
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
