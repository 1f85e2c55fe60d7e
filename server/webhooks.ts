import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Db } from './db/db';
import type { FlagChange } from './sync/apply-mutation';

// Signed webhooks on flag changes (issue 3): marketing automation hears of "do not market" and outreach
// claims as they happen. Sent after the push commits and never awaited by the push reply.

export const SIGNATURE_HEADER = 'X-Ownersight-Signature';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, in the manner of Stripe's signatures. */
export function signWebhook(secret: string, unixSeconds: number, body: string): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`, 'utf8').digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/** What a receiver does: recompute the HMAC over the raw body and compare in constant time; refuse old timestamps. */
export function verifyWebhook(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, t, body).split('v1=')[1]!, 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface WebhookEvent {
  id: string;
  type: 'flags.changed';
  team: string;
  at: number;
  changes: FlagChange[];
}

export interface WebhookSenderOptions {
  now: () => number;
  fetch?: typeof fetch;
  /** Waits before the 2nd, 3rd... attempt. Default 1 s, 5 s, 30 s: four attempts in all. */
  retryDelaysMs?: readonly number[];
  timeoutMs?: number;
}

export class WebhookSender {
  private readonly pending = new Set<Promise<void>>();
  private readonly stop = new AbortController();

  constructor(
    private readonly db: Db,
    private readonly options: WebhookSenderOptions,
  ) {}

  /** Queues one event per registered webhook of the team; returns at once. */
  send(teamId: string, changes: FlagChange[]): void {
    if (changes.length === 0 || this.stop.signal.aborted) return;
    const event: WebhookEvent = { id: randomUUID(), type: 'flags.changed', team: teamId, at: this.options.now(), changes };
    this.track(this.fanOut(event));
  }

  /** Resolves when every queued delivery has succeeded or given up (tests wait on it; nothing is timed). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Stops retries; deliveries in flight are abandoned. */
  async close(): Promise<void> {
    this.stop.abort();
    await this.idle();
  }

  private track(p: Promise<void>): void {
    const tracked = p.catch((error: unknown) => console.error('ownersight: webhook delivery failed:', error)).finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  private async fanOut(event: WebhookEvent): Promise<void> {
    const hooks = await this.db.query<{ id: string; url: string; secret: string }>('SELECT id, url, secret FROM webhooks WHERE team_id = $1 AND active', [event.team]);
    const body = JSON.stringify(event);
    await Promise.all(hooks.map((hook) => this.deliver(hook, event.id, body)));
  }

  private async deliver(hook: { id: string; url: string; secret: string }, eventId: string, body: string): Promise<void> {
    const delays = this.options.retryDelaysMs ?? [1000, 5000, 30_000];
    const doFetch = this.options.fetch ?? fetch;
    for (let attempt = 1; attempt <= delays.length + 1; attempt++) {
      if (attempt > 1 && !(await sleep(delays[attempt - 2]!, this.stop.signal))) return;
      let status: number | null = null;
      let error: string | null = null;
      try {
        const t = Math.floor(this.options.now() / 1000);
        const response = await doFetch(hook.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signWebhook(hook.secret, t, body), 'User-Agent': 'Ownersight-Webhook/1' },
          body,
          signal: AbortSignal.any([this.stop.signal, AbortSignal.timeout(this.options.timeoutMs ?? 10_000)]),
        });
        status = response.status;
        await response.body?.cancel();
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      const ok = status !== null && status >= 200 && status < 300;
      if (this.stop.signal.aborted) return;
      await this.db.query('INSERT INTO webhook_deliveries (webhook_id, event_id, attempt, at, status, error, ok) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        hook.id, eventId, attempt, this.options.now(), status, error ?? (ok ? null : `HTTP ${status}`), ok,
      ]);
      if (ok) return;
    }
  }
}

/** False when aborted before the time was up. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
