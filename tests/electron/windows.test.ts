import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, fakeEvent, resetFakeElectron, screen } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { createMainWindow, fitWindowState, secureWebPreferences } =
  await import('../../electron/main/windows');

beforeEach(resetFakeElectron);

const display = { x: 0, y: 0, width: 1920, height: 1080 };

describe('secureWebPreferences', () => {
  it('spells out every security option exactly', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toEqual({
      preload: '/app/out/preload/index.cjs',
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
    });
  });
});

describe('createMainWindow', () => {
  function open(state = { width: 1200, height: 800, x: 100, y: 50, maximized: false }) {
    const saveState = vi.fn();
    createMainWindow({ preload: '/p/index.cjs', url: 'app://tradeoff/index.html', state, saveState });
    const win = FakeBrowserWindow.instances[0];
    if (!win) throw new Error('no window was created');
    return { win, saveState };
  }

  it('creates the window with the secure preferences and loads the app page', () => {
    const { win } = open();
    expect(win.options.webPreferences).toEqual(secureWebPreferences('/p/index.cjs'));
    expect(win.options).toMatchObject({ width: 1200, height: 800, x: 100, y: 50, show: false });
    expect(win.loadURL).toHaveBeenCalledWith('app://tradeoff/index.html');
  });

  it('shows the window when painted, maximized if it was', () => {
    const { win } = open({ width: 1200, height: 800, x: 100, y: 50, maximized: true });
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.maximize).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
  });

  it('keeps the title under the app’s control', () => {
    const { win } = open();
    const event = fakeEvent();
    win.emit('page-title-updated', event, 'page title');
    expect(event.defaultPrevented).toBe(true);
  });

  it('remembers normal bounds and maximized state on close', () => {
    const { win, saveState } = open();
    win.isMaximized.mockReturnValue(true);
    win.emit('close', fakeEvent());
    expect(saveState).toHaveBeenCalledWith({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
  });

  it('centres a window whose saved position is on a display that is gone', () => {
    screen.getAllDisplays.mockReturnValue([{ workArea: display }]);
    const { win } = open({ width: 1200, height: 800, x: 3000, y: 50, maximized: false });
    expect(win.options).not.toHaveProperty('x');
    expect(win.options).not.toHaveProperty('y');
  });
});

describe('fitWindowState', () => {
  it('keeps a window that is on screen', () => {
    const state = { width: 1200, height: 800, x: 100, y: 50, maximized: false };
    expect(fitWindowState(state, [display])).toEqual(state);
  });

  it('keeps a window on a second display', () => {
    const state = { width: 1200, height: 800, x: 2000, y: 100, maximized: true };
    expect(fitWindowState(state, [display, { x: 1920, y: 0, width: 2560, height: 1440 }])).toEqual(state);
  });

  it('drops the position when the title bar cannot be reached', () => {
    expect(fitWindowState({ width: 1200, height: 800, x: 1900, y: 50, maximized: false }, [display])).toEqual(
      {
        width: 1200,
        height: 800,
        maximized: false,
      },
    );
    expect(
      fitWindowState({ width: 1200, height: 800, x: 100, y: -500, maximized: false }, [display]),
    ).not.toHaveProperty('x');
  });

  it('shrinks a window larger than every display, and enlarges one below the minimum', () => {
    expect(fitWindowState({ width: 5000, height: 3000, maximized: false }, [display])).toEqual({
      width: 1920,
      height: 1080,
      maximized: false,
    });
    expect(fitWindowState({ width: 300, height: 200, maximized: false }, [display])).toEqual({
      width: 900,
      height: 600,
      maximized: false,
    });
  });
});
