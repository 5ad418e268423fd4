/**
 * The one `DesktopApi` the renderer uses: the preload's `window.tradeoff` inside Electron, the
 * browser implementation (web-api.ts) anywhere else.
 */
import type { DesktopApi } from '../../shared/ipc';
import { browserHost } from './browser-host';
import { createWebApi } from './web-api';

/** True inside the Electron app; false in a plain browser (files are then picked and downloaded). */
export const isDesktop: boolean = window.tradeoff !== undefined;

export const api: DesktopApi = window.tradeoff ?? createWebApi(browserHost());
