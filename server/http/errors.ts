import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import type { ErrorReply } from '../../lib/model/sync';

/** Every non-2xx answer is an ErrorReply (lib/model/sync.ts), so clients read one shape. */
export function errorReply(c: Context, status: ContentfulStatusCode, code: string, message: string, expected?: number): Response {
  const body: ErrorReply = { error: { code, message: message.slice(0, 2000), ...(expected !== undefined ? { expected } : {}) } };
  return c.json(body, status);
}

/** The first few schema problems in words, each with where it is ("mutations.3.args.until: ..."). */
export function describeZodError(error: ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => `${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more problems)` : '';
  return `The request body does not match the protocol: ${issues.join('; ')}${more}.`;
}
