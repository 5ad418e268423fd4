/**
 * A stand-in for the `electron` module, shared by the shell tests through
 * `vi.mock('electron', () => import('./fake-electron'))`. Only what the shell calls is faked.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** An Electron-style event: listeners may call preventDefault. */
export function fakeEvent(): { defaultPrevented: boolean; preventDefault: () => void } {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  loading = false;
  readonly send = vi.fn();
  readonly setWindowOpenHandler = vi.fn();
  isLoading(): boolean {
    return this.loading;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  static readonly fromWebContents = vi.fn(
    (contents: unknown) => FakeBrowserWindow.instances.find((win) => win.webContents === contents) ?? null,
  );
  static readonly getAllWindows = vi.fn(() => [...FakeBrowserWindow.instances]);

  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(() => Promise.resolve());
  readonly setTitle = vi.fn();
  readonly setDocumentEdited = vi.fn();
  readonly maximize = vi.fn();
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly isMinimized = vi.fn(() => false);
  readonly isMaximized = vi.fn(() => false);
  readonly isDestroyed = vi.fn(() => false);
  readonly getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 1000, height: 700 }));
  readonly close = vi.fn(() => {
    const event = fakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.emit('closed');
  });

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
}
export { FakeBrowserWindow as BrowserWindow };

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  getPath: vi.fn((_name: string) => '/home/user/Documents'),
  quit: vi.fn(),
  isReady: vi.fn(() => true),
  whenReady: vi.fn(() => Promise.resolve()),
});

export const ipcMain = {
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
    ipcMain.handlers.set(channel, handler);
  }),
};

export const dialog = {
  showOpenDialog: vi.fn(),
  showSaveDialog: vi.fn(),
  showMessageBox: vi.fn(),
};

export const shell = { openExternal: vi.fn(() => Promise.resolve()) };

export const screen = {
  getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => template),
  setApplicationMenu: vi.fn(),
};

export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };

export const contextBridge = { exposeInMainWorld: vi.fn() };

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn((_channel: string, ..._args: unknown[]) => Promise.resolve('reply')),
});

export const webUtils = { getPathForFile: vi.fn((_file: unknown) => '/dropped/run.tradeoff.json') };

/** Forgets windows, handlers and listeners between tests. */
export function resetFakeElectron(): void {
  vi.clearAllMocks();
  FakeBrowserWindow.instances.length = 0;
  ipcMain.handlers.clear();
  app.removeAllListeners();
  ipcRenderer.removeAllListeners();
}
