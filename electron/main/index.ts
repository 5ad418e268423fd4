/**
 * Bootstrap: order matters here. Sandboxing and the app:// scheme must be set up before
 * `ready`, and only one instance may run so documents opened from the OS reach one window.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, session } from 'electron';
import Store from 'electron-store';
import { EventChannel } from '../../src/shared/ipc';
import { CloseGuard } from './close-guard';
import { Documents, handleOpenRequests, openInWindow, sendWhenLoaded } from './documents';
import { Drafts } from './drafts';
import { registerIpcHandlers } from './ipc';
import { installMenu } from './menu';
import { AppOrigin } from './origin';
import { Preferences, preferencesSchema, type PreferencesData } from './preferences';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { removeTempsOfKilledSaves } from './stale-temps';
import { createMainWindow } from './windows';

const here = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD = path.join(here, '../preload/index.cjs');
const RENDERER_ROOT = path.join(here, '../renderer');

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // A second launch hands its arguments to the first instance via 'second-instance' and exits.
  app.quit();
} else {
  start();
}

function start(): void {
  const origin = new AppOrigin(app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']);
  // clearInvalidConfig: a corrupt or hand-edited preferences file resets instead of blocking start.
  const preferences = new Preferences(
    new Store<PreferencesData>({ name: 'preferences', schema: preferencesSchema, clearInvalidConfig: true }),
  );
  const documents = new Documents(preferences);
  const drafts = new Drafts(app.getPath('userData'));
  const closeGuard = new CloseGuard(() => drafts.clear());
  let mainWindow: BrowserWindow | null = null;

  const showMainWindow = (): BrowserWindow => {
    if (mainWindow && !mainWindow.isDestroyed()) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
      return mainWindow;
    }
    const win = createMainWindow({
      preload: PRELOAD,
      url: origin.entryUrl,
      state: preferences.windowState(),
      saveState: (state) => preferences.setWindowState(state),
    });
    closeGuard.attach(win);
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    mainWindow = win;
    return win;
  };

  const refreshMenu = (): void =>
    installMenu({
      isMac: process.platform === 'darwin',
      isDev: !app.isPackaged,
      recentFiles: preferences.recentFiles(),
      send: (command) => sendWhenLoaded(showMainWindow().webContents, EventChannel.menuCommand, command),
      openRecent: (filePath) => void openInWindow(documents, showMainWindow(), filePath),
      clearRecent: () => preferences.clearRecentFiles(),
    });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    serveRenderer(RENDERER_ROOT);
    registerIpcHandlers({ origin, documents, preferences, drafts, closeGuard });
    preferences.onRecentFilesChanged(refreshMenu);
    refreshMenu();
    showMainWindow();
    // In the background: nothing waits for it, and a folder it cannot read is skipped.
    void removeTempsOfKilledSaves(preferences.recentFiles(), path.dirname(drafts.file));
    // macOS keeps the app running without windows; clicking the Dock icon brings one back.
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) showMainWindow();
    });
  });

  // After the ready handler above, so files opened at launch find the session and IPC set up.
  handleOpenRequests(documents, showMainWindow);

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
