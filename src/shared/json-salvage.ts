/**
 * What can still be read from a damaged JSON object text: a settings file cut short by a crash
 * or a full disk, or hand-edited with one slip, should lose only the part that is damaged. Pure:
 * no Node, no DOM.
 */

/**
 * The top-level members of `text`, an object in JSON: all of them when it parses; otherwise each
 * complete `"key": value` that parses on its own, so a truncated tail or one member that is not
 * JSON is skipped alone. Empty when the text is not a JSON object at all (an array, garbage).
 * A byte-order mark (left by some Windows editors) is ignored.
 */
export function readableMembers(text: string): Record<string, unknown> {
  const body = text.replace(/^\uFEFF/, '').trim();
  try {
    const whole: unknown = JSON.parse(body);
    return isPlainObject(whole) ? whole : {};
  } catch {
    return body.startsWith('{') ? completeMembers(body) : {};
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Splits an object's body at its top-level commas (outside strings and nested brackets) and
 * parses each piece alone. Stops at the object's closing brace, or at the end of a cut-short text
 * (its unfinished last piece does not parse and is dropped).
 */
function completeMembers(body: string): Record<string, unknown> {
  // No prototype, so a "__proto__" key is kept as a plain member and cannot replace it.
  const members = Object.create(null) as Record<string, unknown>;
  const keep = (piece: string): void => {
    if (piece.trim() === '') return;
    try {
      const parsed: unknown = JSON.parse(`{${piece}}`);
      if (isPlainObject(parsed)) Object.assign(members, parsed);
    } catch {
      // This member is damaged; the others still count.
    }
  };
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = 1;
  for (let i = 1; i < body.length; i++) {
    const char = body[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '{' || char === '[') {
      depth++;
    } else if (char === '}' || char === ']') {
      if (depth === 0) {
        keep(body.slice(start, i));
        return members;
      }
      depth--;
    } else if (char === ',' && depth === 0) {
      keep(body.slice(start, i));
      start = i + 1;
    }
  }
  keep(body.slice(start));
  return members;
}
