import { describeIssues, type PackError } from './issue-words';
import { checkDepth, readJson } from './read-json';
import { RulePackSchema, type RulePack } from './schema';

export type { PackError };
export type ParsedPack = { ok: true; pack: RulePack } | { ok: false; errors: PackError[] };

/** Enough to fix a file in one pass without flooding the options page. */
const MAX_ERRORS = 50;

/**
 * A rule pack from JSON text or an already-parsed value, with every mistake as a JSON path and plain words.
 * Size and nesting are refused before parsing; cross-references (unique ids and priorities, pools that
 * exist, expiry after issue) are checked by the schema itself.
 */
export function parseRulePack(input: unknown): ParsedPack {
  const read = typeof input === 'string' ? readJson(input) : checkDepth(input);
  if (!read.ok) return { ok: false, errors: [{ path: '$', message: read.message }] };
  const result = RulePackSchema.safeParse(read.value, { reportInput: true });
  if (result.success) return { ok: true, pack: result.data };
  const errors = describeIssues(result.error.issues);
  if (errors.length > MAX_ERRORS) {
    const more = errors.length - MAX_ERRORS;
    return { ok: false, errors: [...errors.slice(0, MAX_ERRORS), { path: '$', message: `and ${more} more mistake${more === 1 ? '' : 's'}` }] };
  }
  return { ok: false, errors };
}

/** Errors as lines for a terminal or a plain text box: `$.rules[3].when.crm: must not be empty`. */
export function formatPackErrors(errors: readonly PackError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
