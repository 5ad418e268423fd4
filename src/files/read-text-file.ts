/**
 * Bounded reading of user-chosen text files, shared by the desktop app's main process and the
 * command line. Whatever the path names (a named pipe without a writer, /dev/zero, a symlink to
 * either, a folder, a file that grows while it is read), the answer comes at once and no more than
 * the limit is ever read.
 */
import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { decodeUtf8Text, NOT_UTF8_TEXT } from '../shared/utf8-text';
import { stampOf, type FileStamp } from './file-stamp';

/**
 * A file the reader refuses to take as text. `reason` says why without the file's name, for
 * messages that name the file themselves ("Could not open a.json: not UTF-8 text").
 */
export class FileRefusedError extends Error {
  constructor(
    filePath: string,
    readonly reason: string,
  ) {
    super(`${path.basename(filePath)} is ${reason}`);
    this.name = new.target.name;
  }
}

export class FileTooLargeError extends FileRefusedError {
  constructor(filePath: string, limit: number) {
    super(filePath, `larger than ${limit.toLocaleString('en-US')} bytes`);
  }
}

export class NotTextError extends FileRefusedError {
  constructor(filePath: string) {
    super(filePath, NOT_UTF8_TEXT);
  }
}

/** The path names something other than a regular file: a folder, a named pipe, a device, a socket. */
export class NotRegularFileError extends FileRefusedError {
  constructor(
    filePath: string,
    readonly kind: string,
  ) {
    super(filePath, `not a regular file (${kind})`);
  }
}

/** A file's text and the stamp of the very bytes it was decoded from. */
export interface TextFile {
  readonly text: string;
  readonly stamp: FileStamp;
}

/**
 * Opening a named pipe for reading blocks until some process opens it for writing; O_NONBLOCK makes
 * the open return at once, so the type check below can refuse it. Windows has no such flag (nor
 * FIFOs in the file system), so there it is left out.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads UTF-8 text, refusing anything but a regular file, files over `maxBytes` (reading at most
 * `maxBytes + 1` bytes to find out) and bytes that are not valid UTF-8. A UTF-8 byte-order mark is
 * accepted and left out of `text`; the stamp is over the bytes as on disk.
 */
export async function readTextFile(filePath: string, maxBytes: number): Promise<TextFile> {
  const handle = await open(filePath, OPEN_FLAGS);
  try {
    // fstat of the opened handle, not stat of the path: the path may be swapped in between.
    const info = await handle.stat();
    if (!info.isFile()) throw new NotRegularFileError(filePath, kindOf(info));
    if (info.size > maxBytes) throw new FileTooLargeError(filePath, maxBytes);
    const bytes = await readAtMost(handle, maxBytes + 1);
    // The file can grow between the stat and the read; the bounded read notices without reading on.
    if (bytes.byteLength > maxBytes) throw new FileTooLargeError(filePath, maxBytes);
    const text = decodeUtf8Text(bytes);
    if (text === null) throw new NotTextError(filePath);
    return { text, stamp: stampOf(bytes, info.mtimeMs) };
  } finally {
    await handle.close();
  }
}

/** Reads from the start until end of file or `limit` bytes, whichever comes first. */
async function readAtMost(handle: FileHandle, limit: number): Promise<Uint8Array> {
  const buffer = Buffer.alloc(limit);
  let filled = 0;
  while (filled < limit) {
    // One read may return fewer bytes than asked for before the end of the file.
    const { bytesRead } = await handle.read(buffer, filled, limit - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/** What a non-regular file is, in words a user knows. */
function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}
