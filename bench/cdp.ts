import type { BrowserContext, CDPSession, Page } from 'playwright-core';

// CDP where Playwright has no handle: the extension's service worker. A page session attaches to the
// worker's target (non-flat) and relays commands with Target.sendMessageToTarget.

export interface TargetSession {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  detach(): Promise<void>;
}

export async function serviceWorkerSession(ctx: BrowserContext, extensionId: string): Promise<TargetSession> {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const cdp = await ctx.newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!target) throw new Error('No extension service worker target');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let next = 0;
  const waiting = new Map<number, (reply: { result?: unknown; error?: { message: string } }) => void>();
  (cdp as unknown as { on(event: string, fn: (e: { sessionId: string; message: string }) => void): void }).on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
  });
  return {
    send<T>(method: string, params: Record<string, unknown> = {}) {
      const id = ++next;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, (reply) => {
          waiting.delete(id);
          if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
          else resolve(reply.result as T);
        });
        void (cdp.send as (m: string, p: unknown) => Promise<unknown>)('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      });
    },
    async detach() {
      await cdp.detach().catch(() => undefined);
    },
  };
}

/** Used JS heap of a target after a full garbage collection, in bytes. */
export async function heapAfterGc(session: Pick<TargetSession, 'send'> | CDPSession): Promise<number> {
  const send = session.send.bind(session) as (method: string, params?: Record<string, unknown>) => Promise<unknown>;
  await send('HeapProfiler.enable');
  await send('HeapProfiler.collectGarbage');
  await send('HeapProfiler.collectGarbage');
  const usage = (await send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize;
}

export async function pageSession(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}
