/**
 * Where the app's own page comes from. Packaged builds serve the renderer over a private
 * `app://` scheme instead of file:// (Electron security checklist §18): file:// pages share one
 * origin with every file on disk, `app://tradeoff` is ours alone. In development the page comes
 * from the electron-vite dev server instead.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tradeoff';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export class AppOrigin {
  private readonly origin: string;

  /** `devServerUrl` is electron-vite's ELECTRON_RENDERER_URL, honoured only in unpackaged runs. */
  constructor(private readonly devServerUrl: string | undefined) {
    this.origin = devServerUrl ? originOf(devServerUrl) : APP_ORIGIN;
  }

  get entryUrl(): string {
    return this.devServerUrl ?? `${APP_ORIGIN}/index.html`;
  }

  /** True only for URLs of the app's own page; malformed URLs are not. */
  owns(url: string): boolean {
    try {
      return originOf(url) === this.origin;
    } catch {
      return false;
    }
  }
}

/** WHATWG `URL.origin` is "null" for custom schemes, so the origin is spelled out by hand. */
function originOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}
