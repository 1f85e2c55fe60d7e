import { z } from 'zod';
import { CRM_IDS, RECORD_KINDS } from './crm-ids';
import { ChannelSchema, ChecklistSchema, FlagSchema, HistoryEntrySchema, OwnerSchema, OwnershipSchema } from './ownership';

// The team sync protocol, shared by the ownership service (server/) and the background sync worker
// (lib/sync/). Push/pull in the manner of Replicache: a client numbers its mutations 1, 2, 3...; the
// server applies each once, remembers the client's last mutation id, and pulls hand back every change
// after an opaque cookie. Both sides validate with these schemas; nothing else defines the wire.

export const USER_ROLES = ['rep', 'csm', 'marketer', 'admin'] as const;
export const UserRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof UserRoleSchema>;

const epochMs = z.number().int().nonnegative();
const recordKeyString = z.string().min(1).max(400);
const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * What the page showed of the record a mutation is about, so the service can file a flag on a record it
 * has not seen yet and find its email and web domain for the suppression list. Never changes the owner.
 */
export const RecordDescriptorSchema = z
  .object({
    crm: z.enum(CRM_IDS),
    kind: z.enum(RECORD_KINDS),
    recordId: z.string().min(1).max(200),
    objectType: z.string().max(100).optional(),
    name: z.string().max(500).optional(),
    email: z.string().max(320).optional(),
    domain: z.string().max(253).optional(),
  })
  .strict();
export type RecordDescriptor = z.infer<typeof RecordDescriptorSchema>;

const onRecord = { recordKey: recordKeyString, record: RecordDescriptorSchema };

/** Every change a client can ask for, by name. Who may ask is decided by the service (server/auth). */
export const MUTATION_ARGS = {
  /** Compare-and-set on the record's owner version: a stale edit is a conflict the user resolves. */
  'owner.set': z
    .object({ ...onRecord, ownerId: z.string().min(1).max(200).nullable(), expectedVersion: z.number().int().nonnegative(), reason: text(1000) })
    .strict(),
  'supporting.set': z.object({ ...onRecord, ownerIds: z.array(z.string().min(1).max(200)).max(50) }).strict(),
  /** "Do not market until": of two dates the later one stands. */
  'flag.dnm.set': z
    .object({ ...onRecord, until: epochMs, reason: text(1000), channels: z.array(ChannelSchema).min(1).max(5) })
    .strict(),
  /** Clears only the flag the user saw: a date set later by someone else is not cleared by accident. */
  'flag.dnm.clear': z.object({ ...onRecord, seenUntil: epochMs }).strict(),
  /** "Human outreach in progress": one claim per user, so two people's claims coexist. */
  'flag.outreach.claim': z.object({ ...onRecord, until: epochMs.optional() }).strict(),
  'flag.outreach.release': z.object({ ...onRecord }).strict(),
  /** Handoff checklist items: last writer wins, in the order the service applies them. */
  'checklist.item.set': z
    .object({ ...onRecord, from: text(100), to: text(100), itemId: text(200), label: text(300), done: z.boolean() })
    .strict(),
  'consent.set': z
    .object({ ...onRecord, channel: ChannelSchema, status: z.enum(['granted', 'withdrawn', 'unknown']) })
    .strict(),
} as const;

export type MutationName = keyof typeof MUTATION_ARGS;
export type MutationArgs<N extends MutationName> = z.infer<(typeof MUTATION_ARGS)[N]>;

const mutationOf = <N extends MutationName>(name: N) =>
  z
    .object({
      /** The client's own counter: 1 for its first mutation ever, then each next one +1. */
      id: z.number().int().positive(),
      name: z.literal(name),
      args: MUTATION_ARGS[name],
      /** The client's clock when the user acted: shown in history, never used to decide anything. */
      clientTime: epochMs,
    })
    .strict();

export const MutationSchema = z.discriminatedUnion('name', [
  mutationOf('owner.set'),
  mutationOf('supporting.set'),
  mutationOf('flag.dnm.set'),
  mutationOf('flag.dnm.clear'),
  mutationOf('flag.outreach.claim'),
  mutationOf('flag.outreach.release'),
  mutationOf('checklist.item.set'),
  mutationOf('consent.set'),
]);
export type Mutation = z.infer<typeof MutationSchema>;

export const MAX_PUSH_MUTATIONS = 500;

export const ClientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a client id is 8 to 64 letters, digits, - or _');

export const PushRequestSchema = z
  .object({ clientId: ClientIdSchema, mutations: z.array(MutationSchema).min(1).max(MAX_PUSH_MUTATIONS) })
  .strict();
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const MUTATION_OUTCOMES = ['applied', 'duplicate', 'conflict', 'rejected'] as const;

export const MutationResultSchema = z
  .object({
    id: z.number().int().positive(),
    status: z.enum(MUTATION_OUTCOMES),
    /** Why a mutation was rejected or conflicted, in words for the user. */
    message: z.string().max(1000).optional(),
    /** On an owner conflict: what the service holds now, to show beside the user's value. */
    current: z.object({ ownerId: z.string().nullable(), version: z.number().int().nonnegative() }).strict().optional(),
  })
  .strict();
export type MutationResult = z.infer<typeof MutationResultSchema>;

/** 200 to a push. A gap in mutation ids is answered 409 with an ErrorReply whose `expected` says which id comes next. */
export const PushReplySchema = z
  .object({ lastMutationId: z.number().int().nonnegative(), results: z.array(MutationResultSchema), serverNow: epochMs })
  .strict();
export type PushReply = z.infer<typeof PushReplySchema>;

export const PullRequestSchema = z
  .object({ clientId: ClientIdSchema, cookie: z.string().max(200).nullable() })
  .strict();
export type PullRequest = z.infer<typeof PullRequestSchema>;

export const MAX_PULL_ROWS = 5000;

export const PullReplySchema = z
  .object({
    /** Opaque: send it back unchanged on the next pull. */
    cookie: z.string().min(1).max(200),
    serverNow: epochMs,
    /** True when the cookie was older than the tombstones kept: drop local synced data and take this as all of it. */
    reset: z.boolean(),
    /** More changes wait: pull again at once with the new cookie. */
    more: z.boolean(),
    /** The last of this client's mutations the service has applied (its effects are in this or earlier pulls). */
    lastMutationId: z.number().int().nonnegative(),
    records: z.array(OwnershipSchema),
    owners: z.array(OwnerSchema),
    flags: z.array(FlagSchema),
    deletedFlags: z.array(z.string().min(1).max(800)),
    checklists: z.array(ChecklistSchema),
    history: z.array(HistoryEntrySchema),
  })
  .strict();
export type PullReply = z.infer<typeof PullReplySchema>;

export const MeReplySchema = z
  .object({
    user: z.object({ email: z.string().min(1).max(320), name: z.string().max(300), role: UserRoleSchema }).strict(),
    team: z.object({ id: z.string().min(1).max(200), name: z.string().max(300) }).strict(),
    serverNow: epochMs,
  })
  .strict();
export type MeReply = z.infer<typeof MeReplySchema>;

/** Every non-2xx answer of the service. */
export const ErrorReplySchema = z
  .object({
    error: z
      .object({ code: z.string().min(1).max(100), message: z.string().max(2000), expected: z.number().int().optional() })
      .strict(),
  })
  .strict();
export type ErrorReply = z.infer<typeof ErrorReplySchema>;

/** Deterministic flag ids, so one user's claim or a record's "do not market" is one row everywhere. */
export const flagId = {
  doNotMarket: (recordKey: string) => `dnm:${recordKey}`,
  outreach: (recordKey: string, userEmail: string) => `outreach:${recordKey}:${userEmail.toLowerCase()}`,
};
