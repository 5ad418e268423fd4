/**
 * Bounded reading of user-chosen text files, shared by the desktop app's main process and the
 * command line.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { stampOf, type FileStamp } from './file-stamp';

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

/** A file's text and the stamp of the very bytes it was decoded from. */
export interface TextFile {
  readonly text: string;
  readonly stamp: FileStamp;
}

/** Reads UTF-8 text, refusing files over `maxBytes` and bytes that are not valid UTF-8. */
export async function readTextFile(filePath: string, maxBytes: number): Promise<TextFile> {
  const handle = await open(filePath, constants.O_RDONLY);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`${path.basename(filePath)} is not a file`);
    if (info.size > maxBytes) throw new FileTooLargeError(filePath, maxBytes);
    // The size can change between stat and read, so the read itself is bounded too.
    const buffer = Buffer.alloc(maxBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes) throw new FileTooLargeError(filePath, maxBytes);
    const bytes = buffer.subarray(0, bytesRead);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new NotTextError(filePath);
    }
    return { text, stamp: stampOf(bytes, info.mtimeMs) };
  } finally {
    await handle.close();
  }
}
