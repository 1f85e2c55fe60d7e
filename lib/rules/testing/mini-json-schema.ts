// A small JSON Schema (2020-12) checker for the keywords rulepack.schema.json uses, so the tests can show
// that editors (which read the JSON Schema) and Ownersight (which runs Zod) agree on a corpus of packs,
// without adding a validator dependency. Unknown keywords throw, so a new keyword in the generated file
// cannot be silently ignored. `format` is an annotation only, as in 2020-12 by default.

type Schema = Record<string, unknown>;

const KNOWN = new Set([
  '$schema', '$defs', '$ref', 'title', 'description', 'format', 'type', 'properties', 'required', 'additionalProperties',
  'propertyNames', 'items', 'minItems', 'maxItems', 'minLength', 'maxLength', 'pattern', 'enum', 'const', 'minimum',
  'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'anyOf', 'oneOf', 'allOf', 'id',
]);

function typeOk(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    default:
      throw new Error(`mini-json-schema: unknown type ${type}`);
  }
}

/** Paths of the first failures (empty when the value is valid). */
export function jsonSchemaErrors(root: Schema, value: unknown): string[] {
  return collect(root, root, value, '$');
}

function collect(root: Schema, at: Schema, value: unknown, start: string): string[] {
  const errors: string[] = [];
  const check = (schema: Schema, v: unknown, path: string): void => {
    for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`mini-json-schema: unsupported keyword ${key}`);
    const fail = (why: string): void => void errors.push(`${path}: ${why}`);
    if (typeof schema.$ref === 'string') {
      const name = schema.$ref.replace(/^#\/\$defs\//, '');
      const target = (root.$defs as Record<string, Schema>)[name];
      if (!target) throw new Error(`mini-json-schema: cannot resolve ${schema.$ref}`);
      check(target, v, path);
    }
    if (typeof schema.type === 'string' && !typeOk(schema.type, v)) return fail(`not ${schema.type}`);
    if ('const' in schema && schema.const !== v) fail('not the constant');
    if (Array.isArray(schema.enum) && !schema.enum.includes(v)) fail('not in enum');
    if (typeof v === 'string') {
      const length = [...v].length;
      if (typeof schema.minLength === 'number' && length < schema.minLength) fail('too short');
      if (typeof schema.maxLength === 'number' && length > schema.maxLength) fail('too long');
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(v)) fail('pattern');
    }
    if (typeof v === 'number') {
      if (typeof schema.minimum === 'number' && v < schema.minimum) fail('below minimum');
      if (typeof schema.maximum === 'number' && v > schema.maximum) fail('above maximum');
      if (typeof schema.exclusiveMinimum === 'number' && v <= schema.exclusiveMinimum) fail('not above exclusiveMinimum');
      if (typeof schema.exclusiveMaximum === 'number' && v >= schema.exclusiveMaximum) fail('not below exclusiveMaximum');
    }
    if (Array.isArray(v)) {
      if (typeof schema.minItems === 'number' && v.length < schema.minItems) fail('too few items');
      if (typeof schema.maxItems === 'number' && v.length > schema.maxItems) fail('too many items');
      if (schema.items && typeof schema.items === 'object') v.forEach((item, i) => check(schema.items as Schema, item, `${path}[${i}]`));
    }
    if (typeOk('object', v)) {
      const object = v as Record<string, unknown>;
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      for (const key of (schema.required ?? []) as string[]) if (!(key in object)) fail(`missing ${key}`);
      for (const [key, item] of Object.entries(object)) {
        if (schema.propertyNames) check(schema.propertyNames as Schema, key, `${path}{${key}}`);
        if (key in properties) check(properties[key]!, item, `${path}.${key}`);
        else if (schema.additionalProperties === false) fail(`unknown ${key}`);
        else if (typeof schema.additionalProperties === 'object') check(schema.additionalProperties as Schema, item, `${path}.${key}`);
      }
    }
    const passes = (s: Schema) => collect(root, s, v, path).length === 0;
    if (Array.isArray(schema.anyOf) && !(schema.anyOf as Schema[]).some(passes)) fail('no anyOf branch');
    if (Array.isArray(schema.oneOf) && (schema.oneOf as Schema[]).filter(passes).length !== 1) fail('not exactly one oneOf branch');
    if (Array.isArray(schema.allOf)) for (const s of schema.allOf as Schema[]) check(s, v, path);
  };
  check(at, value, start);
  return errors;
}
