/**
 * The native menu. Document commands go to the page (it owns the document and its unsaved
 * state); zoom, editing and window chrome are handled natively by Electron roles.
 */
import path from 'node:path';
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../src/shared/ipc';

export interface MenuActions {
  readonly isMac: boolean;
  /** Developer tools are offered only in unpackaged builds. */
  readonly isDev: boolean;
  readonly recentFiles: readonly string[];
  readonly send: (command: MenuCommand) => void;
  readonly openRecent: (filePath: string) => void;
  readonly clearRecent: () => void;
}

export function menuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const { isMac, isDev, recentFiles, send, openRecent, clearRecent } = actions;
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(name),
  });
  const recent: MenuItemConstructorOptions[] = recentFiles.map((filePath) => ({
    label: path.basename(filePath),
    toolTip: filePath,
    click: () => openRecent(filePath),
  }));
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: '&File',
      submenu: [
        command('New', 'new', 'CmdOrCtrl+N'),
        command('Open…', 'open', 'CmdOrCtrl+O'),
        {
          label: 'Open Recent',
          submenu: [
            ...recent,
            ...(recent.length > 0 ? [{ type: 'separator' } as const] : []),
            { label: 'Clear Recent', enabled: recent.length > 0, click: clearRecent },
          ],
        },
        { type: 'separator' },
        command('Save', 'save', 'CmdOrCtrl+S'),
        command('Save As…', 'saveAs', 'CmdOrCtrl+Shift+S'),
        command('Export Results…', 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        command('Fit a Law to My Runs…', 'fitLaw'),
        { type: 'separator' },
        command('Close', 'close', 'CmdOrCtrl+W'),
        ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isDev
          ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const]
          : []),
      ],
    },
    {
      role: 'help',
      submenu: [
        command('Where the Numbers Come From', 'showSources', 'F1'),
        command('About Tradeoff Explorer', 'about'),
      ],
    },
  ];
}

export function installMenu(actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions)));
}
