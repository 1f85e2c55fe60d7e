import type { z } from 'zod';

/** One mistake in a pack: where (a JSON path such as `$.rules[3].when.crm`) and what, in plain words. */
export interface PackError {
  path: string;
  message: string;
}

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['rules', 3, 'when', 'crm']` → `$.rules[3].when.crm`; odd keys are quoted: `$["my key"]`. */
export function jsonPath(path: readonly PathKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return 'text';
  if (typeof input === 'number') return Number.isInteger(input) ? 'a whole number' : String(input);
  if (typeof input === 'boolean') return input ? 'true' : 'false';
  return typeof input === 'object' ? 'an object' : typeof input;
}

const listOf = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

function sizeWords(issue: Extract<Issue, { code: 'too_big' | 'too_small' }>): string {
  const big = issue.code === 'too_big';
  const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  const inclusive = issue.inclusive !== false;
  const bound = big ? (inclusive ? 'at most' : 'less than') : inclusive ? 'at least' : 'more than';
  switch (issue.origin) {
    case 'string':
      return limit === 1 && !big && inclusive ? 'must not be empty' : `must be ${bound} ${limit} characters long`;
    case 'array':
    case 'set':
      return limit === 1 && !big && inclusive ? 'must not be empty' : `must have ${bound} ${limit} entries`;
    default:
      return `must be ${bound} ${limit}`;
  }
}

/** A union failed. If one branch matched the shape (its issues are all deeper), report that branch's issues. */
function unionWords(issue: Extract<Issue, { code: 'invalid_union' }>, path: PathKey[]): PackError[] {
  const branches = issue.errors.filter((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0));
  const best = branches.sort((a, b) => a.length - b.length)[0];
  if (best) return best.flatMap((inner) => issueWords(inner, path));
  return [{ path: jsonPath(path), message: issue.message }];
}

/** Plain words for one Zod issue (Zod's defaults speak of types and regexes; an admin reads these). */
function issueWords(issue: Issue, prefix: PathKey[] = []): PackError[] {
  const path = [...prefix, ...issue.path];
  const at = jsonPath(path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return [{ path: at, message: 'is required' }];
      return [{ path: at, message: `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}, not ${received(issue.input)}` }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: jsonPath([...path, key]),
        message: 'is not a known field here (unknown fields are refused: check the spelling)',
      }));
    case 'invalid_value':
      return [{ path: at, message: issue.values.length === 1 ? `must be ${listOf(issue.values)}` : `must be one of ${listOf(issue.values)}` }];
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        return [{ path: at, message: `must be one of ${listOf(options)}` }];
      }
      return unionWords(issue, path);
    case 'invalid_format':
      if (issue.format === 'datetime') return [{ path: at, message: 'must be a date and time such as 2025-01-31T09:00:00Z' }];
      // Our regexes carry their own plain message.
      return [{ path: at, message: issue.format === 'regex' ? `must be ${issue.message}` : `is not a valid ${issue.format}` }];
    case 'too_big':
    case 'too_small':
      return [{ path: at, message: sizeWords(issue) }];
    case 'not_multiple_of':
      return [{ path: at, message: `must be a multiple of ${String(issue.divisor)}` }];
    case 'invalid_key':
      return [{ path: at, message: 'has a key that is not allowed here' }];
    default:
      return [{ path: at, message: issue.message }];
  }
}

/** One error per path (the first found): an empty id is "must not be empty", not also "must be an id". */
export function describeIssues(issues: readonly Issue[]): PackError[] {
  const seen = new Set<string>();
  return issues.flatMap((issue) => issueWords(issue)).filter((error) => !seen.has(error.path) && seen.add(error.path));
}
