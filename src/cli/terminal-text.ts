/**
 * Text from scenario files (names, notes, unknown keys quoted in error messages) must not drive the
 * terminal it is printed on: an escape sequence in a name could clear the screen, rewrite earlier
 * lines or set the window title, and bidirectional overrides can make text read differently from
 * what it is ("Trojan Source", Boucher and Anderson 2021). Everything the command line prints
 * passes through here.
 */

/**
 * C0 controls except tab and line feed (which the output's own layout uses), DEL, C1 controls
 * (U+0080–U+009F, among them the 8-bit CSI U+009B), and the bidirectional embeddings, overrides
 * and isolates U+202A–U+202E and U+2066–U+2069.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Writes each unsafe character as a four-hex-digit `\u` escape (ESC becomes `\u001b`). Inside
 * JSON strings (the only place JSON output can hold these characters) that escape means the same
 * character, so JSON output stays valid and reads back unchanged.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
