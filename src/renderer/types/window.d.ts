import type { DesktopApi } from '../../shared/ipc';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    tradeoff?: DesktopApi;
  }
}

export {};
