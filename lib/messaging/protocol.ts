import { z } from 'zod';
import { CRM_IDS, RECORD_KINDS } from '../model/crm-ids';
import { PageFactsSchema, RecordRefSchema } from '../model/record';

// The one protocol between pages (content scripts, options) and the background. Every request is
// validated here on receipt; the content script imports only the types, so Zod stays out of its bundle.

const MAX_CSV_CHARS = 20 * 1024 * 1024;

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
}

/** Errors cross the boundary as data and are rethrown on the caller's side. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export { PANEL_PORT, type PanelServerMessage } from './port';

export const PanelClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('watch'), ref: RecordRefSchema, facts: PageFactsSchema }).strict(),
  z.object({ type: z.literal('facts'), facts: PageFactsSchema }).strict(),
]);
export type PanelClientMessage = z.infer<typeof PanelClientMessageSchema>;
