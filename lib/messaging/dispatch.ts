import type { Browser } from 'wxt/browser';

type MessageSender = Browser.runtime.MessageSender;
import { REQUESTS, RequestEnvelopeSchema, type Replies, type Reply, type RequestOf, type Route } from './protocol';
import { ROUTE_ACCESS } from './routes';
import { classifySender, type SenderKind, type Self } from './sender';

/** An error whose message is meant for the person who caused it. */
export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface HandlerContext {
  sender: MessageSender;
  senderKind: SenderKind;
}

export type Handlers = { [R in Route]: (payload: RequestOf<R>, context: HandlerContext) => Promise<Replies[R]> };

const isRoute = (route: string): route is Route => Object.hasOwn(REQUESTS, route);

function zodMessage(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Validates one message (envelope, sender, payload) and runs its handler. Never throws. */
export async function dispatch(
  message: unknown,
  sender: MessageSender,
  self: Self,
  handlers: Handlers,
): Promise<Reply<unknown>> {
  const fail = (code: string, text: string): Reply<never> => ({ ok: false, error: { code, message: text } });
  const envelope = RequestEnvelopeSchema.safeParse(message);
  if (!envelope.success) return fail('bad-request', 'Malformed message');
  const { route, payload } = envelope.data;
  if (!isRoute(route)) return fail('unknown-route', `Unknown route "${route.slice(0, 64)}"`);
  const senderKind = classifySender(sender, self);
  if (!ROUTE_ACCESS[route].includes(senderKind)) return fail('forbidden', `"${route}" is not allowed from ${senderKind}`);
  const parsed = REQUESTS[route].safeParse(payload);
  if (!parsed.success) return fail('bad-request', `Invalid "${route}" request: ${zodMessage(parsed.error.issues)}`);
  try {
    const handler = handlers[route] as (payload: unknown, context: HandlerContext) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data, { sender, senderKind }) };
  } catch (error) {
    if (error instanceof RequestError) return fail(error.code, error.message);
    console.error(`[ownersight] ${route} failed`, error);
    return fail('internal', error instanceof Error ? error.message : 'Unexpected error');
  }
}
