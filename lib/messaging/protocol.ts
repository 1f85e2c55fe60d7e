import { z } from 'zod';
import { CRM_IDS, RECORD_KINDS } from '../model/crm-ids';
import { PageFactsSchema, RecordRefSchema } from '../model/record';
import { MUTATION_ARGS, type MutationArgs, type MutationName, type UserRole } from '../model/sync';
import { HealthFiltersSchema, HealthListSchema, ReassignRequestSchema, type HealthRecordsReply, type HealthReply, type ReassignReply } from '../model/health';
import type { PackPreview, RulePackStatus } from '../rulepack-install/types';

// The one protocol between pages (content scripts, options) and the background. Every request is
// validated here on receipt; the content script imports only the types, so Zod stays out of its bundle.

const MAX_CSV_CHARS = 20 * 1024 * 1024;
const MAX_PACK_TEXT_CHARS = 1024 * 1024;

type ChangeArgs<N extends MutationName> = Omit<MutationArgs<N>, 'recordKey' | 'record'>;

// One cast here keeps the eight variants from being written out by hand: each is its mutation's own
// schema without the two record fields, still `.strict()`.
const changeOf = <N extends MutationName>(name: N) =>
  z
    .object({
      name: z.literal(name),
      args: (MUTATION_ARGS[name] as unknown as z.ZodObject<z.ZodRawShape>).omit({ recordKey: true, record: true }) as unknown as z.ZodType<ChangeArgs<N>>,
    })
    .strict();

/**
 * A change to one record as the panel asks for it: the mutation without its record, which the background
 * fills in from the validated `ref` and page facts. The service decides whether the user may make it.
 */
export const RecordChangeSchema = z.discriminatedUnion('name', [
  changeOf('owner.set'),
  changeOf('supporting.set'),
  changeOf('flag.dnm.set'),
  changeOf('flag.dnm.clear'),
  changeOf('flag.outreach.claim'),
  changeOf('flag.outreach.release'),
  changeOf('checklist.item.set'),
  changeOf('consent.set'),
]);
export type RecordChange = z.infer<typeof RecordChangeSchema>;

const connectionFields = { serverUrl: z.string().max(2048), token: z.string().max(600) };

/** Requests a page may send with runtime.sendMessage, by route. */
export const REQUESTS = {
  'import.preview': z.object({ csv: z.string().max(MAX_CSV_CHARS), crm: z.enum(CRM_IDS).optional(), kind: z.enum(RECORD_KINDS).optional() }).strict(),
  'import.commit': z.object({ csv: z.string().max(MAX_CSV_CHARS), crm: z.enum(CRM_IDS).optional(), kind: z.enum(RECORD_KINDS).optional() }).strict(),
  'status.get': z.object({}).strict(),
  'viewer.set': z.object({ viewer: z.string().trim().max(320) }).strict(),
  'hosts.add': z.object({ origin: z.string().max(300), crm: z.enum(CRM_IDS) }).strict(),
  'hosts.remove': z.object({ origin: z.string().max(300) }).strict(),
  'panel.sync-now': z.object({}).strict(),
  'options.open': z.object({}).strict(),
  'panel.load': z.object({}).strict(),
  'sync.test': z.object(connectionFields).strict(),
  'sync.connect': z.object(connectionFields).strict(),
  'sync.disconnect': z.object({}).strict(),
  'record.change': z.object({ ref: RecordRefSchema, facts: PageFactsSchema, change: RecordChangeSchema }).strict(),
  'conflict.resolve': z.object({ mutationId: z.number().int().positive(), choice: z.enum(['mine', 'theirs']) }).strict(),
  // The ownership health dashboard (issue 6): the background calls the service with the stored token.
  'health.get': HealthFiltersSchema,
  'health.records': HealthFiltersSchema.extend({ list: HealthListSchema, format: z.enum(['json', 'csv']) }).strict(),
  'health.reassign': ReassignRequestSchema,
  // Rule packs (issue #5): a pack file is at most 1 MB of UTF-8; its checks happen in lib/rulepack-install.
  'rulepack.status': z.object({}).strict(),
  'rulepack.preview': z.object({ text: z.string().max(MAX_PACK_TEXT_CHARS) }).strict(),
  'rulepack.publish': z.object({ text: z.string().max(MAX_PACK_TEXT_CHARS) }).strict(),
  'rulepack.key.pin': z.object({ text: z.string().max(10_000) }).strict(),
  'rulepack.key.unpin': z.object({ keyId: z.string().regex(/^[0-9a-f]{16}$/) }).strict(),
} as const;

export type Route = keyof typeof REQUESTS;
export type RequestOf<R extends Route> = z.infer<(typeof REQUESTS)[R]>;

export const RequestEnvelopeSchema = z
  .object({ route: z.string().max(64), payload: z.unknown() })
  .strict();

export interface ImportSummary {
  format: { crm: string; kind: string; objectType: string } | null;
  records: number;
  owners: number;
  unowned: number;
  skipped: number;
  errors: { row: number; column?: string; message: string }[];
  /** Set by import.commit: rows written (new or changed). */
  written?: number;
}

export interface StatusReply {
  records: number;
  owners: number;
  viewer: string | undefined;
  customHosts: { origin: string; crm: string }[];
  lastImportAt: number | undefined;
  sync: SyncSummary;
}

/** The team connection as pages may see it: never the token. */
export interface SyncSummary {
  connected: boolean;
  serverUrl?: string;
  user?: { email: string; name: string; role: UserRole };
  team?: { id: string; name: string };
  lastSyncedAt?: number;
  lastError?: { code: string; message: string; at: number };
  pending: number;
  conflicts: number;
}

export interface ConnectionReply {
  user: { email: string; name: string; role: UserRole };
  team: { id: string; name: string };
}

/** What each route answers. */
export interface Replies {
  'import.preview': ImportSummary;
  'import.commit': ImportSummary;
  'status.get': StatusReply;
  'viewer.set': { viewer: string | undefined };
  'hosts.add': { origin: string; crm: string };
  'hosts.remove': { removed: boolean };
  'panel.sync-now': { started: boolean; reason?: string };
  'options.open': { opened: true };
  'panel.load': { loaded: true };
  'sync.test': ConnectionReply;
  'sync.connect': ConnectionReply & { synced: boolean; message?: string };
  'sync.disconnect': { disconnected: true };
  'record.change': { mutationId: number };
  'conflict.resolve': { resolved: boolean };
  'health.get': HealthReply;
  'health.records': { format: 'json'; reply: HealthRecordsReply } | { format: 'csv'; csv: string; filename: string };
  'health.reassign': ReassignReply;
  'rulepack.status': RulePackStatus;
  'rulepack.preview': PackPreview;
  'rulepack.publish': { version: number };
  'rulepack.key.pin': { keyIds: string[] };
  'rulepack.key.unpin': { removed: boolean };
}

/** Errors cross the boundary as data and are rethrown on the caller's side. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export { PANEL_PORT, type PanelServerMessage } from './port';

export const PanelClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('watch'), ref: RecordRefSchema, facts: PageFactsSchema }).strict(),
  z.object({ type: z.literal('facts'), facts: PageFactsSchema }).strict(),
]);
export type PanelClientMessage = z.infer<typeof PanelClientMessageSchema>;
