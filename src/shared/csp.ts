/**
 * The Content-Security-Policy of every page of the app: sent as a header by the Electron session
 * (electron/main/security.ts) and by the browser server (scripts/serve-web.ts), and mirrored in
 * src/renderer/index.html's meta tag (which cannot carry frame-ancestors). Pure: no Node, no DOM.
 *
 * Nothing may evaluate strings as code (no eval allowance in script-src). Inline styles are allowed because Svelte transitions and plotly.js
 * set them; images may be data:/blob: because plotly renders its PNG export that way. 'self'
 * also admits the dev server's same-host HMR websocket.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
