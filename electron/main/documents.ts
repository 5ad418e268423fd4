/**
 * Which scenario files the page may touch, and files the OS asks the app to open (command line,
 * a second launch, macOS Finder/Dock, Open Recent).
 */
import path from 'node:path';
import { app, dialog, type BrowserWindow, type WebContents } from 'electron';
import { MAX_SCENARIO_BYTES, SCENARIO_EXTENSION } from '../../src/scenario';
import { EventChannel, type OpenedFile } from '../../src/shared/ipc';
import { FileRefusedError, readTextFile, type TextFile } from '../../src/files/read-text-file';
import { DiskVersions } from './disk-versions';
import type { Preferences } from './preferences';

/**
 * The page names files only by paths the user picked in a dialog, dropped, or opened from the
 * OS in this session; a compromised page therefore cannot make the app overwrite arbitrary files.
 */
export class Documents {
  private readonly granted = new Set<string>();
  /** What each window last read or wrote of its files, for Save's check that nobody else changed them. */
  readonly versions = new DiskVersions();

  constructor(private readonly preferences: Preferences) {}

  /** Records a user-chosen file: the page may now save to it, and it heads Open Recent. */
  grant(filePath: string): string {
    const resolved = this.allow(filePath);
    this.preferences.addRecentFile(resolved);
    return resolved;
  }

  /** Lets the page save to a file it already owned, such as the one a recovered draft names. */
  allow(filePath: string): string {
    const resolved = path.resolve(filePath);
    this.granted.add(resolved);
    return resolved;
  }

  isGranted(filePath: string): boolean {
    return this.granted.has(path.resolve(filePath));
  }

  /**
   * Reads a file the user chose into `win`, remembering what was read for Save's conflict check.
   * Failures reject with a message fit for an error dialog.
   */
  async open(filePath: string, win: BrowserWindow): Promise<OpenedFile> {
    const resolved = path.resolve(filePath);
    let file: TextFile;
    try {
      file = await readTextFile(resolved, MAX_SCENARIO_BYTES);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') this.preferences.removeRecentFile(resolved);
      throw new Error(`Could not open ${path.basename(resolved)}: ${describeFileError(error)}`, {
        cause: error,
      });
    }
    this.versions.remember(win, resolved, file.stamp);
    return { path: this.grant(resolved), text: file.text };
  }
}

/** Why a user-chosen file could not be read, in words for the user (without the file's name). */
export function describeFileError(error: unknown): string {
  if (error instanceof FileRefusedError) return error.reason;
  switch (errorCode(error)) {
    case 'ENOENT':
      return 'the file or its folder no longer exists';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function errorCode(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}

/** Scenario files named on a command line; Chromium switches and other arguments are skipped. */
export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(SCENARIO_EXTENSION))
    .map((arg) => path.resolve(cwd, arg));
}

/** Messages sent before the page has loaded would be lost, so they wait for the load. */
export function sendWhenLoaded(contents: WebContents, channel: EventChannel, payload?: unknown): void {
  if (contents.isLoading()) contents.once('did-finish-load', () => contents.send(channel, payload));
  else contents.send(channel, payload);
}

export async function openInWindow(
  documents: Documents,
  win: BrowserWindow,
  filePath: string,
): Promise<void> {
  try {
    sendWhenLoaded(win.webContents, EventChannel.openFile, await documents.open(filePath, win));
  } catch (error) {
    await dialog.showMessageBox(win, {
      type: 'error',
      message: 'The file could not be opened',
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

/**
 * Must be called before `app.ready`: macOS delivers `open-file` for a double-clicked document
 * before the app is ready, and those requests are held until there is a window.
 */
export function handleOpenRequests(documents: Documents, showMainWindow: () => BrowserWindow): void {
  const pending = filesFromArgv(process.argv, process.cwd());
  const openNow = (filePath: string): void => {
    void openInWindow(documents, showMainWindow(), filePath);
  };
  const request = (filePath: string): void => {
    if (app.isReady()) openNow(filePath);
    else pending.push(filePath);
  };
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    request(filePath);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    showMainWindow();
    for (const filePath of filesFromArgv(argv, workingDirectory)) request(filePath);
  });
  void app.whenReady().then(() => pending.splice(0).forEach(openNow));
}
