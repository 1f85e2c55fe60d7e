import { z } from 'zod';
import { CRM_IDS, RECORD_KINDS } from './crm-ids';
import { CHANNELS, FLAG_TYPES, OWNER_KINDS } from './ownership';

// Ownership health (issue 6): what GET /v1/health and /v1/health/records answer and what POST
// /v1/reassign takes. Shared by the service (which builds the replies) and the extension's background
// (which validates them before the dashboard sees them), so a BI tool reading the JSON reads this shape.

const epochMs = z.number().int().nonnegative();
const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1);
const id = z.string().min(1).max(200);
const recordKey = z.string().min(1).max(400);

export const DEFAULT_STALE_DAYS = 30;
export const DEFAULT_SLA_HOURS = 24;
/** Days in the coverage, SLA and reassignment series. */
export const SERIES_DAYS = 30;
export const MAX_REASSIGN_KEYS = 1000;

/**
 * The filters, as query parameters (strings in, numbers out). `segment` is accepted by name only to be
 * refused clearly: the service stores no segment (records carry crm, kind, object type, name, email,
 * domain, stage), so a segment filter could only return unfiltered numbers.
 */
export const HealthFiltersSchema = z
  .object({
    crm: z.enum(CRM_IDS).optional(),
    kind: z.enum(RECORD_KINDS).optional(),
    owner: id.optional(),
    staleDays: z.coerce.number().int().min(1).max(3650).optional(),
  })
  .strict();
export type HealthFilters = z.infer<typeof HealthFiltersSchema>;

export const HEALTH_LISTS = ['unowned', 'stale', 'misowned', 'mismatch', 'overloaded'] as const;
export const HealthListSchema = z.enum(HEALTH_LISTS);
export type HealthList = z.infer<typeof HealthListSchema>;

export const HealthOwnerSchema = z
  .object({ id, name: z.string().max(300), kind: z.enum([...OWNER_KINDS, 'unknown']), active: z.boolean() })
  .strict();
export type HealthOwner = z.infer<typeof HealthOwnerSchema>;

export const OwnerLoadSchema = z
  .object({
    ownerId: id,
    name: z.string().max(300),
    /** `unknown`: records name an owner id the team's owner list does not have. */
    kind: z.enum([...OWNER_KINDS, 'unknown']),
    active: z.boolean(),
    records: count,
    /** Sum of this owner's capacities over the rule pack's pools; null when uncapped or in no pool. */
    capacity: count.nullable(),
  })
  .strict();
export type OwnerLoad = z.infer<typeof OwnerLoadSchema>;

const dayPoint = { day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) };

export const HealthReplySchema = z
  .object({
    serverNow: epochMs,
    filters: z.object({ crm: z.enum(CRM_IDS).optional(), kind: z.enum(RECORD_KINDS).optional(), owner: id.optional() }).strict(),
    rulePack: z.object({ version: z.number().int().positive(), name: z.string().max(200) }).strict().nullable(),
    /** How each number is defined, and what the service cannot know: shown on the dashboard as is. */
    notes: z.array(z.string().max(500)).max(20),
    coverage: z
      .object({ total: count, owned: count, activeOwned: count, ownedShare: share, activeShare: share })
      .strict(),
    load: z.array(OwnerLoadSchema),
    stale: z.object({ days: z.number().int().positive(), count, total: count }).strict(),
    misowned: z
      .object({
        /** False when the team has no (readable) rule pack: nothing can be misowned then. */
        evaluated: z.boolean(),
        count,
        byRule: z.array(z.object({ ruleId: z.string().max(200), count }).strict()),
      })
      .strict(),
    mismatch: z.object({ count, contactsLinked: count }).strict(),
    flags: z
      .object({
        byType: z.array(z.object({ type: z.enum(FLAG_TYPES), count }).strict()),
        byChannel: z.array(z.object({ channel: z.enum(CHANNELS), count }).strict()),
      })
      .strict(),
    sla: z
      .object({
        /** The pack's first assignment SLA, or DEFAULT_SLA_HOURS. */
        hours: z.number().positive(),
        measured: count,
        medianMs: epochMs.nullable(),
        p90Ms: epochMs.nullable(),
        /** Touched, but later than the SLA. */
        breaches: count,
        /** Not touched yet, and the SLA has run out. */
        overdue: count,
      })
      .strict(),
    reassignments: z
      .object({
        total: count,
        perDay: z.array(z.object({ ...dayPoint, count }).strict()),
        reasons: z.array(z.object({ reason: z.string().max(1000), count }).strict()),
      })
      .strict(),
    series: z
      .object({
        coverage: z.array(z.object({ ...dayPoint, total: count, owned: count, share }).strict()),
        sla: z.array(z.object({ ...dayPoint, measured: count, breaches: count, medianMs: epochMs.nullable() }).strict()),
      })
      .strict(),
    /** Every owner of the team, for the reassignment picker. */
    owners: z.array(HealthOwnerSchema),
  })
  .strict();
export type HealthReply = z.infer<typeof HealthReplySchema>;

export const HealthRecordSchema = z
  .object({
    key: recordKey,
    crm: z.enum(CRM_IDS),
    kind: z.enum(RECORD_KINDS),
    recordId: id,
    objectType: z.string().max(100).optional(),
    name: z.string().max(500).optional(),
    ownerId: id.nullable(),
    ownerName: z.string().max(300).optional(),
    /** Why it is on the list, in words: "no activity for 41 days", "rule r-emea expects queue:emea". */
    why: z.string().max(500),
    /** misowned: the rule that disagrees ("fallback" when none matched); mismatch: the account's key. */
    ruleId: z.string().max(200).optional(),
    expectedOwnerId: id.optional(),
    accountKey: recordKey.optional(),
    lastTouchAt: epochMs.optional(),
  })
  .strict();
export type HealthRecord = z.infer<typeof HealthRecordSchema>;

export const HealthRecordsReplySchema = z
  .object({
    list: HealthListSchema,
    total: count,
    /** The first MAX_LIST_ROWS, worst first; the CSV has them all. */
    records: z.array(HealthRecordSchema),
    truncated: z.boolean(),
  })
  .strict();
export type HealthRecordsReply = z.infer<typeof HealthRecordsReplySchema>;

export const ReassignRequestSchema = z
  .object({
    recordKeys: z.array(recordKey).min(1).max(MAX_REASSIGN_KEYS),
    /** A person, team or queue of the team's owner list. */
    ownerId: id,
    reason: z.string().trim().min(1).max(1000),
  })
  .strict();
export type ReassignRequest = z.infer<typeof ReassignRequestSchema>;

export const ReassignReplySchema = z
  .object({
    changed: count,
    /** Already owned by that owner. */
    unchanged: count,
    /** Keys the service holds no record for. */
    missing: z.array(recordKey),
    /** The team version the change was written at; null when nothing changed. */
    version: z.number().int().positive().nullable(),
  })
  .strict();
export type ReassignReply = z.infer<typeof ReassignReplySchema>;
