// RFC 8785 JSON Canonicalization Scheme: the bytes a rule-pack signature covers (issue #5). Two installs,
// or the CLI and a browser, get the same string for the same data whatever the key order or spacing of
// the file. ECMAScript's own number and string serialisation is what the RFC specifies, so JSON.stringify
// does both; we add key order, refusals, and nothing else.

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** A lone UTF-16 surrogate is not Unicode text; I-JSON (which RFC 8785 builds on) forbids it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function string(value: string): string {
  if (LONE_SURROGATE.test(value)) throw new TypeError('Canonical JSON refuses text with a lone surrogate');
  return JSON.stringify(value);
}

/**
 * The canonical JSON of a JSON value: object keys sorted by UTF-16 code units, no whitespace, numbers as
 * ECMAScript prints them (-0 as 0). Throws on NaN, Infinity, bigint, functions, symbols and non-plain
 * objects. Properties whose value is `undefined` are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`Canonical JSON has no form for ${value}`);
      return JSON.stringify(value);
    case 'string':
      return string(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
      }
      if (!isPlainObject(value)) throw new TypeError('Canonical JSON takes plain objects only');
      // Array.prototype.sort without a comparator compares UTF-16 code units, as the RFC asks.
      const keys = Object.keys(value).sort();
      const members: string[] = [];
      for (const key of keys) {
        const item = (value as Record<string, unknown>)[key];
        if (item !== undefined) members.push(`${string(key)}:${canonicalJson(item)}`);
      }
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`Canonical JSON has no form for a ${typeof value}`);
  }
}
