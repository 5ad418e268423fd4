/**
 * What each window last read from or wrote to each of its files, so Save can tell whether another
 * program changed a file since (the rule itself: hasChanged in src/shared/file-stamp.ts).
 */
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import type { FileStamp } from '../../src/files/file-stamp';

export class DiskVersions {
  /** By window (its webContents id), then by resolved path. */
  private readonly byWindow = new Map<number, Map<string, FileStamp>>();

  remember(win: BrowserWindow, filePath: string, stamp: FileStamp): void {
    const id = win.webContents.id;
    let stamps = this.byWindow.get(id);
    if (!stamps) {
      stamps = new Map();
      this.byWindow.set(id, stamps);
      // A closed window's documents are gone; so is what it knew of their files.
      win.once('closed', () => this.byWindow.delete(id));
    }
    stamps.set(path.resolve(filePath), stamp);
  }

  /** The stamp this window last saw, or undefined when it never read or wrote the file. */
  get(win: BrowserWindow, filePath: string): FileStamp | undefined {
    return this.byWindow.get(win.webContents.id)?.get(path.resolve(filePath));
  }
}
