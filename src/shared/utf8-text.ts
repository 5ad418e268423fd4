/**
 * How the bytes of a scenario file become text, the same in every host (the command line, the
 * desktop app's main process and the browser version). Pure: TextDecoder is in Node and browsers.
 */

/** What hosts say about bytes that `decodeUtf8Text` refuses. */
export const NOT_UTF8_TEXT = 'not UTF-8 text';

/**
 * The text of UTF-8 bytes, or null when they are not valid UTF-8 (rather than mangling them into
 * U+FFFD). A leading byte-order mark, which Windows editors write, is accepted and left out.
 */
export function decodeUtf8Text(bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: false is what strips the mark (true would keep it in the text).
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}
