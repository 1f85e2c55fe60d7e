// Guards that run before JSON.parse and before Zod, so a hostile pack is refused cheaply (issue #5):
// a size limit on the text, and a nesting limit checked without recursion (a deep document must not be
// able to exhaust the stack of the parser, the validator or canonical JSON).

export const MAX_PACK_BYTES = 1024 * 1024;
export const MAX_DEPTH = 32;
/** Guards shared sub-objects of an in-memory input (a DAG can be exponentially larger than it looks). */
const MAX_NODES = 1_000_000;

export type JsonRead = { ok: true; value: unknown } | { ok: false; message: string };

/** UTF-8 length without encoding the whole string when it is obviously small or obviously huge. */
function utf8Bytes(text: string): number {
  if (text.length * 3 <= MAX_PACK_BYTES) return text.length;
  if (text.length > MAX_PACK_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

/** Deepest `[`/`{` nesting in JSON text, ignoring brackets inside strings. */
function textDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/**
 * Nesting depth of an in-memory value, iteratively: `{}` and `[]` count one level each, as in the text.
 * Stops at the first level past `limit`. Returns `Infinity` past a million objects (a cycle, or shared
 * sub-objects that would expand beyond any 1 MB file).
 */
export function valueDepth(value: unknown, limit = MAX_DEPTH): number {
  let deepest = 0;
  let nodes = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (++nodes > MAX_NODES) return Infinity;
    if (depth + 1 > limit) return depth + 1; // already too deep: no need to look further
    deepest = Math.max(deepest, depth + 1);
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

const tooDeep = `it nests deeper than ${MAX_DEPTH} levels, which no rule pack needs`;

/** JSON text → value, refusing text over 1 MB or nested over 32 levels before parsing it. */
export function readJson(text: string): JsonRead {
  const bytes = utf8Bytes(text);
  if (bytes > MAX_PACK_BYTES) {
    return { ok: false, message: `The file is ${Math.ceil(bytes / 1024)} KB; a rule pack may be at most ${MAX_PACK_BYTES / 1024} KB.` };
  }
  if (textDepth(text) > MAX_DEPTH) return { ok: false, message: `The file is refused: ${tooDeep}.` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `The file is not JSON: ${(error as Error).message}.` };
  }
}

/** An in-memory value (already parsed elsewhere) under the same nesting limit. */
export function checkDepth(value: unknown): JsonRead {
  const depth = valueDepth(value);
  if (depth === Infinity) return { ok: false, message: 'The pack is refused: it is larger than any 1 MB file (or refers to itself).' };
  return depth > MAX_DEPTH ? { ok: false, message: `The pack is refused: ${tooDeep}.` } : { ok: true, value };
}
