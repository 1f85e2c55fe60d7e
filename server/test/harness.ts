import { expect } from 'vitest';
import type { RecordDescriptor, Mutation, PullReply, PushReply, UserRole } from '../../lib/model/sync';
import { ErrorReplySchema, PullReplySchema, PushReplySchema } from '../../lib/model/sync';
import { storedRecordKey } from '../../lib/model/record-key';
import type { Flag } from '../../lib/model/ownership';
import { createService, type Service, type ServiceOptions } from '../service';
import { postgresProblem, POSTGRES_URL, type TestDatabase } from './databases';

export const T0 = Date.UTC(2026, 0, 5, 9);
export const DAY = 86_400_000;

/** A settable clock: the service's `now`. */
export interface Clock {
  now: () => number;
  set(ms: number): void;
  advance(ms: number): void;
}

export function clock(start = T0): Clock {
  let t = start;
  return { now: () => t, set: (ms) => void (t = ms), advance: (ms) => void (t += ms) };
}

export interface Harness {
  service: Service;
  clock: Clock;
  close(): Promise<void>;
}

export async function startHarness(db: TestDatabase, extra: Omit<ServiceOptions, 'databaseUrl' | 'dataDir' | 'schema' | 'now'> = {}): Promise<Harness> {
  if (db.name === 'postgres' && postgresProblem) {
    throw new Error(`PostgreSQL at ${POSTGRES_URL} is unreachable under CI=true: ${postgresProblem}. Run scripts/setup-debian.sh.`);
  }
  const c = clock();
  const opened = await db.open();
  const service = await createService({ ...opened.options, now: c.now, webhookRetryDelaysMs: [1, 1, 1], ...extra });
  return {
    service,
    clock: c,
    async close() {
      await service.close();
      await opened.drop();
    },
  };
}

export interface TeamUsers {
  team: string;
  /** One client per user, by role name, e.g. users.marketer. */
  users: Record<string, TestClient>;
}

let teamCounter = 0;

/** A fresh team with one user (and token, and client) per entry, e.g. { ann: 'marketer', rob: 'rep' }. */
export async function newTeam(service: Service, people: Record<string, UserRole>): Promise<TeamUsers> {
  const { id: team } = await service.admin.createTeam({ name: `Team ${++teamCounter}` });
  const users: Record<string, TestClient> = {};
  for (const [name, role] of Object.entries(people)) {
    const email = `${name}@acme.test`;
    await service.admin.addUser({ team, email, name, role });
    const { token } = await service.admin.createToken({ team, email });
    users[name] = new TestClient(service, token, `client-${name}-${teamCounter}`, email);
  }
  return { team, users };
}

export function hubspotAccount(recordId: string, extra: Partial<RecordDescriptor> = {}): { recordKey: string; record: RecordDescriptor } {
  const record: RecordDescriptor = { crm: 'hubspot', kind: 'account', recordId, name: `Company ${recordId}`, domain: `c${recordId}.example`, ...extra };
  return { recordKey: storedRecordKey(record), record };
}

export function hubspotContact(recordId: string, email: string): { recordKey: string; record: RecordDescriptor } {
  const record: RecordDescriptor = { crm: 'hubspot', kind: 'contact', recordId, name: `Person ${recordId}`, email };
  return { recordKey: storedRecordKey(record), record };
}

export type Unnumbered = Mutation extends infer M ? (M extends Mutation ? Omit<M, 'id' | 'clientTime'> : never) : never;

/** One browser profile: numbers its mutations, validates every reply with the protocol's schemas. */
export class TestClient {
  lastId = 0;
  cookie: string | null = null;

  constructor(
    readonly service: Service,
    readonly token: string,
    readonly clientId: string,
    readonly email: string,
  ) {}

  request(path: string, init: RequestInit = {}): Promise<Response> {
    return Promise.resolve(
      this.service.app.request(path, { ...init, headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json', ...init.headers } }),
    );
  }

  /** Numbers the mutations next in line and pushes them; expects 200. */
  async push(...mutations: Unnumbered[]): Promise<PushReply> {
    const numbered = mutations.map((m) => ({ ...m, id: ++this.lastId, clientTime: T0 }) as Mutation);
    return this.pushRaw(numbered);
  }

  async pushRaw(mutations: Mutation[]): Promise<PushReply> {
    const response = await this.request('/v1/push', { method: 'POST', body: JSON.stringify({ clientId: this.clientId, mutations }) });
    const body: unknown = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    return PushReplySchema.parse(body);
  }

  async pullOnce(cookie = this.cookie): Promise<PullReply> {
    const response = await this.request('/v1/pull', { method: 'POST', body: JSON.stringify({ clientId: this.clientId, cookie }) });
    const body: unknown = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    const reply = PullReplySchema.parse(body);
    this.cookie = reply.cookie;
    return reply;
  }

  /** Pulls until `more` is false; returns every page. */
  async pullAll(): Promise<PullReply[]> {
    const pages = [await this.pullOnce()];
    while (pages[pages.length - 1]!.more) pages.push(await this.pullOnce());
    return pages;
  }
}

/** The replica a client builds from pulls: latest row per key, tombstones applied. */
export class Replica {
  records = new Map<string, unknown>();
  owners = new Map<string, unknown>();
  flags = new Map<string, Flag>();
  checklists = new Map<string, unknown>();
  history = new Map<string, unknown>();

  apply(reply: PullReply): void {
    if (reply.reset) {
      for (const map of [this.records, this.owners, this.flags, this.checklists, this.history]) map.clear();
    }
    for (const r of reply.records) this.records.set(r.key, r);
    for (const o of reply.owners) this.owners.set(o.id, o);
    for (const f of reply.flags) this.flags.set(f.id, f);
    for (const id of reply.deletedFlags) this.flags.delete(id);
    for (const c of reply.checklists) this.checklists.set(c.recordKey, c);
    for (const h of reply.history) this.history.set(h.id, h);
  }
}

export async function expectError(response: Response, status: number, code: string): Promise<{ code: string; message: string; expected?: number }> {
  const body: unknown = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  const parsed = ErrorReplySchema.parse(body);
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.message.length).toBeGreaterThan(10);
  return parsed.error;
}
