/**
 * The main window: locked-down webPreferences and placement remembered between runs.
 */
import { BrowserWindow, screen, type Rectangle, type WebPreferences } from 'electron';
import { APP_NAME } from '../../src/shared/documents';
import type { WindowState } from './preferences';

const MIN_WIDTH = 900;
const MIN_HEIGHT = 600;
/** How much of the title bar must be on a screen for the user to grab and move the window. */
const MIN_VISIBLE = { width: 120, height: 40 };

/** Every security-relevant option is spelled out, so a changed Electron default cannot weaken it. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/**
 * Keeps a saved window usable after monitors change: the size is capped to the largest work area
 * and the saved position is dropped (so the OS centres the window) unless its title bar is still
 * on some display.
 */
export function fitWindowState(saved: WindowState, workAreas: readonly Rectangle[]): WindowState {
  const maxWidth = Math.max(MIN_WIDTH, ...workAreas.map((area) => area.width));
  const maxHeight = Math.max(MIN_HEIGHT, ...workAreas.map((area) => area.height));
  const width = Math.min(Math.max(saved.width, MIN_WIDTH), maxWidth);
  const height = Math.min(Math.max(saved.height, MIN_HEIGHT), maxHeight);
  const { x, y } = saved;
  if (x === undefined || y === undefined) return { width, height, maximized: saved.maximized };
  const titleBar = { x, y, width, height: MIN_VISIBLE.height };
  const reachable = workAreas.some((area) => {
    const overlapX =
      Math.min(titleBar.x + titleBar.width, area.x + area.width) - Math.max(titleBar.x, area.x);
    const overlapY =
      Math.min(titleBar.y + titleBar.height, area.y + area.height) - Math.max(titleBar.y, area.y);
    return overlapX >= MIN_VISIBLE.width && overlapY >= MIN_VISIBLE.height;
  });
  return reachable
    ? { width, height, x, y, maximized: saved.maximized }
    : { width, height, maximized: saved.maximized };
}

export interface MainWindowOptions {
  readonly preload: string;
  readonly url: string;
  readonly state: WindowState;
  readonly saveState: (state: WindowState) => void;
}

export function createMainWindow({ preload, url, state, saveState }: MainWindowOptions): BrowserWindow {
  const fitted = fitWindowState(
    state,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    width: fitted.width,
    height: fitted.height,
    ...(fitted.x !== undefined && fitted.y !== undefined ? { x: fitted.x, y: fitted.y } : {}),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: APP_NAME,
    // Shown once painted, so the user never sees an empty white frame.
    show: false,
    webPreferences: secureWebPreferences(preload),
  });
  win.once('ready-to-show', () => {
    if (fitted.maximized) win.maximize();
    win.show();
  });
  // The title reflects the document (set over IPC), not the page's <title>.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.on('close', () => {
    // Normal bounds, so un-maximizing next time restores the size the user last chose.
    const bounds = win.getNormalBounds();
    saveState({ ...bounds, maximized: win.isMaximized() });
  });
  win.loadURL(url).catch((error: unknown) => console.error('Could not load the app page:', error));
  return win;
}
