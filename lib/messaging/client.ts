import { browser } from 'wxt/browser';
import type { Replies, Reply, RequestOf, Route } from './protocol';

/** A failure the background reported, rethrown on the caller's side. */
export class MessagingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessagingError';
  }
}

/** Sends one request to the background and returns its answer, or throws what it reported. */
export async function request<R extends Route>(route: R, payload: RequestOf<R>): Promise<Replies[R]> {
  const reply = (await browser.runtime.sendMessage({ route, payload })) as Reply<Replies[R]> | undefined;
  if (!reply || typeof reply !== 'object') throw new MessagingError('no-answer', 'The extension did not answer. Reload the page and try again.');
  if (!reply.ok) throw new MessagingError(reply.error.code, reply.error.message);
  return reply.value;
}
