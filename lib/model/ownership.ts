import { z } from 'zod';
import { CRM_IDS, RECORD_KINDS } from './crm-ids';

export const CHANNELS = ['email', 'sms', 'ads', 'direct-mail', 'calls'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

export const OWNER_KINDS = ['person', 'team', 'queue'] as const;
export const OWNER_ROLES = ['sales', 'success', 'marketing', 'queue', 'other'] as const;

const id = z.string().min(1).max(200);
const epochMs = z.number().int().nonnegative();

/** Someone or something that can own a record: a person, a team or a queue. */
export const OwnerSchema = z
  .object({
    id,
    name: z.string().min(1).max(300),
    kind: z.enum(OWNER_KINDS),
    role: z.enum(OWNER_ROLES).default('other'),
    email: z.string().max(320).optional(),
    active: z.boolean().default(true),
    /** Last time this owner did anything we know of (for "inactive owner"). */
    lastActiveAt: epochMs.optional(),
  })
  .strict();
export type Owner = z.infer<typeof OwnerSchema>;

/** Ownership of one CRM record: the `records` table. */
export const OwnershipSchema = z
  .object({
    /** `<crm>:<kind>:<recordId>` (see recordKey). */
    key: z.string().min(1).max(400),
    crm: z.enum(CRM_IDS),
    kind: z.enum(RECORD_KINDS),
    recordId: id,
    objectType: z.string().max(100).optional(),
    name: z.string().max(500).optional(),
    email: z.string().max(320).optional(),
    domain: z.string().max(253).optional(),
    ownerId: id.nullable(),
    supportingOwnerIds: z.array(id).max(50).default([]),
    lifecycleStage: z.string().max(100).optional(),
    /** When the current owner was assigned (starts the time-to-first-touch SLA). */
    assignedAt: epochMs.optional(),
    firstTouchAt: epochMs.optional(),
    lastActivityAt: epochMs.optional(),
    consent: z.partialRecord(ChannelSchema, z.enum(['granted', 'withdrawn', 'unknown'])).default({}),
    updatedAt: epochMs,
    /** Compare-and-set version of the owner of record (team sync). */
    version: z.number().int().nonnegative().default(0),
  })
  .strict();
export type Ownership = z.infer<typeof OwnershipSchema>;

export const FLAG_TYPES = ['outreach', 'do-not-market'] as const;

/** "Human outreach in progress" (one per person) or "do not market until" on a record. */
export const FlagSchema = z
  .object({
    /** Deterministic (see flagId in ./sync): `dnm:<recordKey>` or `outreach:<recordKey>:<email>`. */
    id: z.string().min(1).max(800),
    recordKey: z.string().min(1).max(400),
    type: z.enum(FLAG_TYPES),
    setBy: z.string().min(1).max(300),
    since: epochMs,
    until: epochMs.optional(),
    reason: z.string().max(1000).optional(),
    channels: z.array(ChannelSchema).default([]),
  })
  .strict();
export type Flag = z.infer<typeof FlagSchema>;

export const ChecklistItemSchema = z
  .object({ id, label: z.string().min(1).max(300), done: z.boolean(), doneBy: z.string().max(300).optional(), doneAt: epochMs.optional() })
  .strict();

/** Handoff checklist for a record's next lifecycle transition. */
export const ChecklistSchema = z
  .object({
    recordKey: z.string().min(1).max(400),
    from: z.string().min(1).max(100),
    to: z.string().min(1).max(100),
    items: z.array(ChecklistItemSchema).max(100),
  })
  .strict();
export type Checklist = z.infer<typeof ChecklistSchema>;

export const HISTORY_KINDS = ['owner', 'supporting', 'stage', 'flag', 'checklist', 'import'] as const;

/** One append-only change: who, when, what, before, after, why. */
export const HistoryEntrySchema = z
  .object({
    id: z.string().min(1).max(200),
    recordKey: z.string().min(1).max(400),
    at: epochMs,
    actor: z.string().min(1).max(300),
    kind: z.enum(HISTORY_KINDS),
    before: z.string().max(1000).optional(),
    after: z.string().max(1000).optional(),
    reason: z.string().max(1000).optional(),
  })
  .strict();
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
