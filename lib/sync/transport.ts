import type { z } from 'zod';
import {
  ErrorReplySchema,
  MeReplySchema,
  PullReplySchema,
  PushReplySchema,
  type MeReply,
  type PullReply,
  type PullRequest,
  type PushReply,
  type PushRequest,
} from '../model/sync';

/**
 * Chrome stops an idle extension service worker after 30 s and cuts a single event off at 5 minutes; a
 * fetch that outlives the worker is lost without an answer. Every request gives up well before that.
 */
export const REQUEST_TIMEOUT_MS = 20_000;
/** A sync reply beyond this is not one the service would send. */
const MAX_REPLY_CHARS = 64 * 1024 * 1024;

export type SyncErrorCode =
  | 'offline'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'mutation-gap'
  | 'bad-request'
  | 'server'
  | 'invalid-reply';

/** A failed exchange with the service, with words for the user and what the worker should do next. */
export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly status?: number,
    /** On `mutation-gap`: the mutation id the service expects next. */
    readonly expected?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }

  /** Worth retrying later by itself; the others need a person (a new token) or a different request. */
  get transient(): boolean {
    return this.code === 'offline' || this.code === 'timeout' || this.code === 'server' || this.code === 'invalid-reply';
  }
}

export interface Connection {
  serverUrl: string;
  token: string;
}

export type Fetch = typeof fetch;

export function endpoint(serverUrl: string, path: string): string {
  return new URL(path, serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`).toString();
}

export function errorFor(status: number, body: unknown): SyncError {
  const parsed = ErrorReplySchema.safeParse(body);
  const said = parsed.success ? parsed.data.error : undefined;
  if (status === 401) return new SyncError('unauthorized', 'The access token was refused. Ask your admin for a new one and enter it in the options.', status);
  if (status === 403) return new SyncError('forbidden', said?.message ?? 'The service refused this request for your role.', status);
  if (status === 409 && said?.code === 'mutation-gap') {
    return new SyncError('mutation-gap', said.message, status, said.expected);
  }
  if (status >= 400 && status < 500) return new SyncError('bad-request', said?.message ?? `The service answered ${status}.`, status);
  return new SyncError('server', said?.message ? `The service failed: ${said.message}` : `The service failed (HTTP ${status}).`, status);
}

/**
 * One request to the service, the reply read as text. A network failure, a timeout or a reply cut off
 * midway becomes a SyncError; the status is the caller's to judge (see `failureOf`).
 */
export async function sendRaw(
  fetchFn: Fetch,
  connection: Connection,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: string,
): Promise<{ response: Response; text: string }> {
  let response: Response;
  try {
    response = await fetchFn(endpoint(connection.serverUrl, path), {
      method,
      headers: { authorization: `Bearer ${connection.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body } : {}),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new SyncError('timeout', `The service did not answer within ${REQUEST_TIMEOUT_MS / 1000} s.`);
    throw new SyncError('offline', 'The service could not be reached. Changes are kept and sent when it can.');
  }
  try {
    return { response, text: await response.text() };
  } catch {
    throw new SyncError('timeout', 'The service stopped answering in the middle of a reply.');
  }
}

/** What a non-2xx reply means, from its status and the service's error body when it sent one. */
export function failureOf(response: Response, text: string): SyncError {
  let body: unknown;
  try {
    body = text.length > MAX_REPLY_CHARS ? undefined : JSON.parse(text);
  } catch {
    body = undefined; // not JSON (a proxy's page): the status says enough
  }
  return errorFor(response.status, body);
}

/** One request to the service; the reply is validated with `schema` before anyone sees it. */
export async function exchange<T>(
  fetchFn: Fetch,
  connection: Connection,
  method: 'GET' | 'POST',
  path: string,
  schema: z.ZodType<T>,
  body?: unknown,
): Promise<T> {
  const { response, text } = await sendRaw(fetchFn, connection, method, path, body !== undefined ? JSON.stringify(body) : undefined);
  if (!response.ok) throw failureOf(response, text);
  let json: unknown;
  try {
    json = text.length > MAX_REPLY_CHARS ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (json === undefined) {
    const looksHtml = /^\s*</.test(text);
    throw new SyncError('invalid-reply', looksHtml ? 'The server answered with a web page, not the ownership service. Check the Server URL.' : 'The service sent a reply that is not JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SyncError('invalid-reply', `The service sent a reply Ownersight does not understand (${issue ? `${issue.path.join('.') || 'reply'}: ${issue.message}` : 'invalid'}).`);
  }
  return parsed.data;
}

export const service = {
  me: (fetchFn: Fetch, connection: Connection): Promise<MeReply> => exchange(fetchFn, connection, 'GET', 'v1/me', MeReplySchema),
  push: (fetchFn: Fetch, connection: Connection, request: PushRequest): Promise<PushReply> =>
    exchange(fetchFn, connection, 'POST', 'v1/push', PushReplySchema, request),
  pull: (fetchFn: Fetch, connection: Connection, request: PullRequest): Promise<PullReply> =>
    exchange(fetchFn, connection, 'POST', 'v1/pull', PullReplySchema, request),
};
