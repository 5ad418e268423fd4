/**
 * The DOM side of the web API (web-api.ts): the file picker, saving through the File System
 * Access API or a download, localStorage, new tabs, and the tab's title and leave-page warning.
 */
import { documentTitle } from '../../shared/documents';
import { hasChanged, type FileStamp } from '../../shared/file-stamp';
import type { DocumentState } from '../../shared/ipc';
import {
  MemoryStorage,
  type KeyValueStorage,
  type PickedFile,
  type SaveTarget,
  type WebHost,
} from './web-api';

/** Object URLs of downloads are released once the browser has surely started reading them. */
const DOWNLOAD_URL_LIFETIME_MS = 60_000;

/** The File System Access API's save picker, not yet in TypeScript's DOM library. */
interface SaveFilePickerOptions {
  suggestedName?: string;
  types?: { description: string; accept: Record<string, string[]> }[];
}
interface WritableFile {
  write(data: string): Promise<void>;
  close(): Promise<void>;
}
interface SaveFileHandle {
  readonly name: string;
  createWritable(): Promise<WritableFile>;
  getFile(): Promise<File>;
}

/** A file written through the save picker in this session, and the stamp of what was written. */
interface WrittenFile {
  readonly handle: SaveFileHandle;
  readonly stamp: FileStamp;
}
type ShowSaveFilePicker = (options: SaveFilePickerOptions) => Promise<SaveFileHandle>;

/** localStorage when the browser allows it (it throws in some privacy modes), else memory. */
function chooseStorage(): KeyValueStorage {
  try {
    const storage = window.localStorage;
    const probe = 'tradeoff-explorer.probe';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return new MemoryStorage();
  }
}

/** A hidden `<input type=file>`; resolves null when the user cancels the dialog. */
function pickFile(accept: string): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    input.dataset.webFileInput = '';
    const finish = (file: PickedFile | null): void => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => finish(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

function download(name: string, content: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_LIFETIME_MS);
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

async function sha256Hex(bytes: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The stamp of the file behind a handle now, or null when it is gone. Another size is a change
 * without reading the file; the same size is settled by the bytes (see hasChanged).
 */
async function stampNow(handle: SaveFileHandle, remembered: FileStamp): Promise<FileStamp | null> {
  let file: File;
  try {
    file = await handle.getFile();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotFoundError') return null;
    throw error;
  }
  const sha256 = file.size === remembered.size ? await sha256Hex(await file.arrayBuffer()) : '';
  return { size: file.size, mtimeMs: file.lastModified, sha256 };
}

export class FileChangedError extends Error {
  constructor(name: string) {
    super(
      `${name} was changed or removed by another program since it was saved here; use Save As to choose where to save this version`,
    );
    this.name = 'FileChangedError';
  }
}

export function browserHost(): WebHost {
  /**
   * Files written through the save picker in this session, by name, so Save needs no dialog, and
   * can tell whether another program changed the file since. A file opened with the file input or
   * saved as a download has no handle: Save downloads a new copy, and there is nothing to overwrite.
   */
  const written = new Map<string, WrittenFile>();
  let warnOnLeave = false;
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!warnOnLeave) return;
    event.preventDefault();
    // Older browsers need returnValue set to show the prompt.
    event.returnValue = '';
  };

  async function writeTo(handle: SaveFileHandle, content: string): Promise<string> {
    const writable = await handle.createWritable();
    await writable.write(content);
    await writable.close();
    const bytes = new TextEncoder().encode(content);
    const { lastModified } = await handle.getFile();
    written.set(handle.name, {
      handle,
      stamp: { size: bytes.byteLength, mtimeMs: lastModified, sha256: await sha256Hex(bytes) },
    });
    return handle.name;
  }

  async function saveFile(target: SaveTarget): Promise<string | null> {
    const known = target.overwrite ? written.get(target.suggestedName) : undefined;
    if (known) {
      // The browser has no dialog to offer Overwrite / Reload here: another program's work is kept.
      if (hasChanged(known.stamp, await stampNow(known.handle, known.stamp))) {
        throw new FileChangedError(known.handle.name);
      }
      return writeTo(known.handle, target.content);
    }
    const picker = (window as unknown as { showSaveFilePicker?: ShowSaveFilePicker }).showSaveFilePicker;
    if (typeof picker === 'function') {
      let handle: SaveFileHandle | undefined;
      try {
        handle = await picker.call(window, {
          suggestedName: target.suggestedName,
          types: [{ description: target.description, accept: { [target.mimeType]: [target.extension] } }],
        });
      } catch (error) {
        if (isAbort(error)) return null;
        // No user gesture left (the save came after other awaits) or the picker is blocked:
        // a download still gets the file to the user.
        handle = undefined;
      }
      if (handle) return writeTo(handle, target.content);
    }
    download(target.suggestedName, target.content, target.mimeType);
    return target.suggestedName;
  }

  return {
    storage: chooseStorage(),
    pickFile,
    saveFile,
    openWindow(url) {
      window.open(url, '_blank', 'noopener');
    },
    setDocumentState(state: DocumentState) {
      document.title = documentTitle(state);
      const { dirty } = state;
      if (dirty !== warnOnLeave) {
        warnOnLeave = dirty;
        if (dirty) window.addEventListener('beforeunload', onBeforeUnload);
        else window.removeEventListener('beforeunload', onBeforeUnload);
      }
    },
  };
}
