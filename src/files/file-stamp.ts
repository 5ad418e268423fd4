/**
 * What a file was when the app last read or wrote it, so a save can tell whether another program
 * has changed it since. Size and modification time are cheap but coarse (editors can keep mtime,
 * some file systems round it); the SHA-256 of the bytes settles it.
 */
import { createHash } from 'node:crypto';

export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  /** Hex SHA-256 of the file's bytes, as on disk (byte-order mark included). */
  readonly sha256: string;
}

export function stampOf(bytes: Uint8Array, mtimeMs: number): FileStamp {
  return { size: bytes.byteLength, mtimeMs, sha256: createHash('sha256').update(bytes).digest('hex') };
}
