/**
 * What JSON.parse does not check in a scenario file's text: keys given twice in one object and
 * absurd nesting.
 *
 * JSON.parse keeps the last of `{"name": "a", "name": "b"}` without a word, so a file can say two
 * things and mean one; a scenario file that does is refused instead, naming the key, its path and
 * its line. And a hostile file of a megabyte of `[` takes JSON.parse about a second on a busy
 * machine; no scenario nests more than a few levels, so deeper files are refused before parsing.
 *
 * Why not a library: the well-kept JSON parser with source locations on npm,
 * @humanwhocodes/momoa (ESLint's), parses recursively (a RangeError at 10,000 nesting levels, which
 * a hostile file reaches in 20 kB) and took 1.1 s on a 1 MB file here, against the second every
 * file must be answered in; the dedicated duplicate-key packages are unmaintained. This scan is one
 * pass without recursion, a few milliseconds per megabyte.
 */
import { childPath } from './reader';

/** Far deeper than any scenario (whose deepest field, e.g. `gpus[0].peakFlops.bf16`, is at 3). */
export const MAX_NESTING = 64;

/** A hostile file can repeat keys by the thousand; the first few say what is wrong. */
export const MAX_DUPLICATES_REPORTED = 10;

export interface DuplicateKey {
  readonly key: string;
  /** The JSON path of the repeated member, as validation issues name fields. */
  readonly path: string;
  /** 1-based lines of the first and of the repeated occurrence. */
  readonly firstLine: number;
  readonly line: number;
}

export interface JsonStructure {
  /** Each repetition of a key within one object, in file order (the first MAX_DUPLICATES_REPORTED). */
  readonly duplicates: readonly DuplicateKey[];
  /** The line where nesting first exceeds MAX_NESTING (the scan stops there), if it does. */
  readonly tooDeepAtLine?: number;
}

/**
 * Where the scan is: each open object or array, with the frame it is nested in. Paths are built
 * only for a duplicate found, as building one per frame would cost the square of the depth.
 */
interface ObjectFrame {
  readonly kind: 'object';
  readonly parent: Frame | undefined;
  readonly depth: number;
  /** Each key seen so far in this object, with the line it is on. */
  readonly keys: Map<string, number>;
  key: string;
  expectingKey: boolean;
}

interface ArrayFrame {
  readonly kind: 'array';
  readonly parent: Frame | undefined;
  readonly depth: number;
  index: number;
}

type Frame = ObjectFrame | ArrayFrame;

/**
 * Scans JSON text for repeated keys and excessive nesting. Text that is not valid JSON gets an
 * answer too (JSON.parse then says what is wrong with it): the scan never loops or throws.
 */
export function scanJsonStructure(text: string): JsonStructure {
  const duplicates: DuplicateKey[] = [];
  let top: Frame | undefined;
  let line = 1;
  for (let i = 0; i < text.length && duplicates.length < MAX_DUPLICATES_REPORTED; i++) {
    const char = text[i];
    if (char === '\n') {
      line++;
    } else if (char === '{' || char === '[') {
      const depth = (top?.depth ?? 0) + 1;
      if (depth > MAX_NESTING) return { duplicates, tooDeepAtLine: line };
      top =
        char === '{'
          ? { kind: 'object', parent: top, depth, keys: new Map(), key: '', expectingKey: true }
          : { kind: 'array', parent: top, depth, index: 0 };
    } else if (char === '}' || char === ']') {
      top = top?.parent;
    } else if (char === ',') {
      if (top?.kind === 'object') top.expectingKey = true;
      else if (top?.kind === 'array') top.index++;
    } else if (char === '"') {
      const end = closingQuote(text, i);
      if (end < 0) break;
      if (top?.kind === 'object' && top.expectingKey) {
        const key = keyOf(text.slice(i, end + 1));
        const firstLine = top.keys.get(key);
        if (firstLine === undefined) top.keys.set(key, line);
        else duplicates.push({ key, path: childPath(pathOf(top), key), firstLine, line });
        top.key = key;
        top.expectingKey = false;
      }
      // JSON strings hold no raw line breaks, so skipping one leaves the line count right.
      i = end;
    }
  }
  return { duplicates };
}

/** A key as JSON.parse reads it: escapes make different spellings of one key ("na\u006de" is "name"). */
function keyOf(quoted: string): string {
  if (!quoted.includes('\\')) return quoted.slice(1, -1);
  try {
    return JSON.parse(quoted) as string;
  } catch {
    // A malformed escape: JSON.parse will refuse the whole text; the raw spelling will do till then.
    return quoted.slice(1, -1);
  }
}

/** The JSON path of the object or array a frame stands for. */
function pathOf(frame: Frame): string {
  const steps: (string | number)[] = [];
  for (let parent = frame.parent; parent; parent = parent.parent) {
    steps.push(parent.kind === 'object' ? parent.key : parent.index);
  }
  return steps.reduceRight<string>((path, step) => childPath(path, step), '');
}

/** The index of the quote closing the string that opens at `start`, or -1 if it is not closed. */
function closingQuote(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end > 0 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
  return end;
}

/** Whether the character at `index` follows an odd number of backslashes. */
function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  while (text[index - 1 - backslashes] === '\\') backslashes++;
  return backslashes % 2 === 1;
}
