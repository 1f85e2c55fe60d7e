import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { z } from 'zod';
import { ChannelSchema } from '../../lib/model/ownership';
import { PullRequestSchema, PushRequestSchema, type MeReply } from '../../lib/model/sync';
import { authenticate, type AuthContext } from '../auth';
import type { Db } from '../db/db';
import { checkEnvelope, getRulePack, MAX_RULEPACK_BYTES, putRulePack } from '../rulepack';
import { buildSuppressions, loadSuppressionSources, suppressionsCsv } from '../suppressions';
import { applyPush } from '../sync/apply-push';
import { pull, purgeTombstones } from '../sync/pull';
import type { WebhookSender } from '../webhooks';
import { describeZodError, errorReply } from './errors';
import { ReassignRequestSchema } from '../../lib/model/health';
import { loadHealthData } from '../health/health-data';
import { healthReply } from '../health/health-cache';
import { readHealthQuery } from '../health/health-query';
import { MAX_LIST_ROWS, offenderList, offendersCsv } from '../health/offender-lists';
import { reassign } from '../health/reassign';

export interface AppDeps {
  db: Db;
  now: () => number;
  webhooks: WebhookSender;
  tombstoneMs: number;
  /** Pull page size; MAX_PULL_ROWS unless a test wants small pages. */
  pullPageSize?: number;
}

// A push holds at most 500 mutations of a few kilobytes each.
const MAX_PUSH_BYTES = 4 * 1024 * 1024;
const MAX_SMALL_BYTES = 16 * 1024;
// 1,000 record keys of up to 400 characters, and a reason.
const MAX_REASSIGN_BYTES = 512 * 1024;

type Env = { Variables: { auth: AuthContext } };

/** Extension pages only: a web page must not call the service with a user's token (it has none anyway). */
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9._-]+$/;

export function createApp(deps: AppDeps): Hono<Env> {
  const { db, now } = deps;
  const app = new Hono<Env>();

  app.use(
    '*',
    cors({
      origin: (origin) => (EXTENSION_ORIGIN.test(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type'],
      maxAge: 600,
    }),
  );

  app.get('/healthz', async (c) => {
    await db.query('SELECT 1 FROM schema_migrations LIMIT 1');
    return c.json({ ok: true });
  });

  app.use('/v1/*', async (c, next) => {
    const auth = await authenticate(db, c.req.header('Authorization'), now());
    if (!auth) return errorReply(c, 401, 'unauthorized', 'A valid access token is needed: send "Authorization: Bearer <token>". The token may be missing, mistyped or revoked.');
    c.set('auth', auth);
    await next();
  });

  app.get('/v1/me', (c) => {
    const { user, teamId, teamName } = c.get('auth');
    const reply: MeReply = { user, team: { id: teamId, name: teamName }, serverNow: now() };
    return c.json(reply);
  });

  app.post('/v1/push', limit(MAX_PUSH_BYTES), async (c) => {
    const body = await readBody(c, PushRequestSchema);
    if (!body.ok) return body.response;
    const { teamId, user } = c.get('auth');
    const outcome = await applyPush(db, teamId, user, body.data, now());
    if (outcome.kind === 'gap') {
      return errorReply(c, 409, 'mutation-gap', `Mutations must follow on: the next mutation id expected from this client is ${outcome.expected}. Nothing in this push was applied.`, outcome.expected);
    }
    deps.webhooks.send(teamId, outcome.flagChanges);
    return c.json(outcome.reply);
  });

  app.post('/v1/pull', limit(MAX_SMALL_BYTES), async (c) => {
    const body = await readBody(c, PullRequestSchema);
    if (!body.ok) return body.response;
    const { teamId } = c.get('auth');
    const at = now();
    await purgeTombstones(db, teamId, at - deps.tombstoneMs);
    const outcome = await pull(db, teamId, body.data.clientId, body.data.cookie, { now: at, ...(deps.pullPageSize ? { maxRows: deps.pullPageSize } : {}) });
    if (outcome.kind === 'bad-cookie') return errorReply(c, 400, 'bad-cookie', outcome.message);
    return c.json(outcome.reply);
  });

  app.get('/v1/suppressions', async (c) => {
    const { teamId, user } = c.get('auth');
    if (user.role !== 'marketer' && user.role !== 'admin') return errorReply(c, 403, 'forbidden', 'Only marketers and admins can read the suppression list.');
    const channel = ChannelSchema.safeParse(c.req.query('channel'));
    if (!channel.success) return errorReply(c, 400, 'invalid-request', `Say which channel: ?channel= one of ${ChannelSchema.options.join(', ')}.`);
    const format = c.req.query('format') ?? 'json';
    if (format !== 'json' && format !== 'csv') return errorReply(c, 400, 'invalid-request', '?format= is json or csv.');
    const at = now();
    const list = buildSuppressions(await loadSuppressionSources(db, teamId, channel.data, at), channel.data, at);
    if (format === 'csv') {
      return c.body(suppressionsCsv(list), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="suppressions-${channel.data}.csv"`,
      });
    }
    return c.json({ channel: channel.data, serverNow: at, suppressions: list });
  });

  app.get('/v1/rulepack', async (c) => {
    const pack = await getRulePack(db, c.get('auth').teamId);
    if (!pack) return errorReply(c, 404, 'not-found', 'This team has no rule pack yet.');
    // ?after=N: the install holds version N already; 204 says "nothing newer" without sending the pack.
    const after = Number(c.req.query('after'));
    if (Number.isSafeInteger(after) && pack.version <= after) return c.body(null, 204);
    return c.body(pack.body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  app.put('/v1/rulepack', limit(MAX_RULEPACK_BYTES), async (c) => {
    const { teamId, user } = c.get('auth');
    if (user.role !== 'admin') return errorReply(c, 403, 'forbidden', 'Only admins can publish a rule pack.');
    const text = await c.req.text();
    const parsed = parseJson(text);
    if (!parsed.ok) return errorReply(c, 400, 'invalid-json', parsed.message);
    const checked = checkEnvelope(parsed.value, teamId);
    if (!checked.ok) return errorReply(c, 400, checked.code, checked.message);
    const outcome = await putRulePack(db, teamId, checked.envelope.pack.version, text, user.email, now());
    if (outcome.kind === 'stale') {
      return errorReply(c, 409, 'stale-version', `The stored rule pack is version ${outcome.stored}; a new one needs a greater version than that.`, outcome.stored + 1);
    }
    return c.json({ version: outcome.version });
  });

  // Ownership health (issue 6): admins only; the same numbers feed the dashboard and a team's BI tool.
  app.get('/v1/health', async (c) => {
    const { teamId, user } = c.get('auth');
    if (user.role !== 'admin') return errorReply(c, 403, 'forbidden', 'Only admins can read ownership health; ask an admin of your team.');
    const query = readHealthQuery(c.req.query(), false);
    if (!query.ok) return errorReply(c, 400, query.code, query.message);
    return c.json(await healthReply(db, teamId, query.filters, now()));
  });

  app.get('/v1/health/records', async (c) => {
    const { teamId, user } = c.get('auth');
    if (user.role !== 'admin') return errorReply(c, 403, 'forbidden', 'Only admins can read ownership health lists; ask an admin of your team.');
    const query = readHealthQuery(c.req.query(), true);
    if (!query.ok) return errorReply(c, 400, query.code, query.message);
    const list = query.list!;
    const records = offenderList(await loadHealthData(db, teamId, now()), query.filters, list);
    if (query.format === 'csv') {
      return c.body(offendersCsv(records), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="ownership-${list}.csv"` });
    }
    return c.json({ list, total: records.length, records: records.slice(0, MAX_LIST_ROWS), truncated: records.length > MAX_LIST_ROWS });
  });

  app.post('/v1/reassign', limit(MAX_REASSIGN_BYTES), async (c) => {
    const { teamId, user } = c.get('auth');
    if (user.role !== 'admin') return errorReply(c, 403, 'forbidden', 'Only admins can reassign records in bulk; a record\'s owner can hand over one record from its panel.');
    const body = await readBody(c, ReassignRequestSchema);
    if (!body.ok) return body.response;
    const outcome = await reassign(db, teamId, user.email, body.data, now());
    if (outcome.kind === 'unknown-owner') return errorReply(c, 400, 'unknown-owner', `The owner "${body.data.ownerId}" is not known to the team service; import the team's owners first.`);
    return c.json(outcome.reply);
  });

  app.notFound((c) => errorReply(c, 404, 'not-found', `No such endpoint: ${c.req.method} ${c.req.path}.`));
  app.onError((error, c) => {
    console.error('ownersight: request failed:', error);
    return errorReply(c, 500, 'internal', 'The service failed to answer; try again. The error is in the service log.');
  });
  return app;
}

function limit(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: (c) => errorReply(c, 400, 'body-too-large', `The request body is larger than ${Math.round(maxSize / 1024)} KB, the most this endpoint takes.`),
  });
}

type Read<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Parses the body as JSON and validates it: the service's only door, so nothing inside re-checks. */
async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<Read<z.infer<S>>> {
  const parsed = parseJson(await c.req.text());
  if (!parsed.ok) return { ok: false, response: errorReply(c, 400, 'invalid-json', parsed.message) };
  const result = schema.safeParse(parsed.value);
  if (!result.success) return { ok: false, response: errorReply(c, 400, 'invalid-request', describeZodError(result.error)) };
  return { ok: true, data: result.data };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: false, message: 'The request body is empty; send a JSON object.' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `The request body is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).` };
  }
}
