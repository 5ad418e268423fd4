import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { Menu } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { installMenu, menuTemplate } = await import('../../electron/main/menu');

function build(overrides: Partial<Parameters<typeof menuTemplate>[0]> = {}) {
  const actions = {
    isMac: false,
    isDev: false,
    recentFiles: [] as string[],
    send: vi.fn(),
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
    ...overrides,
  };
  return { actions, template: menuTemplate(actions) };
}

function items(menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return menu.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function find(menu: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = items(menu).find((entry) => entry.label === label);
  if (!item) throw new Error(`no menu item ${label}`);
  return item;
}

const click = (item: MenuItemConstructorOptions): void => (item.click as (() => void) | undefined)?.();

describe('menu', () => {
  it('has File, Edit, View and Help', () => {
    const { template } = build();
    expect(template.map((item) => item.label ?? item.role)).toEqual(['&File', 'editMenu', '&View', 'help']);
    expect(build({ isMac: true }).template[0]?.role).toBe('appMenu');
  });

  it.each([
    ['New', 'new', 'CmdOrCtrl+N'],
    ['Open…', 'open', 'CmdOrCtrl+O'],
    ['Save', 'save', 'CmdOrCtrl+S'],
    ['Save As…', 'saveAs', 'CmdOrCtrl+Shift+S'],
    ['Export Results…', 'export', 'CmdOrCtrl+E'],
    ['Close', 'close', 'CmdOrCtrl+W'],
    ['Fit a Law to My Runs…', 'fitLaw', undefined],
    ['Where the Numbers Come From', 'showSources', 'F1'],
    ['About Tradeoff Explorer', 'about', undefined],
  ])('%s sends "%s" to the page (%s)', (label, command, accelerator) => {
    const { template, actions } = build();
    const item = find(template, label);
    expect(item.accelerator).toBe(accelerator);
    click(item);
    expect(actions.send).toHaveBeenCalledWith(command);
  });

  it('zooms natively', () => {
    const roles = items(build().template).map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
  });

  it('offers developer tools only in development', () => {
    expect(items(build().template).map((item) => item.role)).not.toContain('toggleDevTools');
    expect(items(build({ isDev: true }).template).map((item) => item.role)).toContain('toggleDevTools');
  });

  it('lists recent files by name and opens the full path', () => {
    const { template, actions } = build({ recentFiles: ['/a/one.tradeoff.json', '/b/two.tradeoff.json'] });
    const recent = find(template, 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent.map((item) => item.label ?? item.type)).toEqual([
      'one.tradeoff.json',
      'two.tradeoff.json',
      'separator',
      'Clear Recent',
    ]);
    click(recent[1] as MenuItemConstructorOptions);
    expect(actions.openRecent).toHaveBeenCalledWith('/b/two.tradeoff.json');
    click(find(template, 'Clear Recent'));
    expect(actions.clearRecent).toHaveBeenCalled();
    expect(find(build().template, 'Clear Recent').enabled).toBe(false);
  });

  it('installs the menu as the application menu', () => {
    installMenu(build().actions);
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(Menu.buildFromTemplate.mock.results[0]?.value);
  });
});
